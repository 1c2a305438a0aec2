package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.InventoryPolicy;

/** A product variant. Guarded by the shop lock. */
public final class VariantRecord {
    private final String id;
    private final long number;
    private final ProductRecord product;
    private final ItemRecord item;
    private InventoryPolicy policy;

    VariantRecord(long number, ProductRecord product, ItemRecord item, InventoryPolicy policy) {
        this.id = Gid.of("ProductVariant", number);
        this.number = number;
        this.product = product;
        this.item = item;
        this.policy = policy;
    }

    /** The variant GID. */
    public String id() {
        return id;
    }

    long number() {
        return number;
    }

    /** The SKU, which lives on the inventory item in Shopify. */
    public String sku() {
        return item.sku();
    }

    /** The variant title; every simulated product has one default variant title. */
    public String title() {
        return "Default Title";
    }

    /** "Product title - variant title", as Shopify shows it. */
    public String displayName() {
        return product.title() + " - " + title();
    }

    /** Shopify's numeric REST id. */
    public String legacyResourceId() {
        return Long.toString(number);
    }

    /** The owning product. */
    public ProductRecord product() {
        return product;
    }

    /** The inventory item. */
    public ItemRecord inventoryItem() {
        return item;
    }

    /** DENY or CONTINUE. */
    public InventoryPolicy inventoryPolicy() {
        return policy;
    }

    void inventoryPolicy(InventoryPolicy policy) {
        this.policy = policy;
    }
}
