package co.hotwax.preorder.spi;

import java.util.List;

/**
 * Makes one sales channel (one Shopify store, say) match the desired per-SKU states.
 *
 * <p>Contract (checked by the testkit's compatibility kit):
 * <ul>
 *   <li>{@link #publish} returns exactly one outcome per input state, in input order; one bad item never fails
 *       the others.</li>
 *   <li>Publishing the same state twice is harmless: the second call writes nothing.</li>
 *   <li>The channel never sells an order the OMS has not yet seen a second time: the publisher accounts for
 *       in-flight orders (see {@link DesiredState}) and never overwrites the channel blindly.</li>
 *   <li>When listing, marks go on before the quantity; when delisting, the quantity goes to zero before the marks
 *       come off.</li>
 *   <li>{@code publish} is called by one thread at a time per publisher; it may block (pacing, retries).</li>
 *   <li>No secret (access token) ever appears in an outcome, a log line, an exception or {@code toString}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public interface InventoryPublisher extends AutoCloseable {

    /**
     * Identifies the channel, e.g. a Shopify shop domain. Stable across restarts; used as the pre-orders'
     * {@link PreOrder#channel()} for orders taken through this channel.
     *
     * @return the channel id
     */
    String channelId();

    /**
     * Makes the channel match the states.
     *
     * @param states at most {@link #maxBatchSize()} states, each SKU and facility at most once
     * @return one outcome per state, in the same order
     */
    List<PublishOutcome> publish(List<DesiredState> states);

    /**
     * The largest batch {@link #publish} accepts.
     *
     * @return 250 unless the implementation says otherwise
     */
    default int maxBatchSize() {
        return 250;
    }

    /**
     * The SPI version this implementation was compiled against. Implement it as
     * {@code return SpiVersion.CURRENT;} so the constant is compiled into your class.
     *
     * @return {@link SpiVersion#CURRENT} at the implementation's compile time
     */
    int spiVersion();

    /**
     * What this publisher has spent of its channel's API allowance so far, for metrics. Called from any thread
     * (a metrics scrape), concurrently with {@link #publish}: it must be thread-safe, cheap and never block.
     *
     * @return the figures; the default {@link ChannelUsage#UNKNOWN}
     */
    default ChannelUsage usage() {
        return ChannelUsage.UNKNOWN;
    }

    /**
     * Checks the channel's own setup, read-only, once when the engine starts ({@code PreorderSync.start()} and
     * {@code startManual()}), before anything is published: the things that would make every write fail or let
     * the channel sell beyond what is offered, whatever the SKU (for Shopify: the token's access scopes, the
     * pre-order location exists, is active and fulfils online orders). A blocking problem fails the start naming
     * the channel and the fix, unless the engine is configured to go on, in which case it is reported as an event.
     *
     * <p>Added after the first implementations were written: the default reports nothing, so an implementation
     * written without it keeps working unchanged (same {@link SpiVersion}). An implementation should not throw
     * for a channel it cannot reach right now (report a non-blocking problem instead: publishing retries anyway);
     * an exception is logged and reported as a non-blocking problem.
     *
     * @return the problems found; the default {@link SetupCheck#NOTHING_TO_REPORT}
     * @since 0.1.0
     */
    default SetupCheck checkSetup() {
        return SetupCheck.NOTHING_TO_REPORT;
    }

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {
    }
}
