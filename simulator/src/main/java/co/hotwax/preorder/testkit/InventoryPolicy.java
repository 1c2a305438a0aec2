package co.hotwax.preorder.testkit;

/**
 * Shopify's {@code ProductVariantInventoryPolicy}: what a shopper may do once {@code available} runs out.
 *
 * @since 0.1.0
 */
public enum InventoryPolicy {
    /** Refuse orders beyond {@code available} (only when the inventory item is tracked). */
    DENY,
    /** Keep selling; {@code available} goes negative. */
    CONTINUE
}
