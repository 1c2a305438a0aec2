package co.hotwax.preorder.shopify;

/**
 * Shopify plan presets for the GraphQL cost bucket (restore rate in points per second, bucket size in points). The
 * pacer re-syncs from every response's {@code throttleStatus}, so a preset only matters until the first response.
 */
public enum ShopifyPlan {
    /** Basic, Grow, "Shopify": 100 points/s, 2,000-point bucket. */
    STANDARD(100, 2_000),
    /** Advanced: 200 points/s, 4,000-point bucket. */
    ADVANCED(200, 4_000),
    /** Shopify Plus: 1,000 points/s, 20,000-point bucket. */
    PLUS(1_000, 20_000),
    /** Enterprise (Commerce Components): 2,000 points/s, 40,000-point bucket. */
    ENTERPRISE(2_000, 40_000);

    private final double restoreRate;
    private final double bucketSize;

    ShopifyPlan(double restoreRate, double bucketSize) {
        this.restoreRate = restoreRate;
        this.bucketSize = bucketSize;
    }

    /**
     * Points restored per second.
     *
     * @return the restore rate
     */
    public double restoreRate() {
        return restoreRate;
    }

    /**
     * The bucket's capacity in points.
     *
     * @return the maximum available
     */
    public double bucketSize() {
        return bucketSize;
    }
}
