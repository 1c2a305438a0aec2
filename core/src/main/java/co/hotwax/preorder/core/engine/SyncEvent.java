package co.hotwax.preorder.core.engine;

/**
 * What the sync engine reports to a {@link SyncListener}. Every event names the publisher by its
 * {@link co.hotwax.preorder.spi.InventoryPublisher#channelId() channel id} and the SKU by its key ({@code sku} or
 * {@code sku@facilityId}).
 *
 * @since 0.1.0
 */
public sealed interface SyncEvent {

    /**
     * A desired state was applied by a publisher.
     *
     * @param publisher the channel id
     * @param key the SKU key
     * @param sellable the sellable quantity now in the channel
     * @param wrote whether the channel had to be changed
     */
    record Published(String publisher, String key, long sellable, boolean wrote) implements SyncEvent {
    }

    /**
     * A publisher could not apply a state for now; the engine tries again after a backoff, or at the time the
     * publisher gave ({@link co.hotwax.preorder.spi.PublishOutcome#retryAfter()}).
     *
     * @param publisher the channel id
     * @param key the SKU key
     * @param reason why, as the publisher said
     * @param attempt how many attempts have failed so far, from 1; a retry the publisher gave a time for is not
     *                counted as failed (it does not lengthen the backoff), so it repeats the number of the next one
     */
    record Retrying(String publisher, String key, String reason, int attempt) implements SyncEvent {
    }

    /**
     * A publisher refused a state for good; the engine does not try again until the pool changes (or the next
     * reconciliation).
     *
     * @param publisher the channel id
     * @param key the SKU key
     * @param reason why
     */
    record Rejected(String publisher, String key, String reason) implements SyncEvent {
    }

    /**
     * A publisher refuses every state because of its channel's setup (e.g. the Shopify access token lacks a scope),
     * reported once per publisher and reason instead of one {@link Rejected} per SKU; the refused states are
     * counted as rejected and tried again when their pool changes or at the next reconciliation. Reported again
     * if the problem comes back after a state was applied.
     *
     * @param publisher the channel id
     * @param reason what to fix, as the publisher said
     */
    record ChannelProblem(String publisher, String reason) implements SyncEvent {
    }

    /**
     * A store's setup check at start ({@link co.hotwax.preorder.spi.InventoryPublisher#checkSetup()}) found a
     * problem, reported once per problem when the engine starts. A blocking problem stops the start with
     * {@link StoreSetupException} unless the engine was built with
     * {@link PreorderSync.Builder#continueOnSetupProblems(boolean)}; warnings are always reported this way. The
     * publisher still checks before it writes (the Shopify adapter refuses every item as a channel problem while a
     * store-level blocker stands), so continuing never writes into a store set up unsafely.
     *
     * @param publisher the channel id
     * @param blocking whether the problem blocks the store (false: a warning, or the check could not run)
     * @param check what was checked, e.g. {@code access-scopes}
     * @param reason what was found
     * @param fix what to change; may be empty
     */
    record SetupProblem(String publisher, boolean blocking, String check, String reason, String fix) implements SyncEvent {
    }

    /**
     * An input (an OMS call or a feed item) was refused by the book; the other inputs went on.
     *
     * @param item the refused item, e.g. {@code "pre-order SO-1/2"}
     * @param reason why
     */
    record InputRejected(String item, String reason) implements SyncEvent {
    }

    /**
     * A reconciliation found the channel different from what the engine had last published, and corrected it
     * (a manual edit, a lost write).
     *
     * @param publisher the channel id
     * @param key the SKU key
     */
    record DriftCorrected(String publisher, String key) implements SyncEvent {
    }

    /**
     * Progress of a running full resync.
     *
     * @param done SKU states resynced so far (one per publisher and pool)
     * @param total SKU states in this resync
     */
    record ResyncProgress(long done, long total) implements SyncEvent {
    }

    /**
     * A full resync finished: every pool was checked against every publisher.
     *
     * @param total SKU states resynced (one per publisher and pool)
     */
    record ResyncCompleted(long total) implements SyncEvent {
    }

    /**
     * Reading a feed failed (it threw, refused its checkpoint, failed its snapshot, answered "more" without moving
     * on, or has not returned for long). The engine reads it again after a back-off; meanwhile the book keeps its
     * last good state and publishing goes on.
     *
     * @param feed the feed, e.g. {@code "supply source #1"} or {@code "pre-order source"}
     * @param reason what went wrong
     * @param attempt failed reads in a row, from 1
     * @param retryInMillis how long until the next read, by the engine's clock (0 when a read still runs)
     */
    record FeedFailed(String feed, String reason, int attempt, long retryInMillis) implements SyncEvent {
    }

    /**
     * The engine failed: its loop hit an {@link Error} (or could not start). It publishes nothing more and refuses
     * OMS calls; {@link PreorderSync#state()} is {@link PreorderSync.State#FAILED}. Close it and start a new one.
     *
     * @param reason the error
     */
    record EngineFailed(String reason) implements SyncEvent {
    }
}
