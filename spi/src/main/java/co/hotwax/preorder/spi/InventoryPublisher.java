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

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {
    }
}
