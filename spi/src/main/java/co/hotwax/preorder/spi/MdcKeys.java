package co.hotwax.preorder.spi;

/**
 * The SLF4J MDC keys Preorder Sync sets around publish work, so a log pattern ({@code %X{preorder.shop}}) or a
 * JSON encoder can show which store and SKU a line is about. The engine sets {@link #SHOP} around every publish
 * call (and {@link #SKU} when the batch holds one SKU, and while it handles each state's outcome); a publisher may
 * set {@link #SKU} around per-item work. Each is restored to its previous value afterwards.
 *
 * @since 0.1.0
 */
public final class MdcKeys {
    /** The channel id (a Shopify shop domain) of the publisher doing the work. */
    public static final String SHOP = "preorder.shop";
    /** The SKU key ({@code sku} or {@code sku@facilityId}) being published. */
    public static final String SKU = "preorder.sku";

    private MdcKeys() {
    }
}
