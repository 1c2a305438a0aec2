package co.hotwax.preorder.examples.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts oversold units and decides which of them the propagation window excuses.
 *
 * <p>The truth is declared per SKU as the capacity Shopify may have sold in total (promisable supply less what
 * other channels took). An accepted Shopify order counts {@code min(q, max(0, soldAfter - capacity))} oversold
 * units, the same rule as the testkit's {@code OversellLedger}. A capacity <em>drop</em> is something Shopify
 * cannot see (a PO cut or cancellation, a sale on another channel); it opens a window that closes when the sync
 * has caught up (nothing left to publish). Oversold units accepted inside an open window are excused and the
 * window's length is the measured propagation lag; any other oversold unit is a failure.
 *
 * <p>Single-threaded: the simulation driver owns it.
 */
public final class PropagationWindows {
    private final Map<String, Long> capacity = new HashMap<>();
    private final Map<String, Long> sold = new HashMap<>();
    private final Map<String, Instant> openSince = new HashMap<>();
    /** SKUs whose open window a store's refusal opened or prolonged: its length is no propagation lag. */
    private final Set<String> refused = new HashSet<>();
    private final Map<String, Long> oversoldBySku = new HashMap<>();
    private final List<Duration> lags = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private long oversold;
    private long excused;
    private long excusedWhileRefused;

    /** Creates an empty check. */
    public PropagationWindows() {
    }

    /**
     * Declares a SKU's capacity from an instant on. A lower value than before opens a propagation window.
     *
     * @param sku the SKU
     * @param at from when
     * @param units how many units Shopify may have sold in total, floored at 0 by the caller
     */
    public void capacity(String sku, Instant at, long units) {
        Long before = capacity.put(sku, units);
        if (before != null && units < before) {
            openSince.putIfAbsent(sku, at);
        }
    }

    /**
     * A store cannot take the sync's quantity writes (its {@code write_inventory} scope revoked: an unsafe setup, no
     * client can lower a quantity there) and may show a stale quantity of the SKU: a window opens, as for a drop
     * Shopify cannot see, unless one is open already. No other refusal opens one.
     *
     * @param sku the SKU
     * @param at when the refusal was seen
     */
    public void storeRefusing(String sku, Instant at) {
        openSince.putIfAbsent(sku, at);
        refused.add(sku);
    }

    /**
     * The sync has nothing left to publish: every open window closes now.
     *
     * @param at when the sync was seen caught up
     */
    public void caughtUp(Instant at) {
        openSince.forEach((sku, since) -> {
            if (!refused.contains(sku)) {
                lags.add(Duration.between(since, at));
            }
        });
        openSince.clear();
        refused.clear();
    }

    /**
     * Records an order Shopify accepted.
     *
     * @param sku the SKU
     * @param orderId the store's order id, for reports
     * @param at when it was accepted
     * @param quantity units
     * @return the units of this order that were oversold (excused or not)
     */
    public long accepted(String sku, String orderId, Instant at, long quantity) {
        long after = sold.merge(sku, quantity, Long::sum);
        Long cap = capacity.get(sku);
        if (cap == null) {
            return 0;
        }
        long over = Math.min(quantity, Math.max(0, after - cap));
        if (over > 0) {
            oversold += over;
            oversoldBySku.merge(sku, over, Long::sum);
            if (openSince.containsKey(sku)) {
                excused += over;
                if (refused.contains(sku)) {
                    excusedWhileRefused += over;
                }
            } else {
                violations.add(over + " unit(s) of " + sku + " oversold by order " + orderId + " at " + at
                        + " (sold " + after + ", capacity " + cap + ", no capacity drop pending)");
            }
        }
        return over;
    }

    /**
     * Whether a capacity drop of a SKU is still propagating (the sync has not caught up since).
     *
     * @param sku the SKU
     * @return true inside a propagation window
     */
    public boolean windowOpen(String sku) {
        return openSince.containsKey(sku);
    }

    /**
     * Units sold so far for a SKU.
     *
     * @param sku the SKU
     * @return accepted units
     */
    public long sold(String sku) {
        return sold.getOrDefault(sku, 0L);
    }

    /**
     * The capacity currently declared for a SKU.
     *
     * @param sku the SKU
     * @return the capacity, 0 when none was declared
     */
    public long capacity(String sku) {
        return capacity.getOrDefault(sku, 0L);
    }

    /**
     * All oversold units, excused or not.
     *
     * @return the total
     */
    public long oversold() {
        return oversold;
    }

    /**
     * Oversold units of one SKU, excused or not.
     *
     * @param sku the SKU
     * @return the units
     */
    public long oversold(String sku) {
        return oversoldBySku.getOrDefault(sku, 0L);
    }

    /**
     * Oversold units accepted while no propagation window was open for their SKU.
     *
     * @return units the sync should have prevented
     */
    public long oversoldOutsideWindow() {
        return oversold - excused;
    }

    /**
     * Oversold units accepted inside a window a store's refusal opened or prolonged.
     *
     * @return the units, part of {@link #oversold()}
     */
    public long oversoldWhileRefused() {
        return excusedWhileRefused;
    }

    /**
     * One line per order that oversold outside a window.
     *
     * @return the descriptions
     */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * The measured propagation lags (capacity drop to sync caught up), one per closed window that no store's
     * refusal opened or prolonged.
     *
     * @return the lags
     */
    public List<Duration> lags() {
        return List.copyOf(lags);
    }

    /**
     * The longest measured lag.
     *
     * @return the maximum, zero when no window closed
     */
    public Duration maxLag() {
        return quantile(1.0);
    }

    /**
     * A quantile of the measured lags (nearest rank).
     *
     * @param q between 0 and 1, e.g. 0.99
     * @return the lag, zero when no window closed
     */
    public Duration quantile(double q) {
        return quantile(lags, q);
    }

    /**
     * A quantile of durations (nearest rank).
     *
     * @param durations the values, in any order
     * @param q between 0 and 1, e.g. 0.99
     * @return the value, zero when there is none
     */
    public static Duration quantile(List<Duration> durations, double q) {
        if (durations.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
