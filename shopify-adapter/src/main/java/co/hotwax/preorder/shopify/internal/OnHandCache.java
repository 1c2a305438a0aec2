package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.DesiredState;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per (inventory item, location), the {@code on_hand} the adapter last saw at a dedicated pre-order location and
 * the desired state that was applied with it, so steady-state publishing can skip the read before the
 * compare-and-set write.
 *
 * <p>Only two things put an entry: a fresh read of a publish whose quantity then matched its target, and a write
 * Shopify applied (its target). An outcome the adapter cannot vouch for (a lost response after the retries, a
 * write refused, a compare-and-set that kept losing) removes the entry, so the next publish reads.
 *
 * <p>An entry is not trusted for a state equal to the one it was applied with: the engine sends an unchanged state
 * only when it reconciles or retries, which is exactly when Shopify's own view must be read to find drift (a manual
 * edit that raised on_hand would otherwise never make a compare-and-set stale, since no write is due).
 *
 * <p>Not thread-safe: the publisher runs one publish at a time.
 */
public final class OnHandCache {
    private final Map<String, Entry> entries = new HashMap<>();

    /**
     * The remembered on_hand to write from without a read, if any.
     *
     * @param inventoryItemId the item
     * @param locationId the location
     * @param state the state about to be published
     * @return the remembered level, or empty when the publish must read
     */
    public Optional<LevelQuantities> usableFor(String inventoryItemId, String locationId, DesiredState state) {
        Entry entry = entries.get(key(inventoryItemId, locationId));
        if (entry == null || entry.applied().equals(state)) {
            return Optional.empty();
        }
        return Optional.of(LevelQuantities.remembered(entry.onHand()));
    }

    /**
     * Remembers the on_hand an item's quantity now matches.
     *
     * @param inventoryItemId the item
     * @param locationId the location
     * @param onHand the on_hand read or written
     * @param applied the state it was published for
     */
    public void remember(String inventoryItemId, String locationId, long onHand, DesiredState applied) {
        entries.put(key(inventoryItemId, locationId), new Entry(onHand, applied));
    }

    /**
     * Forgets an item, so its next publish reads.
     *
     * @param inventoryItemId the item
     * @param locationId the location
     */
    public void forget(String inventoryItemId, String locationId) {
        entries.remove(key(inventoryItemId, locationId));
    }

    /** @return how many items are remembered */
    public int size() {
        return entries.size();
    }

    private static String key(String inventoryItemId, String locationId) {
        return inventoryItemId + '@' + locationId;
    }

    private record Entry(long onHand, DesiredState applied) {
    }
}
