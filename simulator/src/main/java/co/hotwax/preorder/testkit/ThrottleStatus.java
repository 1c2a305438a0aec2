package co.hotwax.preorder.testkit;

/**
 * Shopify's {@code extensions.cost.throttleStatus}: the state of one shop's cost bucket after a request.
 *
 * @param maximumAvailable the bucket size, above 0
 * @param currentlyAvailable points available now, {@code 0..maximumAvailable}
 * @param restoreRate points restored per second, above 0
 * @since 0.1.0
 */
public record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {
    /**
     * Validates the status.
     *
     * @param maximumAvailable the bucket size, above 0
     * @param currentlyAvailable points available now, {@code 0..maximumAvailable}
     * @param restoreRate points restored per second, above 0
     * @throws IllegalArgumentException when a number is not finite or out of range
     */
    public ThrottleStatus {
        if (!Double.isFinite(maximumAvailable) || maximumAvailable <= 0) {
            throw new IllegalArgumentException("throttle status: maximumAvailable must be above 0, was "
                    + maximumAvailable);
        }
        if (!Double.isFinite(restoreRate) || restoreRate <= 0) {
            throw new IllegalArgumentException("throttle status: restoreRate must be above 0, was " + restoreRate);
        }
        if (!Double.isFinite(currentlyAvailable) || currentlyAvailable < 0 || currentlyAvailable > maximumAvailable) {
            throw new IllegalArgumentException("throttle status: currentlyAvailable must be within 0.."
                    + maximumAvailable + ", was " + currentlyAvailable);
        }
    }
}
