package co.hotwax.preorder.spi;

/**
 * What a publisher has spent of its channel's API allowance, for an operator's graphs: requests sent, rate-limit
 * refusals, cost points spent and the cost bucket's level (for Shopify: the GraphQL Admin API's leaky bucket, from
 * {@code extensions.cost.throttleStatus}). Counters only grow; the bucket figures are gauges. A figure the publisher
 * does not know is {@code -1}.
 *
 * @param requests HTTP requests (or calls) sent to the channel
 * @param throttledResponses responses that refused a request for rate (Shopify: THROTTLED, HTTP 429)
 * @param pointsSpent cost points the channel charged, or -1 when unknown
 * @param bucketAvailable points available in the cost bucket now, or -1 when unknown
 * @param bucketCapacity the cost bucket's size in points, or -1 when unknown
 *
 * @since 0.1.0
 */
public record ChannelUsage(long requests, long throttledResponses, double pointsSpent, double bucketAvailable,
                           double bucketCapacity) {

    /** A publisher that keeps no such figures. */
    public static final ChannelUsage UNKNOWN = new ChannelUsage(-1, -1, -1, -1, -1);
}
