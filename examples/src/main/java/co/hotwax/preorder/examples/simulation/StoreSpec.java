package co.hotwax.preorder.examples.simulation;

import java.time.Duration;

/**
 * One Shopify store of a simulated run: its shop domain, the weight the merchant gave it when stores share a pool,
 * and how late the OMS imports its orders. A one-store run has {@link #single()}.
 *
 * @param shopDomain the store's domain, also the channel id of its pre-orders in the OMS
 * @param weight its weight in the split of each shared pool's P, at least 1
 * @param maxImportLag the longest the OMS takes to import one of its orders
 */
public record StoreSpec(String shopDomain, int weight, Duration maxImportLag) {
    /** The domain of the store of a one-store run (the simulator's default). */
    public static final String DEFAULT_DOMAIN = "sim-shop.myshopify.com";

    /** Validates the store. */
    public StoreSpec {
        if (shopDomain == null || shopDomain.isBlank() || weight < 1 || maxImportLag == null
                || maxImportLag.isNegative()) {
            throw new IllegalArgumentException("invalid store " + shopDomain + ": weight " + weight
                    + " must be >= 1 and import lag " + maxImportLag + " not negative");
        }
    }

    /**
     * The only store of a one-store run: weight 1; its orders' import lags are drawn by the shape.
     *
     * @return the store
     */
    public static StoreSpec single() {
        return new StoreSpec(DEFAULT_DOMAIN, 1, Duration.ZERO);
    }
}
