package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.ShopifyPlan;

import java.util.Objects;

/**
 * The two numbers of Shopify's cost bucket for one app on one shop: how fast points come back and how many the
 * bucket holds. {@link #of(ShopifyPlan)} gives a real plan's values; tests construct their own, e.g.
 * {@code new PlanLimits(10, 50)}, for a small bucket that throttles after a few requests.
 *
 * @param restoreRate points restored per second, greater than 0
 * @param bucketSize the most points the bucket holds (its {@code maximumAvailable}), greater than 0
 * @since 0.1.0
 */
public record PlanLimits(double restoreRate, double bucketSize) {
    /**
     * Validates the limits.
     *
     * @param restoreRate points restored per second, greater than 0
     * @param bucketSize the most points the bucket holds (its {@code maximumAvailable}), greater than 0
     * @throws IllegalArgumentException when a number is not finite or not positive
     */
    public PlanLimits {
        requirePositive("restoreRate", restoreRate);
        requirePositive("bucketSize", bucketSize);
    }

    /**
     * The limits of one of Shopify's plans.
     *
     * @param plan the plan
     * @return its restore rate and bucket size
     */
    public static PlanLimits of(ShopifyPlan plan) {
        Objects.requireNonNull(plan, "plan");
        return new PlanLimits(plan.restoreRate(), plan.bucketSize());
    }

    private static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException("plan limits: " + name + " must be a finite number above 0, was "
                    + value);
        }
    }
}
