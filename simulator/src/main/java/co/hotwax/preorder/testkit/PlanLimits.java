package co.hotwax.preorder.testkit;

/**
 * The two numbers of Shopify's cost bucket for one app on one shop: how fast points come back and how many the
 * bucket holds. {@link ShopPlan} gives Shopify's published values; tests use {@link ShopPlan#custom} for a small
 * bucket that throttles after a few requests.
 *
 * @param restoreRate points restored per second, greater than 0
 * @param bucketSize the most points the bucket holds (its {@code maximumAvailable}), greater than 0
 */
public record PlanLimits(double restoreRate, double bucketSize) {
    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException when a number is not finite or not positive
     */
    public PlanLimits {
        requirePositive("restoreRate", restoreRate);
        requirePositive("bucketSize", bucketSize);
    }

    private static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException("plan limits: " + name + " must be a finite number above 0, was "
                    + value);
        }
    }
}
