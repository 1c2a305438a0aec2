package co.hotwax.preorder.testkit;

import java.util.Objects;

/**
 * A product variant seeded into the simulator, with the inventory item created for it.
 *
 * @param id              the variant GID, e.g. {@code gid://shopify/ProductVariant/2}
 * @param productId       the owning product's GID
 * @param sku             the SKU (shared by the variant and its inventory item)
 * @param inventoryItemId the inventory item's GID, e.g. {@code gid://shopify/InventoryItem/3}
 * @since 0.1.0
 */
public record Variant(String id, String productId, String sku, String inventoryItemId) {
    /**
     * Validates that every part is present.
     *
     * @param id the variant GID, e.g. {@code gid://shopify/ProductVariant/2}
     * @param productId the owning product's GID
     * @param sku the SKU (shared by the variant and its inventory item)
     * @param inventoryItemId the inventory item's GID, e.g. {@code gid://shopify/InventoryItem/3}
     */
    public Variant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(inventoryItemId, "inventoryItemId");
    }
}
