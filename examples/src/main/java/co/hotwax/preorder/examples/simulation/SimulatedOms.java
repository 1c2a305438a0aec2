package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPreOrderSource;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The OMS of a simulated run: the book of record for purchase-order lines and pre-orders from every channel.
 *
 * <p>It imports Shopify orders after their import lag, takes other-channel pre-orders directly, releases
 * pre-orders that received units cover, and tells its {@link Listener} (the approach under test) about every
 * change, the way HotWax OMS calls the SDK. It also computes P itself with its own {@link PreorderBook}: the
 * comparators (today's jobs) read it, and the final check compares the store with it.
 *
 * <p>Single-threaded: the simulation driver owns it.
 */
public final class SimulatedOms {

    /** What the approach under test hears from the OMS. Every method defaults to doing nothing. */
    public interface Listener {
        /**
         * A PO line was created or changed.
         *
         * @param line its new state
         */
        default void supplyChanged(SupplyLine line) {
        }

        /**
         * A pre-order was taken (imported from Shopify or taken on another channel).
         *
         * @param preOrder the pre-order
         */
        default void preOrderTaken(PreOrder preOrder) {
        }

        /**
         * A pre-order is being released to fulfilment; called before its fulfilment moves in Shopify.
         *
         * @param preOrder the pre-order, already in state RELEASED
         */
        default void preOrderReleased(PreOrder preOrder) {
        }
    }

    /**
     * A pre-order the OMS released, with the store's order id when it came from Shopify.
     *
     * @param preOrder the released pre-order
     * @param storeOrderId the Shopify order to move to the warehouse, or null for another channel
     */
    public record Released(PreOrder preOrder, String storeOrderId) {
    }

    private record PendingImport(Instant importAt, long seq, PreOrder preOrder, String storeOrderId) {
    }

    private final Clock clock;
    private final List<String> storeChannels;
    /** Shopify order id by OMS order id: with several stores the OMS qualifies ids, which each shop numbers alike. */
    private final Map<String, String> storeOrderIds = new LinkedHashMap<>();
    private final PreorderBook book;
    private final Map<String, SupplyLine> supply = new LinkedHashMap<>();
    private final Map<String, PreOrder> preOrders = new LinkedHashMap<>();
    private final PriorityQueue<PendingImport> pending = new PriorityQueue<>(
            Comparator.comparing(PendingImport::importAt).thenComparingLong(PendingImport::seq));
    private final InMemoryPurchaseOrderSource supplyFeed = new InMemoryPurchaseOrderSource();
    private final InMemoryPreOrderSource preOrderFeed = new InMemoryPreOrderSource();
    private Listener listener = new Listener() { };
    private long importSeq;

    /**
     * Creates the OMS with its initial PO lines.
     *
     * @param clock the run's clock
     * @param storeChannels the channel ids of the Shopify stores (their shop domains)
     * @param initialSupply PO lines that exist at the start
     */
    public SimulatedOms(Clock clock, List<String> storeChannels, Collection<SupplyLine> initialSupply) {
        this.clock = clock;
        this.storeChannels = List.copyOf(storeChannels);
        this.book = PreorderBook.builder().clock(clock).build();
        for (SupplyLine line : initialSupply) {
            supply.put(line.lineId(), line);
            supplyFeed.put(line);
        }
        book.rebuild(supply.values(), List.of(), List.of());
    }

    /**
     * Sets who hears about changes from now on.
     *
     * @param newListener the approach under test
     */
    public void listener(Listener newListener) {
        this.listener = newListener;
    }

    /**
     * The channel ids Shopify orders are imported under, one per store.
     *
     * @return the shop domains
     */
    public List<String> storeChannels() {
        return storeChannels;
    }

    /**
     * The PO lines as a change feed, for the engine (a restarted engine reads everything back from here, as it
     * would from the OMS's database).
     *
     * @return the feed (shared, not a copy)
     */
    public InMemoryPurchaseOrderSource supplyFeed() {
        return supplyFeed;
    }

    /**
     * The pre-orders of every channel as a change feed, for the engine.
     *
     * @return the feed (shared, not a copy)
     */
    public InMemoryPreOrderSource preOrderFeed() {
        return preOrderFeed;
    }

    /**
     * Current PO lines, in the order they first appeared.
     *
     * @return a copy
     */
    public List<SupplyLine> supply() {
        return List.copyOf(supply.values());
    }

    /**
     * Current pre-orders of every channel, in the order they were taken.
     *
     * @return a copy
     */
    public List<PreOrder> preOrders() {
        return List.copyOf(preOrders.values());
    }

    /**
     * Records a new or changed PO line.
     *
     * @param line the line's new state
     */
    public void upsertSupply(SupplyLine line) {
        supply.put(line.lineId(), line);
        supplyFeed.put(line);
        book.upsertSupplyLine(line);
        listener.supplyChanged(line);
    }

    /**
     * Takes a pre-order on another channel at the current time.
     *
     * @param orderId the order id
     * @param sku the SKU
     * @param quantity units
     * @param channel the channel name
     * @return the pre-order taken
     */
    public PreOrder takeOtherChannel(String orderId, String sku, long quantity, String channel) {
        return take(PreOrder.open(orderId, "1", sku, quantity, clock.instant(), channel));
    }

    /**
     * Schedules the import of an order Shopify accepted.
     *
     * @param storeChannel the store that took it (its shop domain)
     * @param storeOrderId the Shopify order id (the OMS order id; with several stores, prefixed by the store)
     * @param sku the SKU
     * @param quantity units
     * @param placedAt when Shopify accepted it
     * @param importAt when the OMS will see it
     */
    public void scheduleImport(String storeChannel, String storeOrderId, String sku, long quantity, Instant placedAt,
                               Instant importAt) {
        String orderId = storeChannels.size() == 1 ? storeOrderId : storeChannel + "/" + storeOrderId;
        pending.add(new PendingImport(importAt, importSeq++,
                PreOrder.open(orderId, "1", sku, quantity, placedAt, storeChannel), storeOrderId));
    }

    /**
     * Imports every Shopify order whose import time has come.
     *
     * @param now the current time
     * @return how many were imported
     */
    public int importDue(Instant now) {
        int n = 0;
        while (!pending.isEmpty() && !pending.peek().importAt().isAfter(now)) {
            PendingImport next = pending.poll();
            storeOrderIds.put(next.preOrder().orderId(), next.storeOrderId());
            take(next.preOrder());
            n++;
        }
        return n;
    }

    /**
     * Whether Shopify orders are still waiting to be imported.
     *
     * @return true when some are in flight
     */
    public boolean importsPending() {
        return !pending.isEmpty();
    }

    /**
     * When the next Shopify order will be imported.
     *
     * @return its import time, or {@link Instant#MAX} when none is in flight
     */
    public Instant nextImportAt() {
        return pending.isEmpty() ? Instant.MAX : pending.peek().importAt();
    }

    /**
     * Releases the open pre-orders of a SKU that its received units cover, oldest first (by time placed, then
     * ids). The listener hears of each before this returns; the caller then moves Shopify fulfilments.
     *
     * @param sku the SKU
     * @return the released pre-orders
     */
    public List<Released> release(String sku) {
        long received = 0;
        for (SupplyLine line : supply.values()) {
            if (line.sku().equals(sku)) {
                received += line.received();
            }
        }
        List<PreOrder> open = new ArrayList<>();
        for (PreOrder p : preOrders.values()) {
            if (!p.sku().equals(sku)) {
                continue;
            }
            if (p.status() == PreOrderStatus.OPEN) {
                open.add(p);
            } else if (p.status().holdsSupply()) {
                received -= p.quantity();
            }
        }
        open.sort(Comparator.comparing(PreOrder::placedAt).thenComparing(PreOrder::orderId)
                .thenComparing(PreOrder::lineId));
        List<Released> released = new ArrayList<>();
        for (PreOrder p : open) {
            if (p.quantity() > received) {
                break;
            }
            received -= p.quantity();
            PreOrder r = p.withStatus(PreOrderStatus.RELEASED);
            preOrders.put(r.key(), r);
            preOrderFeed.put(r);
            book.releasePreOrder(r.orderId(), r.lineId());
            listener.preOrderReleased(r);
            released.add(new Released(r, storeOrderIds.get(r.orderId())));
        }
        return released;
    }

    /**
     * The capacity Shopify may have sold in total for a SKU: promisable supply less the units other channels hold,
     * floored at 0. This is the truth the oversell check measures against.
     *
     * @param sku the SKU
     * @return the capacity
     */
    public long capacity(String sku) {
        long units = promisableSupply(sku);
        for (PreOrder p : preOrders.values()) {
            if (p.sku().equals(sku) && p.status().holdsSupply() && !storeChannels.contains(p.channel())) {
                units -= p.quantity();
            }
        }
        return Math.max(0, units);
    }

    /**
     * Units of a SKU's PO lines that may be promised (received plus on order, less buffers).
     *
     * @param sku the SKU
     * @return the sum over its lines
     */
    public long promisableSupply(String sku) {
        long units = 0;
        for (SupplyLine line : supply.values()) {
            if (line.sku().equals(sku)) {
                units += line.promisable();
            }
        }
        return units;
    }

    /**
     * Units of a SKU's pre-orders that hold supply, from every channel the OMS has seen.
     *
     * @param sku the SKU
     * @return the units
     */
    public long preOrdersTaken(String sku) {
        long units = 0;
        for (PreOrder p : preOrders.values()) {
            if (p.sku().equals(sku) && p.status().holdsSupply()) {
                units += p.quantity();
            }
        }
        return units;
    }

    /**
     * The OMS's own computation for a SKU (pooled mode).
     *
     * @param sku the SKU
     * @return the pool, empty when the SKU has neither supply nor pre-orders
     */
    public Optional<PoolState> pool(String sku) {
        return book.pool(sku, null);
    }

    /**
     * Units of a SKU's pre-orders that no supply covers (the deficit, rule 3).
     *
     * @param sku the SKU
     * @return the uncovered units
     */
    public long uncoveredUnits(String sku) {
        long units = 0;
        for (String key : pool(sku).map(PoolState::uncoveredPreOrders).orElse(List.of())) {
            // Keys are orderId/lineId; Shopify order ids contain slashes, line ids here never do.
            int slash = key.lastIndexOf('/');
            units += book.preOrder(key.substring(0, slash), key.substring(slash + 1))
                    .map(p -> p.quantity() - p.covered()).orElse(0L);
        }
        return units;
    }

    /**
     * What the stores together should offer for a SKU once everything is imported and synced: P when listed, else
     * 0.
     *
     * @param sku the SKU
     * @return the expected sellable units
     */
    public long expectedSellable(String sku) {
        return pool(sku).filter(PoolState::listed).map(PoolState::preorderable).orElse(0L);
    }

    /**
     * What each store should offer for a SKU once everything is imported and synced: {@link #expectedSellable}
     * split by weight, {@code floor(P * w / W)} with the units left by rounding one by one to the stores in order
     * (the split the README documents under "Several stores").
     *
     * @param sku the SKU
     * @param weights the stores' weights, in the order the engine was given them
     * @return the expected sellable units per store
     */
    public long[] expectedShares(String sku, int[] weights) {
        long p = expectedSellable(sku);
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        long[] shares = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = p * weights[i] / total;
            given += shares[i];
        }
        for (int i = 0; given < p; i++) {
            shares[i]++;
            given++;
        }
        return shares;
    }

    private PreOrder take(PreOrder preOrder) {
        preOrders.put(preOrder.key(), preOrder);
        preOrderFeed.put(preOrder);
        book.upsertPreOrder(preOrder);
        listener.preOrderTaken(preOrder);
        return preOrder;
    }
}
