package co.hotwax.preorder.testkit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An inventory level: the stored quantity states of one item at one location. on_hand is derived, never stored,
 * so it always equals the sum of its parts. Guarded by the shop lock.
 */
public final class LevelRecord {
    private final String id;
    private final ItemRecord item;
    private final LocationRecord location;
    private final Map<String, Integer> stored = new LinkedHashMap<>();
    private Instant updatedAt;

    LevelRecord(long number, ItemRecord item, LocationRecord location, Instant now) {
        // Shopify's level ids carry the item id as a query string.
        this.id = Gid.of("InventoryLevel", number) + "?inventory_item_id=" + item.number();
        this.item = item;
        this.location = location;
        this.updatedAt = now;
        for (String name : QuantityName.STORED) {
            stored.put(name, 0);
        }
    }

    /** The level GID, e.g. {@code gid://shopify/InventoryLevel/7?inventory_item_id=3}. */
    public String id() {
        return id;
    }

    /** Always true: inactive levels are not modelled. */
    public boolean isActive() {
        return true;
    }

    /** The item. */
    public ItemRecord item() {
        return item;
    }

    /** The location. */
    public LocationRecord location() {
        return location;
    }

    /** When a quantity last changed. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** The current value of a quantity name (on_hand derived); 0 for unknown names. */
    public int get(String name) {
        if (QuantityName.ON_HAND.equals(name)) {
            int sum = 0;
            for (String part : QuantityName.ON_HAND_PARTS) {
                sum += stored.get(part);
            }
            return sum;
        }
        return stored.getOrDefault(name, 0);
    }

    /** Adds {@code delta} to a stored state (not on_hand). */
    void add(String name, int delta, Instant now) {
        if (!stored.containsKey(name)) {
            throw new IllegalArgumentException("not a stored quantity: " + name);
        }
        stored.merge(name, delta, Integer::sum);
        updatedAt = now;
    }
}
