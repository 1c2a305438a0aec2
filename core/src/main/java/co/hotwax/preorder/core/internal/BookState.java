package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.Allocation;
import co.hotwax.preorder.core.BatchReport;
import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.BookListener;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.PreOrderState;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The state behind a {@link co.hotwax.preorder.core.PreorderBook} (see there for the rules, events and threading):
 * the entries by id, the pools, stock, and the book's today. Every mutation validates first, captures the outcome
 * of the pools it touches, changes them, recomputes only those pools and emits the difference.
 */
public final class BookState {
    private static final Logger LOG = LoggerFactory.getLogger(BookState.class);
    private static final int MAX_SHARED_CHANNELS = 1_000;

    private final BookPolicy policy;
    private final Clock clock;
    private final InputRules rules;
    private final EventEmitter emitter;
    private final RebuildRunner rebuildRunner;
    /** Channel strings shared by the pre-orders, see {@link #channel}. */
    private final HashMap<String, String> channels = new HashMap<>();
    /** The row of a pre-order moving between pools, from its old pool to its new one within one call. */
    private final long[] movingRow = OrderRows.rowBuffer();

    private EntryIndex<LineEntry> linesById = new EntryIndex<>(LineEntry.IDS, 0);
    private EntryIndex<OrderEntry> ordersByKey = new EntryIndex<>(OrderEntry.IDS, 0);
    private HashMap<PoolKey, Pool> pools = new HashMap<>();
    /**
     * Stock levels of keys without a pool. While a pool exists its {@code physicalAtp} is the level (one lookup per
     * stock event instead of two); a pool left empty hands its level back here.
     */
    private HashMap<PoolKey, Long> stock = new HashMap<>();
    private LocalDate today;

    /**
     * Creates an empty state whose today is read from the clock now.
     *
     * @param policy the policy
     * @param listener receives every event
     * @param clock where today comes from
     * @param rebuildExecutor runs the per-pool recompute of a rebuild
     */
    public BookState(BookPolicy policy, BookListener listener, Clock clock, Executor rebuildExecutor) {
        this.policy = policy;
        this.rebuildRunner = new RebuildRunner(rebuildExecutor);
        this.clock = clock;
        this.rules = new InputRules(policy);
        this.emitter = new EventEmitter(listener, policy.promiseBufferDays());
        this.today = readToday();
    }

    /**
     * The policy.
     *
     * @return the policy
     */
    public BookPolicy policy() {
        return policy;
    }

    private LocalDate readToday() {
        return LocalDate.ofInstant(clock.instant(), policy.zone());
    }

    // ---------------------------------------------------------------- single changes

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#upsertSupplyLine}.
     *
     * @param line the line
     */
    public void upsertSupplyLine(SupplyLine line) {
        rules.validate(line);
        LineEntry e = linesById.get(line.lineId(), null);
        if (e != null && e.holds(line)) {
            return;
        }
        Pool target = poolOf(e == null ? null : e.pool, line.sku(), rules.facility(line));
        if (e == null) {
            begin(target, null);
            e = new LineEntry(line);
            linesById.add(e);
            target.insertLine(e);
            finish(target, null);
        } else if (e.pool == target && e.samePlaceAs(line)) {
            // Most changes (receipts, quantities, status) keep the line's place in the (eta, lineId) order.
            begin(target, null);
            e.setLine(line);
            finish(target, null);
        } else {
            Pool from = e.pool;
            begin(from, target);
            from.removeLine(e);
            e.setLine(line);
            target.insertLine(e);
            finish(from, target);
        }
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#upsertPreOrder}.
     *
     * @param preOrder the pre-order
     */
    public void upsertPreOrder(PreOrder preOrder) {
        rules.validate(preOrder);
        OrderEntry e = ordersByKey.get(preOrder.orderId(), preOrder.lineId());
        if (e != null && e.holds(preOrder)) {
            return;
        }
        if (e != null && !e.pool.hasSku(preOrder.sku())) {
            // Moving the units silently would hide a reused id (two orders, one key) and drop the first order's
            // demand from its SKU; refusing keeps both SKUs' demand as the book knew it and says so.
            throw new InvalidInputException(InputRules.item(preOrder), "orderId/lineId is already used by a"
                    + " pre-order of sku " + InputRules.shown(e.pool.key.sku()) + "; a pre-order's SKU cannot"
                    + " change (cancel it and take a new one with its own ids)");
        }
        replaceOrder(e, preOrder);
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#cancelPreOrder}.
     *
     * @param orderId the sales order
     * @param lineId the line
     */
    public void cancelPreOrder(String orderId, String lineId) {
        OrderEntry e = existing(orderId, lineId);
        PreOrderStatus s = e.status;
        if (s == PreOrderStatus.OPEN) {
            changeStatus(e, PreOrderStatus.CANCELLED);
        } else if (s == PreOrderStatus.RELEASED) {
            changeStatus(e, PreOrderStatus.RETURNED);
        }
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#releasePreOrder}.
     *
     * @param orderId the sales order
     * @param lineId the line
     */
    public void releasePreOrder(String orderId, String lineId) {
        OrderEntry e = existing(orderId, lineId);
        PreOrderStatus s = e.status;
        if (s == PreOrderStatus.CANCELLED || s == PreOrderStatus.RETURNED) {
            throw new InvalidInputException(InputRules.preOrderItem(orderId, lineId), "is " + s
                    + "; only an open pre-order can be released");
        }
        if (s == PreOrderStatus.OPEN) {
            changeStatus(e, PreOrderStatus.RELEASED);
        }
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#setStock}.
     *
     * @param level the level
     */
    public void setStock(StockLevel level) {
        PoolKey key = rules.check(level);
        long atp = level.onlineAtp();
        Pool pool = pools.get(key);
        if (pool == null) {
            stock.put(key, atp);
        } else if (pool.physicalAtp != atp) {
            begin(pool, null);
            pool.physicalAtp = atp;
            finish(pool, null);
        }
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#refreshDates}.
     *
     * @return pools changed
     */
    public int refreshDates() {
        today = readToday();
        ArrayList<Pool> changed = new ArrayList<>();
        for (Pool pool : pools.values()) {
            boolean stale = pool.nextEta != null && pool.nextEta.isBefore(today);
            if (stale != pool.etaStale) {
                changed.add(pool);
            }
        }
        changed.sort((a, b) -> a.key.compareTo(b.key));
        for (Pool pool : changed) {
            pool.capturePrev();
            pool.keepOrdersPrev();
            Allocator.applyEligibility(pool, policy, today);
        }
        for (Pool pool : changed) {
            emitter.emit(pool, false);
        }
        return changed.size();
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#apply}.
     *
     * @param commands the commands
     * @return the report
     */
    public BatchReport apply(List<BookCommand> commands) {
        int applied = 0;
        ArrayList<BatchReport.Rejection> rejected = new ArrayList<>();
        for (int i = 0, n = commands.size(); i < n; i++) {
            try {
                applyOne(commands.get(i));
                applied++;
            } catch (InvalidInputException e) {
                rejected.add(new BatchReport.Rejection(i, e.item(), e.reason()));
            }
        }
        return new BatchReport(applied, rejected);
    }

    private void applyOne(BookCommand command) {
        if (command instanceof BookCommand.UpsertSupplyLine c) {
            upsertSupplyLine(c.line());
        } else if (command instanceof BookCommand.UpsertPreOrder c) {
            upsertPreOrder(c.preOrder());
        } else if (command instanceof BookCommand.CancelPreOrder c) {
            cancelPreOrder(c.orderId(), c.lineId());
        } else if (command instanceof BookCommand.ReleasePreOrder c) {
            releasePreOrder(c.orderId(), c.lineId());
        } else if (command instanceof BookCommand.SetStock c) {
            setStock(c.level());
        } else {
            throw new InvalidInputException("command null", "is missing");
        }
    }

    private OrderEntry existing(String orderId, String lineId) {
        OrderEntry e = orderId == null || lineId == null ? null : ordersByKey.get(orderId, lineId);
        if (e == null) {
            throw new InvalidInputException(InputRules.preOrderItem(orderId, lineId), "unknown pre-order");
        }
        return e;
    }

    private void replaceOrder(OrderEntry e, PreOrder preOrder) {
        Pool target = poolOf(e == null ? null : e.pool, preOrder.sku(), rules.facility(preOrder));
        if (e == null) {
            begin(target, null);
            e = new OrderEntry(preOrder, channel(preOrder.channel()));
            ordersByKey.add(e);
            target.insertOrder(e, null);
            finish(target, null);
        } else if (e.pool == target && e.samePlaceAs(preOrder)) {
            // Cancel, release, quantity or pin changes keep the pre-order's place in the time order.
            begin(target, null);
            e.setOrder(preOrder, channel(preOrder.channel()));
            finish(target, null);
        } else {
            Pool from = e.pool;
            begin(from, target);
            from.removeOrder(e, movingRow);
            e.setOrder(preOrder, channel(preOrder.channel()));
            target.insertOrder(e, movingRow);
            finish(from, target);
        }
    }

    /** A status change keeps the pre-order's place in its pool and needs no new record. */
    private void changeStatus(OrderEntry e, PreOrderStatus status) {
        Pool pool = e.pool;
        begin(pool, null);
        e.setStatus(status);
        finish(pool, null);
    }

    /**
     * The shared string equal to a channel: pre-orders come from a handful of channels, and one string each saves
     * a copy per pre-order. Past {@link #MAX_SHARED_CHANNELS} distinct values, new ones are kept as given.
     */
    private String channel(String channel) {
        String shared = channels.get(channel);
        if (shared != null) {
            return shared;
        }
        if (channels.size() < MAX_SHARED_CHANNELS) {
            channels.put(channel, channel);
        }
        return channel;
    }

    /**
     * The pool of a SKU and facility part: most changes stay in the entry's current pool, which spares building a
     * key and the pool lookup (the SPI records have validated the SKU already).
     */
    private Pool poolOf(Pool current, String sku, String facility) {
        return current != null && current.hasSku(sku) && Objects.equals(current.facilityId, facility)
                ? current : poolFor(new PoolKey(sku, facility));
    }

    private Pool poolFor(PoolKey key) {
        Pool pool = pools.get(key);
        if (pool == null) {
            pool = new Pool(key);
            pool.physicalAtp = stock.getOrDefault(key, 0L);
            pools.put(key, pool);
        }
        return pool;
    }

    /**
     * Captures the outcome before the call of the one or two pools a call touches ({@code second} null or the same
     * pool when it touches one). The pools are passed along rather than collected in a list: a reference stored into
     * a long-lived list costs G1 a fenced card mark on every call.
     */
    private static void begin(Pool first, Pool second) {
        first.capturePrev();
        if (second != null && second != first) {
            second.capturePrev();
        }
    }

    /** Recomputes the pools {@link #begin} captured, drops those left empty, and emits their events in that order. */
    private void finish(Pool first, Pool second) {
        Pool other = second == first ? null : second;
        recompute(first);
        if (other != null) {
            recompute(other);
        }
        emitter.emit(first, true);
        if (other != null) {
            emitter.emit(other, true);
        }
    }

    private void recompute(Pool pool) {
        Allocator.recompute(pool, policy, today, null);
        if (pool.isEmpty()) {
            pools.remove(pool.key);
            stock.put(pool.key, pool.physicalAtp);
        }
    }

    // ---------------------------------------------------------------- rebuild

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#rebuild}.
     *
     * @param lines lines
     * @param preOrders pre-orders
     * @param stockLevels stock levels
     * @return the report
     */
    public BatchReport rebuild(Collection<SupplyLine> lines, Collection<PreOrder> preOrders,
                               Collection<StockLevel> stockLevels) {
        LocalDate newToday = readToday();
        ArrayList<BatchReport.Rejection> rejected = new ArrayList<>();
        EntryIndex<LineEntry> newLines = new EntryIndex<>(LineEntry.IDS, lines.size());
        EntryIndex<OrderEntry> newOrders = new EntryIndex<>(OrderEntry.IDS, preOrders.size());
        HashMap<PoolKey, Long> newStock = new HashMap<>(capacity(stockLevels.size()));
        HashMap<PoolKey, Pool> newPools = new HashMap<>();
        int applied = loadLines(lines, newLines, newPools, rejected)
                + loadPreOrders(preOrders, newOrders, newPools, rejected)
                + loadStock(stockLevels, newStock, rejected);

        rebuildRunner.forEach(new ArrayList<>(newPools.values()), pool -> {
            pool.sortAll();
            pool.physicalAtp = newStock.getOrDefault(pool.key, 0L);
            Allocator.recompute(pool, policy, newToday, null);
        });
        EntryIndex<OrderEntry> oldOrders = ordersByKey;
        if (oldOrders.size() > 0) {
            newOrders.forEach(e -> {
                OrderEntry old = oldOrders.get(e.orderId, e.lineId);
                if (old != null) {
                    e.capturePrevFrom(old);
                }
            });
        }
        HashMap<PoolKey, Pool> oldPools = pools;
        List<PoolKey> keys = sortedUnion(newPools.keySet(), oldPools.keySet());

        linesById = newLines;
        ordersByKey = newOrders;
        pools = newPools;
        stock = newStock;
        today = newToday;
        if (!rejected.isEmpty()) {
            LOG.warn("rebuild rejected {} item(s); first: {}", rejected.size(), rejected.get(0));
        }
        for (PoolKey key : keys) {
            Pool old = oldPools.get(key);
            Pool pool = newPools.get(key);
            if (pool == null) {
                // Gone: report it against an empty pool, so P drops to 0 and a listed pool is delisted.
                pool = new Pool(key);
                Allocator.recompute(pool, policy, newToday, null);
            }
            if (old != null) {
                pool.capturePrevFrom(old);
            }
            emitter.emit(pool, !pool.sameInputs(old));
        }
        return new BatchReport(applied, rejected);
    }

    /** Both key sets, sorted, each key once; a sorted list costs less than a tree of entries for every pool. */
    private static List<PoolKey> sortedUnion(Collection<PoolKey> a, Collection<PoolKey> b) {
        ArrayList<PoolKey> keys = new ArrayList<>(a.size() + b.size());
        keys.addAll(a);
        keys.addAll(b);
        keys.sort(null);
        int kept = 0;
        for (int i = 0, n = keys.size(); i < n; i++) {
            PoolKey k = keys.get(i);
            if (kept == 0 || !keys.get(kept - 1).equals(k)) {
                keys.set(kept++, k);
            }
        }
        return keys.subList(0, kept);
    }

    private int loadLines(Collection<SupplyLine> lines, EntryIndex<LineEntry> into,
                          HashMap<PoolKey, Pool> newPools, List<BatchReport.Rejection> rejected) {
        return loadEach(lines, line -> {
            PoolKey key = rules.check(line);
            if (into.get(line.lineId(), null) != null) {
                throw new InvalidInputException(InputRules.item(line), "duplicate lineId; the first is kept");
            }
            LineEntry e = new LineEntry(line);
            into.add(e);
            Pool pool = newPools.computeIfAbsent(key, Pool::new);
            pool.lines.add(e);
            e.pool = pool;
        }, rejected);
    }

    private int loadPreOrders(Collection<PreOrder> preOrders, EntryIndex<OrderEntry> into,
                              HashMap<PoolKey, Pool> newPools, List<BatchReport.Rejection> rejected) {
        return loadEach(preOrders, p -> {
            PoolKey key = rules.check(p);
            if (into.get(p.orderId(), p.lineId()) != null) {
                throw new InvalidInputException(InputRules.item(p), "duplicate (orderId, lineId); the first is kept");
            }
            OrderEntry e = new OrderEntry(p, channel(p.channel()));
            into.add(e);
            Pool pool = newPools.computeIfAbsent(key, Pool::new);
            pool.appendOrder(e);
        }, rejected);
    }

    private int loadStock(Collection<StockLevel> levels, HashMap<PoolKey, Long> into,
                          List<BatchReport.Rejection> rejected) {
        return loadEach(levels, level -> {
            PoolKey key = rules.check(level);
            if (into.containsKey(key)) {
                throw new InvalidInputException(InputRules.item(level), "duplicate stock level for pool " + key
                        + "; the first is kept");
            }
            into.put(key, level.onlineAtp());
        }, rejected);
    }

    /**
     * Loads each item of one rebuild input; an item the loader refuses ({@link InvalidInputException}) becomes a
     * rejection at its position in that input, and the others go on.
     *
     * @return the number of items loaded
     */
    private static <T> int loadEach(Collection<T> items, Consumer<T> load, List<BatchReport.Rejection> rejected) {
        int index = 0;
        int applied = 0;
        for (T item : items) {
            try {
                load.accept(item);
                applied++;
            } catch (InvalidInputException e) {
                rejected.add(new BatchReport.Rejection(index, e.item(), e.reason()));
            }
            index++;
        }
        return applied;
    }

    private static int capacity(int size) {
        return (int) Math.min(1 << 30, size * 4L / 3 + 1);
    }

    // ---------------------------------------------------------------- queries

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#pool}.
     *
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @return the snapshot, or null
     */
    public PoolState pool(String sku, String facilityId) {
        if (sku == null || sku.isBlank()) {
            return null;
        }
        Pool pool = pools.get(new PoolKey(sku, facilityId));
        return pool == null ? null : Snapshots.pool(pool, emitter);
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#preOrder}.
     *
     * @param orderId the sales order
     * @param lineId the line
     * @return the snapshot, or null
     */
    public PreOrderState preOrder(String orderId, String lineId) {
        if (orderId == null || lineId == null) {
            return null;
        }
        OrderEntry e = ordersByKey.get(orderId, lineId);
        if (e == null) {
            return null;
        }
        ArrayList<LineEntry> takenFrom = new ArrayList<>(2);
        ArrayList<Long> quantities = new ArrayList<>(2);
        if (e.covered() > 0) {
            // The allocations are not stored (memory); replaying the pool's deterministic allocation finds them and
            // leaves the state exactly as it was.
            Allocator.recompute(e.pool, policy, today, (order, line, quantity) -> {
                if (order == e) {
                    takenFrom.add(line);
                    quantities.add(quantity);
                }
            });
        }
        return Snapshots.preOrder(e, Snapshots.allocations(takenFrom, quantities), emitter);
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#preOrders}.
     *
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @return the snapshots in time order; empty when there is no such pool
     */
    public List<PreOrderState> preOrders(String sku, String facilityId) {
        Pool pool = sku == null ? null : pools.get(new PoolKey(sku, facilityId));
        if (pool == null) {
            return List.of();
        }
        IdentityHashMap<OrderEntry, ArrayList<LineEntry>> lines = new IdentityHashMap<>();
        IdentityHashMap<OrderEntry, ArrayList<Long>> quantities = new IdentityHashMap<>();
        // One replay of the pool's deterministic allocation yields every pre-order's allocations (see preOrder).
        Allocator.recompute(pool, policy, today, (order, line, quantity) -> {
            lines.computeIfAbsent(order, o -> new ArrayList<>(2)).add(line);
            quantities.computeIfAbsent(order, o -> new ArrayList<>(2)).add(quantity);
        });
        List<PreOrderState> out = new ArrayList<>(pool.size());
        for (int i = 0, n = pool.size(); i < n; i++) {
            OrderEntry e = pool.entry(i);
            List<Allocation> allocations = lines.containsKey(e)
                    ? Snapshots.allocations(lines.get(e), quantities.get(e)) : List.of();
            out.add(Snapshots.preOrder(e, allocations, emitter));
        }
        return out;
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#forEachPool}.
     *
     * @param action the action
     */
    public void forEachPool(Consumer<PoolState> action) {
        for (Pool pool : pools.values()) {
            action.accept(Snapshots.pool(pool, emitter));
        }
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#poolKeys}.
     *
     * @return the sorted keys
     */
    public List<PoolKey> poolKeys() {
        return List.copyOf(new TreeSet<>(pools.keySet()));
    }

    /**
     * See {@link co.hotwax.preorder.core.PreorderBook#poolCount}.
     *
     * @return the number of pools
     */
    public int poolCount() {
        return pools.size();
    }
}
