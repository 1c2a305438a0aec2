package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * For stores sharing a pool: how many units each store could still take from the pool, as far as its channel has
 * confirmed, so that a store's share is never raised into units another store may still sell.
 *
 * <p>Per store and pool it keeps a <em>ceiling</em> in the channel's own units: the most units of this store's
 * orders the location can end up holding (OMS-known open orders, in-flight orders and what it still sells). After a
 * write applied with {@code sellable} and {@code openOrders}, under {@code inventoryPolicy: DENY} the channel takes
 * new orders only while {@code available > 0}, so its orders never exceed {@code openOrders + max(sellable,
 * inFlight)}, where {@code inFlight} is what the channel held beyond {@code openOrders} right after the write. Until
 * the next applied write that ceiling holds whatever shoppers do; importing an order moves it from in flight to open
 * and leaves the ceiling alone. The store's exposure now is {@code ceiling - openOrders now}: the units it may still
 * take that P does not count yet.
 *
 * <p>A write whose in-flight units the publisher did not observe ({@link PublishOutcome#UNKNOWN}) cannot lower the
 * ceiling (shoppers may have bought up to the old one), only raise it; the first write to a store a run makes
 * assumes nothing in flight (the fallback for publishers that never observe it). Before a store's first applied
 * write in this run its exposure is unknown: another store gets no units of that pool until it is known, so a
 * restarted engine never raises one store while another still shows the old, larger share. A store that refuses a
 * write for its setup (a revoked access scope) teaches nothing: its exposure stays its last ceiling, or unknown when
 * it has applied nothing since the start, until a write applies there again.
 *
 * <p>Owned by the loop thread; only kept with more than one store.
 */
public final class ExposureLedger {
    private static final long UNKNOWN = -1;

    private final int stores;
    private final Map<PoolKey, Entry> entries = new HashMap<>();

    /** One pool: the latest book state and per store its ceiling and last observed in-flight orders (absolute). */
    private static final class Entry {
        PoolState state;
        final long[] ceiling;
        final long[] held;
        final long[] shown;

        Entry(int stores) {
            ceiling = new long[stores];
            held = new long[stores];
            shown = new long[stores];
            Arrays.fill(ceiling, UNKNOWN);
            Arrays.fill(held, UNKNOWN);
            Arrays.fill(shown, UNKNOWN);
        }
    }

    /**
     * Creates an empty ledger.
     *
     * @param stores the number of stores
     */
    public ExposureLedger(int stores) {
        this.stores = stores;
    }

    /**
     * Remembers the book's latest state of a pool, to recompute every store's state after a write confirms.
     *
     * @param key the pool
     * @param state its state, or null when the book no longer has it
     */
    public void remember(PoolKey key, PoolState state) {
        entry(key).state = state;
    }

    /**
     * The book's latest state of a pool.
     *
     * @param key the pool
     * @return the state, or null when absent or unknown
     */
    public PoolState state(PoolKey key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.state;
    }

    /**
     * A store applied a state.
     *
     * @param key the pool
     * @param store the store's index
     * @param state the state applied
     * @param inFlight the store's units beyond {@code state.openOrders()} right after the write, or
     *                 {@link PublishOutcome#UNKNOWN}
     */
    public void applied(PoolKey key, int store, DesiredState state, long inFlight) {
        Entry entry = entry(key);
        long open = state.openOrders();
        entry.shown[store] = open + state.sellable();
        if (inFlight >= 0) {
            entry.ceiling[store] = open + Math.max(state.sellable(), inFlight);
            entry.held[store] = open + inFlight;
        } else if (entry.ceiling[store] == UNKNOWN) {
            entry.ceiling[store] = open + state.sellable();
            entry.held[store] = open;
        } else {
            entry.ceiling[store] = Math.max(entry.ceiling[store], open + state.sellable());
        }
    }

    /**
     * A store refused a pool for good (e.g. it lacks the SKU): it sells none of it, so its exposure is taken as 0
     * when nothing was ever applied there; otherwise what was applied last still stands.
     *
     * @param key the pool
     * @param store the store's index
     * @param openOrders the store's open units of the pool the OMS knows of
     */
    public void refused(PoolKey key, int store, long openOrders) {
        Entry entry = entry(key);
        if (entry.ceiling[store] == UNKNOWN) {
            entry.ceiling[store] = openOrders;
            entry.held[store] = openOrders;
            entry.shown[store] = openOrders;
        }
    }

    /**
     * What a store may be given without raising what its channel shows: the units of its last applied state, less
     * the orders imported since.
     *
     * @param key the pool
     * @param store the store's index
     * @param openNow the store's open units the OMS knows of now
     * @return the units, 0 when nothing was applied yet
     */
    public long shown(PoolKey key, int store, long openNow) {
        Entry entry = entries.get(key);
        if (entry == null || entry.shown[store] == UNKNOWN) {
            return 0;
        }
        return Math.max(0, entry.shown[store] - openNow);
    }

    /**
     * Units a store may still take that P does not count: its ceiling minus its open orders now.
     *
     * @param key the pool
     * @param store the store's index
     * @param openNow the store's open units the OMS knows of now
     * @return the exposure, or {@link Long#MAX_VALUE} when unknown
     */
    public long exposure(PoolKey key, int store, long openNow) {
        Entry entry = entries.get(key);
        if (entry == null || entry.ceiling[store] == UNKNOWN) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, entry.ceiling[store] - openNow);
    }

    /**
     * A store's orders not imported yet, as last observed: its observed in-flight units less what was imported
     * since.
     *
     * @param key the pool
     * @param store the store's index
     * @param openNow the store's open units the OMS knows of now
     * @return the estimate, 0 when never observed
     */
    public long inFlight(PoolKey key, int store, long openNow) {
        Entry entry = entries.get(key);
        if (entry == null || entry.held[store] == UNKNOWN) {
            return 0;
        }
        return Math.max(0, entry.held[store] - openNow);
    }

    private Entry entry(PoolKey key) {
        return entries.computeIfAbsent(key, k -> new Entry(stores));
    }
}
