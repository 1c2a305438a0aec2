package co.hotwax.preorder.examples.simulation;

import java.time.Duration;

/**
 * One Shopify store of a simulated run: its shop domain, the weight the merchant gave it when stores share a pool,
 * how late the OMS imports its orders and its locations. A one-store run with no physical location has
 * {@link #single()}.
 *
 * @param shopDomain the store's domain, also the channel id of its pre-orders in the OMS
 * @param weight its weight in the split of each shared pool's P, at least 1
 * @param maxImportLag the longest the OMS takes to import one of its orders
 * @param layout its physical locations, in-stock SKUs and routing priority
 */
public record StoreSpec(String shopDomain, int weight, Duration maxImportLag, StoreLayout layout) {
    /** The domain of the store of a one-store run (the simulator's default). */
    public static final String DEFAULT_DOMAIN = "sim-shop.myshopify.com";

    /** Validates the store. */
    public StoreSpec {
        if (shopDomain == null || shopDomain.isBlank() || weight < 1 || maxImportLag == null
                || maxImportLag.isNegative() || layout == null) {
            throw new IllegalArgumentException("invalid store " + shopDomain + ": weight " + weight
                    + " must be >= 1, import lag " + maxImportLag + " not negative and a layout given");
        }
    }

    /**
     * A store with no physical location (the pre-order location and the warehouse only).
     *
     * @param shopDomain the store's domain
     * @param weight its weight, at least 1
     * @param maxImportLag the longest the OMS takes to import one of its orders
     */
    public StoreSpec(String shopDomain, int weight, Duration maxImportLag) {
        this(shopDomain, weight, maxImportLag, StoreLayout.preorderOnly());
    }

    /**
     * A copy with other locations.
     *
     * @param other the layout
     * @return the copy
     */
    public StoreSpec withLayout(StoreLayout other) {
        return new StoreSpec(shopDomain, weight, maxImportLag, other);
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
