package co.hotwax.preorder.testkit.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** An inventory item and its levels per location. Guarded by the shop lock. */
public final class ItemRecord {
    private final String id;
    private final long number;
    private String sku;
    private boolean tracked;
    private VariantRecord variant;
    private BiConsumer<ItemRecord, String> skuChanged = (item, old) -> { };
    private final Map<String, LevelRecord> levelsByLocation = new LinkedHashMap<>();

    ItemRecord(long number, String sku, boolean tracked) {
        this.id = Gid.of("InventoryItem", number);
        this.number = number;
        this.sku = sku;
        this.tracked = tracked;
    }

    /** The item GID. */
    public String id() {
        return id;
    }

    long number() {
        return number;
    }

    /** Shopify's numeric REST id. */
    public String legacyResourceId() {
        return Long.toString(number);
    }

    /** The SKU. */
    public String sku() {
        return sku;
    }

    void sku(String sku) {
        String old = this.sku;
        this.sku = sku;
        skuChanged.accept(this, old);
    }

    /** Who keeps an index by SKU (the shop): told of every change with the SKU it replaced. */
    void onSkuChange(BiConsumer<ItemRecord, String> listener) {
        this.skuChanged = listener;
    }

    /** Whether Shopify counts this item's stock (untracked items are always in stock). */
    public boolean tracked() {
        return tracked;
    }

    void tracked(boolean tracked) {
        this.tracked = tracked;
    }

    /** The variant this item belongs to. */
    public VariantRecord variant() {
        return variant;
    }

    void variant(VariantRecord variant) {
        this.variant = variant;
    }

    /** The level at a location, or null when the item is not stocked there. */
    public LevelRecord level(String locationId) {
        return levelsByLocation.get(locationId);
    }

    /** All levels, in activation order. */
    public Collection<LevelRecord> levels() {
        return Collections.unmodifiableCollection(levelsByLocation.values());
    }

    void addLevel(LevelRecord level) {
        levelsByLocation.put(level.location().id(), level);
    }
}
