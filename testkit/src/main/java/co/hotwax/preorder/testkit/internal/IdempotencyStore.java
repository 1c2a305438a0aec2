package co.hotwax.preorder.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's {@code @idempotent} keys with the first result each produced. Retention: the most recent
 * {@link #capacity} keys are kept (oldest evicted first), which stands in for Shopify's undocumented time window.
 * Callers hold the shop lock.
 */
public final class IdempotencyStore {
    /** One remembered request: what was asked (field and arguments) and what was answered. */
    public record Entry(String fingerprint, Map<String, Object> payload) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;

    /** Keeps at most {@code capacity} keys. */
    public IdempotencyStore(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > IdempotencyStore.this.capacity;
            }
        };
    }

    /** The first result stored under {@code key}, if still retained. */
    public Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Remembers the first result of {@code key}. */
    public void put(String key, String fingerprint, Map<String, Object> payload) {
        entries.putIfAbsent(key, new Entry(fingerprint, payload));
    }
}
