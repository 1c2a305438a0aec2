package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an inventory write's own response for each item's quantities right after the write, from the adjustment
 * group's {@code changes { name quantityAfterChange item { id } }} for {@code available} and {@code on_hand}
 * (Shopify returns the derived {@code on_hand} change beside the one written;
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/InventoryAdjustmentGroup).
 *
 * <p>{@code committed} is taken as {@code on_hand - available}: other unavailable states (reserved, damaged,
 * safety stock) would only make it larger, so the in-flight orders derived from it are never under-counted. Unlike a
 * read before the write, this cannot miss an order placed between the read and the write, so stores sharing a pool
 * can trust it to free a lowered share for another store (see {@code PublishOutcome#inFlight}).
 */
public final class LevelsAfterWrite {
    /** The quantity names to select in a write's {@code changes}. */
    public static final List<String> NAMES = List.of("available", "on_hand");
    /** What selecting the changes adds to a write's requested cost: the list, a change and its item. */
    public static final double COST = 3;

    private LevelsAfterWrite() {
    }

    /**
     * Records on an item that its write applied: its level after the write (from the response, or the fallback
     * when Shopify did not return it) and, when the response had it, its in-flight units.
     *
     * @param after the levels from {@link #of}
     * @param item the item written
     * @param fallback the level computed from the one before the write
     */
    public static void written(Map<String, LevelQuantities> after, BatchItem item, LevelQuantities fallback) {
        LevelQuantities level = after.get(item.variant().inventoryItemId());
        item.level(level != null ? level : fallback);
        if (level != null) {
            item.inFlightFrom(level);
        }
        item.wrote();
    }

    /**
     * The levels after the write, by inventory item id; items missing either quantity are left out.
     *
     * @param payload the mutation's payload ({@code inventorySetQuantities} or {@code inventoryAdjustQuantities})
     * @return the levels, fresh
     */
    public static Map<String, LevelQuantities> of(JsonNode payload) {
        Map<String, Long> available = new HashMap<>();
        Map<String, Long> onHand = new HashMap<>();
        for (JsonNode change : payload.path("inventoryAdjustmentGroup").path("changes")) {
            JsonNode after = change.path("quantityAfterChange");
            String item = change.path("item").path("id").asText(null);
            if (item == null || !after.canConvertToLong()) {
                continue;
            }
            String name = change.path("name").asText("");
            if ("available".equals(name)) {
                available.put(item, after.asLong());
            } else if ("on_hand".equals(name)) {
                onHand.put(item, after.asLong());
            }
        }
        Map<String, LevelQuantities> levels = new HashMap<>();
        available.forEach((item, avail) -> {
            Long hand = onHand.get(item);
            if (hand != null) {
                levels.put(item, new LevelQuantities(true, hand, avail, Math.max(0, hand - avail)));
            }
        });
        return levels;
    }
}
