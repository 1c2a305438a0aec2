package co.hotwax.preorder.shopify.internal;

/**
 * What a response said about the cost bucket ({@code extensions.cost.throttleStatus}), number by number, after
 * {@link GraphQlTransport} has turned anything that is not a finite positive number into 0. Not the simulator's
 * {@code ThrottleStatus}, which is a valid bucket state: a reading is a server's answer, which may be malformed, so
 * it accepts what that type refuses and its users ({@link CostPacer}, {@link RetryIntervals}) ignore the zeros.
 *
 * @param maximumAvailable bucket capacity in points, or 0 when the response did not say
 * @param currentlyAvailable points left, or 0
 * @param restoreRate points restored per second, or 0 when the response did not say
 */
public record ThrottleReading(double maximumAvailable, double currentlyAvailable, double restoreRate) {
}
