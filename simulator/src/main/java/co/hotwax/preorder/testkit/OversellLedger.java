package co.hotwax.preorder.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;

/**
 * Counts every unit a channel sold beyond what really existed: the measure of the invariant "pre-orders accepted
 * &le; supply". A test declares each SKU's true capacity over time; the simulator records every order it accepted
 * or refused, every cancellation and every write the sync made.
 *
 * <p>Counting rule: entries are taken in time order (ties in the order they were recorded). Each accepted order
 * counts {@code min(quantity, max(0, soldNetAfterThisOrder - capacity))} oversold units, where capacity is the
 * SKU's last declaration taken before the order in that same order (so a capacity drop declared at the instant of
 * an order, but recorded after it, does not apply to it), and sold net is accepted minus cancelled units of the
 * SKU. A later cancellation lowers the sold net for later orders but
 * does not undo an oversell that already happened (a customer was still sold a unit that did not exist).
 *
 * <p>A SKU without any declared capacity, and an order placed before the SKU's first declaration, are recorded but
 * never counted oversold: the ledger cannot know what was true then.
 *
 * <p>Entries may be recorded out of time order (concurrent shoppers); the counts are computed from the sorted
 * history. Thread-safe.
 *
 * @since 0.1.0
 */
public final class OversellLedger {
    private static final int SOLD_NET = 0;
    private static final int OVERSOLD = 1;

    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, LedgerEntry.OrderEntry> orders = new HashMap<>();
    private final Map<String, LedgerEntry.CancelEntry> cancels = new HashMap<>();
    private final Map<String, TreeMap<Instant, Long>> capacities = new HashMap<>();
    private Map<String, long[]> totalsCache;

    /** An empty ledger. */
    public OversellLedger() {
    }

    /**
     * Declares that from {@code from} on the channel may have accepted at most {@code capacity} units of the SKU in
     * total, net of cancelled orders. A later declaration for the same instant replaces the earlier one.
     *
     * @param sku the SKU
     * @param from from when it holds
     * @param capacity the capacity, at least 0
     * @throws IllegalArgumentException when an argument is missing or negative
     */
    public synchronized void declareCapacity(String sku, Instant from, long capacity) {
        requireSku(sku);
        requireTime("capacity of " + sku, from);
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity of " + sku + " must not be negative, was " + capacity);
        }
        capacities.computeIfAbsent(sku, s -> new TreeMap<>()).put(from, capacity);
        add(new LedgerEntry.CapacityEntry(from, sku, capacity));
    }

    /**
     * Records an order the channel accepted or refused.
     *
     * @param sku the SKU
     * @param orderId the order, unique in this ledger
     * @param quantity units, at least 1
     * @param at when it was placed
     * @param accepted whether the channel accepted it
     * @throws IllegalArgumentException when an argument is missing or invalid, or the order id was already recorded
     */
    public synchronized void recordOrder(String sku, String orderId, long quantity, Instant at, boolean accepted) {
        requireSku(sku);
        requireId("order id", orderId);
        requireTime("order " + orderId, at);
        if (quantity < 1) {
            throw new IllegalArgumentException("order " + orderId + " (sku " + sku + "): quantity must be at least 1,"
                    + " was " + quantity);
        }
        if (orders.containsKey(orderId)) {
            throw new IllegalArgumentException("order " + orderId + " is already recorded");
        }
        LedgerEntry.OrderEntry order = new LedgerEntry.OrderEntry(at, sku, orderId, quantity, accepted);
        orders.put(orderId, order);
        add(order);
    }

    /**
     * Records that an order was cancelled: its units no longer count as sold from {@code at} on.
     *
     * @param orderId a recorded order
     * @param at when it was cancelled, not before the order was placed
     * @throws IllegalArgumentException when the order is unknown, already cancelled, or placed after {@code at}
     */
    public synchronized void recordCancel(String orderId, Instant at) {
        requireId("order id", orderId);
        requireTime("cancellation of " + orderId, at);
        LedgerEntry.OrderEntry order = orders.get(orderId);
        if (order == null) {
            throw new IllegalArgumentException("cannot cancel order " + orderId + ": it was never recorded");
        }
        if (cancels.containsKey(orderId)) {
            throw new IllegalArgumentException("order " + orderId + " is already cancelled");
        }
        if (at.isBefore(order.at())) {
            throw new IllegalArgumentException("order " + orderId + " cannot be cancelled at " + at
                    + ", before it was placed at " + order.at());
        }
        LedgerEntry.CancelEntry cancel = new LedgerEntry.CancelEntry(at, order.sku(), orderId,
                order.accepted() ? order.quantity() : 0);
        cancels.put(orderId, cancel);
        add(cancel);
    }

    /**
     * Records a write the sync made to the channel; it does not change any count.
     *
     * @param sku the SKU
     * @param operation the operation, e.g. {@code "inventorySetQuantities"}
     * @param detail what it wrote, e.g. {@code "on_hand 12 -> 7"}
     * @param at when
     * @param applied whether the channel applied it
     * @throws IllegalArgumentException when the SKU, operation or time is missing
     */
    public synchronized void recordWrite(String sku, String operation, String detail, Instant at, boolean applied) {
        requireSku(sku);
        requireId("operation", operation);
        requireTime("write of " + sku, at);
        add(new LedgerEntry.WriteEntry(at, sku, operation, detail == null ? "" : detail, applied));
    }

    /**
     * Oversold units of one SKU.
     *
     * @param sku the SKU
     * @return the units, 0 for an unknown SKU or one without declared capacity
     */
    public synchronized long oversold(String sku) {
        long[] t = totals().get(sku);
        return t == null ? 0 : t[OVERSOLD];
    }

    /**
     * Oversold units of every SKU in the history.
     *
     * @return SKU to units, sorted by SKU
     */
    public synchronized Map<String, Long> oversoldBySku() {
        Map<String, Long> out = new TreeMap<>();
        totals().forEach((sku, t) -> out.put(sku, t[OVERSOLD]));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Oversold units over all SKUs.
     *
     * @return the sum
     */
    public synchronized long totalOversold() {
        return totals().values().stream().mapToLong(t -> t[OVERSOLD]).sum();
    }

    /**
     * Accepted minus cancelled units of a SKU over the whole history.
     *
     * @param sku the SKU
     * @return the net units sold
     */
    public synchronized long soldNet(String sku) {
        long[] t = totals().get(sku);
        return t == null ? 0 : t[SOLD_NET];
    }

    /**
     * Everything recorded, in time order (ties in the order recorded).
     *
     * @return a copy
     */
    public synchronized List<LedgerEntry> history() {
        return List.copyOf(sortedEntries());
    }

    /**
     * A per-SKU table: latest declared capacity, net units sold, oversold units, and the total.
     *
     * @return the table, one line per SKU
     */
    public synchronized String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-24s %10s %10s %10s%n", "SKU", "capacity", "sold net", "oversold"));
        for (Entry<String, Long> row : oversoldBySku().entrySet()) {
            String sku = row.getKey();
            TreeMap<Instant, Long> declared = capacities.get(sku);
            String capacity = declared == null ? "-" : String.valueOf(declared.lastEntry().getValue());
            out.append(String.format("%-24s %10s %10d %10d%s%n", sku, capacity, soldNet(sku), row.getValue(),
                    declared == null ? "  (no capacity declared)" : ""));
        }
        out.append(String.format("total oversold: %d%n", totalOversold()));
        return out.toString();
    }

    /** Per SKU {sold net, oversold}, computed once per change of the history. */
    private Map<String, long[]> totals() {
        if (totalsCache != null) {
            return totalsCache;
        }
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Long> capacityNow = new HashMap<>();
        for (LedgerEntry entry : sortedEntries()) {
            long[] t = totals.computeIfAbsent(entry.sku(), s -> new long[2]);
            t[SOLD_NET] += netChange(entry);
            if (entry instanceof LedgerEntry.CapacityEntry declared) {
                capacityNow.put(declared.sku(), declared.capacity());
            } else if (entry instanceof LedgerEntry.OrderEntry order && order.accepted()) {
                Long capacity = capacityNow.get(order.sku());
                if (capacity != null) {
                    t[OVERSOLD] += Math.min(order.quantity(), Math.max(0, t[SOLD_NET] - capacity));
                }
            }
        }
        totalsCache = totals;
        return totals;
    }

    private static long netChange(LedgerEntry entry) {
        if (entry instanceof LedgerEntry.OrderEntry order && order.accepted()) {
            return order.quantity();
        }
        if (entry instanceof LedgerEntry.CancelEntry cancel) {
            return -cancel.quantity();
        }
        return 0;
    }

    private List<LedgerEntry> sortedEntries() {
        List<LedgerEntry> sorted = new ArrayList<>(entries);
        // List.sort is stable: entries at the same instant keep the order they were recorded in.
        sorted.sort((a, b) -> a.at().compareTo(b.at()));
        return sorted;
    }

    private void add(LedgerEntry entry) {
        entries.add(entry);
        totalsCache = null;
    }

    private static void requireSku(String sku) {
        requireId("sku", sku);
    }

    private static void requireId(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("oversell ledger: " + what + " is missing");
        }
    }

    private static void requireTime(String what, Instant at) {
        if (at == null) {
            throw new IllegalArgumentException(what + ": time is missing");
        }
    }
}
