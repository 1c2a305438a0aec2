package co.hotwax.preorder.testkit;

/**
 * Shopify plans and their GraphQL Admin API cost limits (see shopify-admin-api.md section 6). An enum cannot carry
 * arbitrary values, so {@link #custom(double, double)} returns a {@link PlanLimits} record directly; everything
 * that takes limits takes a {@link PlanLimits}, and {@link #limits()} converts a plan.
 */
public enum ShopPlan {
    /** Basic, Shopify and Grow plans: 100 points per second, bucket of 2,000. */
    STANDARD(100, 2_000),
    /** Advanced Shopify: 200 points per second, bucket of 4,000 (bucket size inferred as 20 times the rate). */
    ADVANCED(200, 4_000),
    /** Shopify Plus: 1,000 points per second, bucket of 20,000. */
    PLUS(1_000, 20_000),
    /** Commerce Components: 2,000 points per second, bucket of 40,000 (bucket size inferred). */
    ENTERPRISE(2_000, 40_000);

    private final PlanLimits limits;

    ShopPlan(double restoreRate, double bucketSize) {
        this.limits = new PlanLimits(restoreRate, bucketSize);
    }

    /**
     * Points restored per second.
     *
     * @return the restore rate
     */
    public double restoreRate() {
        return limits.restoreRate();
    }

    /**
     * The most points the bucket holds.
     *
     * @return the bucket size ({@code maximumAvailable})
     */
    public double bucketSize() {
        return limits.bucketSize();
    }

    /**
     * This plan's limits as a value.
     *
     * @return the limits
     */
    public PlanLimits limits() {
        return limits;
    }

    /**
     * Limits for no real plan, e.g. a 50-point bucket restoring 10 points per second so a test throttles quickly.
     *
     * @param restoreRate points restored per second, above 0
     * @param bucketSize the most points the bucket holds, above 0
     * @return the limits
     * @throws IllegalArgumentException when a number is not finite or not positive
     */
    public static PlanLimits custom(double restoreRate, double bucketSize) {
        return new PlanLimits(restoreRate, bucketSize);
    }
}
