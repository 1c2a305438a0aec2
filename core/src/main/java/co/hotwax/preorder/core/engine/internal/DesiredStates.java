package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.engine.Quota;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.Quantities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Turns a pool's state into what each store should show: its share of P, its own open orders, the listing and the
 * next promise date.
 *
 * <p>With several stores sharing a pool the shares keep this invariant: between any two channel calls, the units all
 * stores together will still sell ({@code sum over stores of max(0, available)}) never exceed what remains ({@code
 * max(0, P - orders in flight in every store)}), except for the propagation window after something the channels
 * cannot see (a PO cut, another channel's sale). Two rules give it:
 * <ol>
 *   <li>The target split ({@link ShareSplitter#shares}) takes a store's in-flight units beyond its share out of
 *       the other stores' shares.</li>
 *   <li>A store's share never exceeds the larger of {@code P - the other stores' confirmed exposures} and what
 *       its channel already shows ({@link ExposureLedger}): while another store's decrease is unconfirmed, its old, larger
 *       exposure still counts, so no store is raised into units another may still sell; keeping what a store
 *       already shows raises nothing. When the decrease is confirmed the pool is computed again.</li>
 * </ol>
 *
 * <p>A store with a {@link Quota} is given at most {@code quota.limit(pool total) - its open orders} (the pool
 * total is P plus every channel's open orders), and the split gives it that before the stores without a quota
 * share the rest; the two rules above apply to it unchanged, so the invariant holds with quotas too.
 */
public final class DesiredStates {
    private final List<String> channels;
    private final ShareSplitter splitter;
    private final List<Quota> quotas;
    private final boolean anyQuota;
    private final boolean publishPhysicalStock;
    private final ExposureLedger ledger;

    /**
     * Creates the mapping.
     *
     * @param channels the publishers' channel ids, in builder order
     * @param splitter splits P between them
     * @param quotas per channel its quota, or null to share by weight
     * @param publishPhysicalStock true in shared-location mode: physical ATP is published on top of the P share
     */
    public DesiredStates(List<String> channels, ShareSplitter splitter, List<Quota> quotas,
                         boolean publishPhysicalStock) {
        if (channels.size() != splitter.size() || quotas.size() != channels.size()) {
            throw new IllegalArgumentException("one weight and one quota (or null) per channel are needed");
        }
        this.channels = List.copyOf(channels);
        this.splitter = splitter;
        this.quotas = Collections.unmodifiableList(new ArrayList<>(quotas));
        this.anyQuota = quotas.stream().anyMatch(Objects::nonNull);
        this.publishPhysicalStock = publishPhysicalStock;
        this.ledger = channels.size() > 1 ? new ExposureLedger(channels.size()) : null;
    }

    /**
     * Whether several stores share the pools (and a confirmed write of one may change another's state).
     *
     * @return true with more than one store
     */
    public boolean shared() {
        return ledger != null;
    }

    /**
     * The state one store should show for a pool.
     *
     * @param key the pool
     * @param state the pool's state, or null when the book no longer has the pool (then: not listed, nothing
     *              sellable)
     * @param store the store's index in builder order
     * @return the desired state; in shared-location mode an in-stock SKU is not listed for pre-order yet still
     *         sellable from its physical stock
     */
    public DesiredState forStore(PoolKey key, PoolState state, int store) {
        if (ledger != null) {
            ledger.remember(key, state);
        }
        if (state == null) {
            return new DesiredState(key.sku(), key.facilityId(), 0, 0, false, null, false);
        }
        long sellable = state.listed() ? share(key, state, store) : 0;
        if (publishPhysicalStock) {
            sellable += Math.max(0, state.physicalAtp());
        }
        long openOrders = openOrders(state, store);
        return new DesiredState(key.sku(), key.facilityId(), Math.min(sellable, Quantities.MAX),
                Math.min(openOrders, Quantities.MAX), state.listed(), state.nextPromiseDate(), state.flagged());
    }

    /**
     * A store applied a state: its exposure to the pool is now confirmed.
     *
     * @param key the pool
     * @param store the store's index
     * @param state the state applied
     * @param inFlight the store's units beyond {@code state.openOrders()} seen after the write, or -1 when unknown
     */
    public void applied(PoolKey key, int store, DesiredState state, long inFlight) {
        if (ledger != null) {
            ledger.applied(key, store, state, inFlight);
        }
    }

    /**
     * A store refused a pool for good or its state could not be expressed.
     *
     * @param key the pool
     * @param store the store's index
     * @param channelProblem whether the channel refused for its setup (a revoked access scope,
     *                       {@link co.hotwax.preorder.spi.PublishOutcome#channelProblem()}): then the store may still
     *                       show whatever was written before, so nothing is learned and its exposure stays what it
     *                       was, unknown (all of it counts) when nothing was applied since the start
     */
    public void refused(PoolKey key, int store, boolean channelProblem) {
        if (ledger != null && !channelProblem) {
            PoolState state = ledger.state(key);
            ledger.refused(key, store, state == null ? 0 : openOrders(state, store));
        }
    }

    /**
     * The book's latest state of a pool, to compute every store's state again after a write of one confirmed.
     *
     * @param key the pool
     * @return the state, or null when absent
     */
    public PoolState lastState(PoolKey key) {
        return ledger == null ? null : ledger.state(key);
    }

    private long share(PoolKey key, PoolState state, int store) {
        long p = state.preorderable();
        long[] quota = quotas(state);
        if (ledger == null) {
            return quota[0] == ShareSplitter.NO_QUOTA ? p : Math.min(p, quota[0]);
        }
        int n = channels.size();
        long[] inFlight = new long[n];
        long othersExposure = 0;
        for (int i = 0; i < n; i++) {
            long open = openOrders(state, i);
            inFlight[i] = ledger.inFlight(key, i, open);
            if (i != store) {
                long exposure = ledger.exposure(key, i, open);
                othersExposure = exposure > Long.MAX_VALUE - othersExposure ? Long.MAX_VALUE : othersExposure + exposure;
            }
        }
        // The cap only holds back increases: a store may keep what its channel shows (no exposure grows), so a
        // change other stores must react to first does not also lower this one for nothing.
        long cap = Math.max(Math.max(0, p - othersExposure), ledger.shown(key, store, openOrders(state, store)));
        return Math.min(splitter.shares(p, inFlight, quota)[store], cap);
    }

    /** Per store what its quota still allows (its limit less its open orders), or {@link ShareSplitter#NO_QUOTA}. */
    private long[] quotas(PoolState state) {
        long[] remaining = new long[channels.size()];
        if (!anyQuota) {
            Arrays.fill(remaining, ShareSplitter.NO_QUOTA);
            return remaining;
        }
        long total = state.preorderable();
        for (long open : state.openUnitsByChannel().values()) {
            total = open > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + open;
        }
        for (int i = 0; i < remaining.length; i++) {
            Quota quota = quotas.get(i);
            remaining[i] = quota == null ? ShareSplitter.NO_QUOTA
                    : Math.max(0, quota.limit(total) - openOrders(state, i));
        }
        return remaining;
    }

    private long openOrders(PoolState state, int store) {
        Long open = state.openUnitsByChannel().get(channels.get(store));
        return open == null ? 0 : open;
    }
}
