package co.hotwax.preorder.spi;

import java.time.Duration;

/**
 * What happened to one {@link DesiredState} handed to {@link InventoryPublisher#publish}.
 *
 * <p>{@code retryAfter} was added after the first implementations were written: every constructor and factory
 * they used is kept, and leaves it null, so they compile, link and behave as before (same {@link SpiVersion}).
 *
 * @param sku the SKU
 * @param facilityId the facility, as in the desired state
 * @param status applied, to retry, or rejected
 * @param wrote whether the channel was changed (false when it already matched); a write during a reconciliation
 *              that the engine did not expect is drift corrected
 * @param reason why it must be retried or was rejected, naming the cause; empty when applied
 * @param inFlight for an applied state, the units of this channel's orders at the location beyond the state's
 *                 {@code openOrders} (orders the OMS has not seen yet), as the channel reported them <em>after</em>
 *                 the write (for Shopify: {@code committed - openOrders}, read from the write's own response);
 *                 {@link #UNKNOWN} when the publisher did not observe it. Stores sharing one pool need it: a
 *                 store's in-flight units beyond its share come out of the other stores' shares, and a lowered
 *                 share only frees units for another store once the channel showed how many it had already sold
 * @param retryAfter for a RETRY, when the publisher knows it: how long from now the state should be sent again
 *                   (e.g. when a catalog export it waits for is next checked, or a {@code Retry-After} a server
 *                   gave); the engine then sends it again at that time, not after its own retry back-off, and
 *                   does not count it as a failed attempt that lengthens the back-off. Null (every outcome made
 *                   without it) leaves the wait to the engine's back-off. Positive; only on a RETRY
 *
 * @since 0.1.0
 */
public record PublishOutcome(String sku, String facilityId, Status status, boolean wrote, String reason,
                             long inFlight, Duration retryAfter) {
    /**
     * The start of the reason of a refusal that is not about the item but about the whole channel (e.g. the access
     * token lacks a scope): every item would be refused the same way until an operator fixes the channel, so the
     * engine reports it once per channel rather than once per item. See {@link #rejectedByChannel}.
     */
    public static final String CHANNEL_PROBLEM = "channel problem: ";

    /** {@link #inFlight()} when the publisher did not observe it. */
    public static final long UNKNOWN = -1;

    /** The outcome kinds. */
    public enum Status {
        /** The channel now matches the desired state. */
        APPLIED,
        /** A transient failure (throttling, a timeout, a stale compare-and-set lost to a racing writer): try again. */
        RETRY,
        /** The channel refused this item for good (unknown SKU, a duplicate SKU, a user error); fix the data. */
        REJECTED
    }

    /**
     * Validates the outcome.
     *
     * @param sku the SKU
     * @param facilityId the facility, as in the desired state
     * @param status applied, to retry, or rejected
     * @param wrote whether the channel was changed (false when it already matched); a write during a reconciliation
     *              that the engine did not expect is drift corrected
     * @param reason why it must be retried or was rejected, naming the cause; empty when applied
     * @param inFlight the channel's unimported orders observed after the write, or {@link #UNKNOWN}
     * @param retryAfter for a RETRY, how long from now to send the state again; null for the engine's back-off
     * @throws InvalidInputException when a field is missing, a failure carries no reason, inFlight is below -1, or
     *                               a retryAfter is given on an outcome other than RETRY or is not positive
     */
    public PublishOutcome {
        String item = "publish outcome of sku " + sku;
        Quantities.requireId(item, "sku", sku);
        if (status == null) {
            throw new InvalidInputException(item, "status is missing");
        }
        if (reason == null) {
            reason = "";
        }
        if (status != Status.APPLIED && reason.isBlank()) {
            throw new InvalidInputException(item, status + " needs a reason");
        }
        if (inFlight < UNKNOWN) {
            throw new InvalidInputException(item, "inFlight must be -1 (unknown) or more, was " + inFlight);
        }
        if (retryAfter != null && status != Status.RETRY) {
            throw new InvalidInputException(item, "retryAfter is for RETRY outcomes only, this one is " + status);
        }
        if (retryAfter != null && (retryAfter.isZero() || retryAfter.isNegative())) {
            throw new InvalidInputException(item, "retryAfter must be positive, was " + retryAfter);
        }
    }

    /**
     * An outcome without a retry-after: the engine's back-off decides when a RETRY is sent again. (The canonical
     * constructor of the first SPI release, kept so implementations built against it link and compile unchanged.)
     *
     * @param sku the SKU
     * @param facilityId the facility, as in the desired state
     * @param status applied, to retry, or rejected
     * @param wrote whether the channel was changed
     * @param reason why it must be retried or was rejected; empty when applied
     * @param inFlight the channel's unimported orders observed after the write, or {@link #UNKNOWN}
     * @throws InvalidInputException as the canonical constructor
     */
    public PublishOutcome(String sku, String facilityId, Status status, boolean wrote, String reason, long inFlight) {
        this(sku, facilityId, status, wrote, reason, inFlight, null);
    }

    /**
     * An outcome whose in-flight units were not observed.
     *
     * @param sku the SKU
     * @param facilityId the facility, as in the desired state
     * @param status applied, to retry, or rejected
     * @param wrote whether the channel was changed
     * @param reason why it must be retried or was rejected; empty when applied
     */
    public PublishOutcome(String sku, String facilityId, Status status, boolean wrote, String reason) {
        this(sku, facilityId, status, wrote, reason, UNKNOWN);
    }

    /**
     * The channel matches the state.
     *
     * @param state the state published
     * @param wrote whether a write was needed
     * @return the outcome
     */
    public static PublishOutcome applied(DesiredState state, boolean wrote) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.APPLIED, wrote, "");
    }

    /**
     * The channel matches the state, and showed after the write how many units it sold that the OMS has not seen.
     *
     * @param state the state published
     * @param wrote whether a write was needed
     * @param inFlight the channel's orders at the location beyond {@code state.openOrders()}, observed after the
     *                 write, {@code >= 0}
     * @return the outcome
     */
    public static PublishOutcome applied(DesiredState state, boolean wrote, long inFlight) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.APPLIED, wrote, "", inFlight);
    }

    /**
     * A transient failure.
     *
     * @param state the state that was not published
     * @param reason why, e.g. {@code "THROTTLED"}
     * @return the outcome
     */
    public static PublishOutcome retry(DesiredState state, String reason) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.RETRY, false, reason);
    }

    /**
     * A state the publisher cannot apply yet but knows when it can be tried again (it waits for something with a
     * known next check, e.g. a catalog export, or the server said when): the engine sends it again after
     * {@code after}, not after its own retry back-off, and does not count it as a failed attempt, so a state
     * deferred many times is not sent again long after what it waited for is there. The engine caps the wait at its
     * longest back-off, so a publisher's estimate never holds a state longer than the engine would.
     *
     * @param state the state that was not published
     * @param reason why, e.g. {@code "waiting for the catalog export"}
     * @param after how long from now to send it again, positive
     * @return the outcome
     * @throws InvalidInputException when {@code after} is null or not positive
     */
    public static PublishOutcome retry(DesiredState state, String reason, Duration after) {
        if (after == null) {
            throw new InvalidInputException("publish outcome of sku " + state.sku(), "retryAfter is missing");
        }
        return new PublishOutcome(state.sku(), state.facilityId(), Status.RETRY, false, reason, UNKNOWN, after);
    }

    /**
     * A permanent refusal.
     *
     * @param state the state that was refused
     * @param reason why, e.g. {@code "no variant has SKU RED-M"}
     * @return the outcome
     */
    public static PublishOutcome rejected(DesiredState state, String reason) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.REJECTED, false, reason);
    }

    /**
     * A permanent refusal caused by the channel's setup, not by the item (a missing access scope, a revoked token).
     *
     * @param state the state that was refused
     * @param reason why, naming what to fix, e.g. {@code "missing access scope write_inventory"}
     * @return the outcome, whose reason starts with {@link #CHANNEL_PROBLEM}
     */
    public static PublishOutcome rejectedByChannel(DesiredState state, String reason) {
        return rejected(state, CHANNEL_PROBLEM + reason);
    }

    /**
     * Whether this is a refusal caused by the channel's setup rather than by the item.
     *
     * @return true for a REJECTED outcome made by {@link #rejectedByChannel}
     */
    public boolean channelProblem() {
        return status == Status.REJECTED && reason.startsWith(CHANNEL_PROBLEM);
    }

    /**
     * The key that identifies the SKU at its location, as {@link DesiredState#key()}.
     *
     * @return {@code sku} or {@code sku@facilityId}
     */
    public String key() {
        return facilityId == null ? sku : sku + "@" + facilityId;
    }
}
