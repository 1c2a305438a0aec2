package co.hotwax.preorder.spi;

/**
 * Shopify's plans and the GraphQL Admin API cost bucket each one gives an app on a store: points restored per second
 * and the most points the bucket holds. One definition for the adapter, which paces its requests from a preset until
 * the first response reports the real bucket, and the simulator, which enforces the same bucket; neither artifact
 * can see the other, so the presets live here.
 *
 * <p>Restore rates are Shopify's published figures
 * (<a href="https://shopify.dev/docs/api/usage/limits">shopify.dev/docs/api/usage/limits</a>,
 * <a href="https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits">GraphQL Admin API rate limits</a>);
 * every bucket holds 20 seconds of restore, which Shopify publishes for the standard plan (2,000 points at 100 per
 * second) and its {@code throttleStatus.maximumAvailable} reports on every response.
 *
 * @since 0.1.0
 */
public enum ShopifyPlan {
    /** Basic, Grow and "Shopify": 100 points per second, a 2,000-point bucket. */
    STANDARD(100, 2_000),
    /** Advanced Shopify: 200 points per second, a 4,000-point bucket. */
    ADVANCED(200, 4_000),
    /** Shopify Plus: 1,000 points per second, a 20,000-point bucket. */
    PLUS(1_000, 20_000),
    /** Shopify for enterprise (Commerce Components): 2,000 points per second, a 40,000-point bucket. */
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
     * @return the restore rate ({@code throttleStatus.restoreRate})
     */
    public double restoreRate() {
        return restoreRate;
    }

    /**
     * The most points the bucket holds.
     *
     * @return the bucket size ({@code throttleStatus.maximumAvailable})
     */
    public double bucketSize() {
        return bucketSize;
    }
}
