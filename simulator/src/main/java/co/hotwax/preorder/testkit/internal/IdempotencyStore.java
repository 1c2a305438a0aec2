package co.hotwax.preorder.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's {@code @idempotent} keys with the first result each produced, kept for {@link #RETENTION} of the
 * simulator's clock: "Idempotency keys are retained for 24 hours" (shopify.dev/docs/api/usage/implementing-idempotency,
 * retention window of the mutations that take {@code @idempotent}). After that the same key applies again.
 * Callers hold the shop lock.
 */
public final class IdempotencyStore {
    /** How long Shopify remembers a key. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /** One remembered request: what was asked (field and arguments), what was answered, and when. */
    public record Entry(String fingerprint, Map<String, Object> payload, Instant storedAt) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Keeps keys for 24 hours of {@code clock}. */
    public IdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    /** The first result stored under {@code key}, if still retained. */
    public Optional<Entry> get(String key) {
        expire();
        return Optional.ofNullable(entries.get(key));
    }

    /** Remembers the first result of {@code key}. */
    public void put(String key, String fingerprint, Map<String, Object> payload) {
        expire();
        entries.putIfAbsent(key, new Entry(fingerprint, payload, clock.instant()));
    }

    /** Drops keys older than the retention window; entries are in storage order, so the oldest come first. */
    private void expire() {
        Instant cutoff = clock.instant().minus(RETENTION);
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            if (it.next().storedAt().isAfter(cutoff)) {
                return;
            }
            it.remove();
        }
    }
}
