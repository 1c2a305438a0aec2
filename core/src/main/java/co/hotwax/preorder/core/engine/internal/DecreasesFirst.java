package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;

import java.util.HashMap;
import java.util.Map;

/**
 * The ordering rule for stores sharing a pool: an increase of one store never goes out while a decrease of the
 * same pool in another store is still unconfirmed (queued in the urgent lane, or waiting to be retried there).
 *
 * <p>Counts, per pool, the stores whose slot waits in the urgent lane. A store's own slot is in one lane at a time,
 * so when its slot waits in another lane, a count above zero is another store's decrease. Together with the cap of
 * {@link DesiredStates} (a share never reaches into another store's confirmed exposure) this makes every decrease a
 * change caused go out, and be confirmed, before any increase it allows.
 *
 * <p>Owned by the loop thread; only used with more than one store.
 */
final class DecreasesFirst {
    private final Map<PoolKey, Integer> urgent = new HashMap<>();

    /** A store's slot of the pool entered the urgent lane. */
    void entered(PoolKey key) {
        urgent.merge(key, 1, Integer::sum);
    }

    /** A store's slot of the pool left the urgent lane (published, moved to another lane, or dropped). */
    void left(PoolKey key) {
        urgent.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Whether a non-urgent state of the pool must wait.
     *
     * @param key the pool
     * @return true while any store's decrease of the pool is unconfirmed
     */
    boolean holds(PoolKey key) {
        return urgent.containsKey(key);
    }
}
