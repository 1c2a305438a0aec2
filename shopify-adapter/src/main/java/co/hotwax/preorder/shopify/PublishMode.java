package co.hotwax.preorder.shopify;

/**
 * Where the SDK keeps the pre-orderable quantity in Shopify.
 *
 * @since 0.1.0
 */
public enum PublishMode {
    /**
     * The SDK owns the SKUs' quantities at a location used for nothing else. It writes {@code on_hand}, which
     * Shopify orders do not move, so an order racing the write is never sold again. The default.
     */
    DEDICATED_LOCATION,
    /**
     * The location also holds physical stock; the SDK is the single writer of these SKUs there and publishes
     * physical online ATP plus the pre-orderable quantity into {@code available}.
     */
    SHARED_LOCATION
}
