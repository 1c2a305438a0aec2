package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What resolution knows of one SKU's variant. The marks part (tracked, policy, metafield) is updated after each
 * successful write so the next publish skips writes already done.
 *
 * @param sku the SKU
 * @param variantId the variant gid
 * @param productId the product gid
 * @param inventoryItemId the inventory item gid
 * @param tracked whether inventory is tracked
 * @param denyPolicy whether the inventory policy is DENY
 * @param metafieldValue the pre-order metafield's value, or null
 */
public record VariantRecord(String sku, String variantId, String productId, String inventoryItemId, boolean tracked,
                            boolean denyPolicy, String metafieldValue) {

    /**
     * Reads a variant as {@code productVariants} and the bulk export select it ({@code id sku inventoryPolicy
     * metafield { value } product { id } inventoryItem { id tracked }}); the caller has checked the ids are text.
     *
     * @param sku the SKU
     * @param node the variant object
     * @return the record
     */
    static VariantRecord of(String sku, JsonNode node) {
        JsonNode metafield = node.path("metafield");
        return new VariantRecord(sku, node.path("id").asText(), node.path("product").path("id").asText(),
                node.path("inventoryItem").path("id").asText(), node.path("inventoryItem").path("tracked").asBoolean(false),
                "DENY".equals(node.path("inventoryPolicy").asText()),
                metafield.isObject() ? metafield.path("value").asText(null) : null);
    }

    /** @return a copy with tracking on */
    public VariantRecord withTracked() {
        return new VariantRecord(sku, variantId, productId, inventoryItemId, true, denyPolicy, metafieldValue);
    }

    /** @return a copy with policy DENY */
    public VariantRecord withDeny() {
        return new VariantRecord(sku, variantId, productId, inventoryItemId, tracked, true, metafieldValue);
    }

    /**
     * A copy with a new metafield value.
     *
     * @param value the value written
     * @return the copy
     */
    public VariantRecord withMetafield(String value) {
        return new VariantRecord(sku, variantId, productId, inventoryItemId, tracked, denyPolicy, value);
    }
}
