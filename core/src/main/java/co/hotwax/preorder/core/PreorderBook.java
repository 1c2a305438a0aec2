package co.hotwax.preorder.core;

import co.hotwax.preorder.core.internal.BookState;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The pre-order domain: supply lines, pre-orders and physical stock in; per pool the pre-orderable quantity P,
 * eligibility, the product-page promise date, and per pre-order its allocation and promise date out. Every change of
 * outcome is reported to a {@link BookListener}.
 *
 * <h2>Threading</h2>
 * A book is single-writer and NOT thread-safe. One thread owns it: call every mutating method ({@code rebuild},
 * {@code upsert*}, {@code cancelPreOrder}, {@code releasePreOrder}, {@code setStock}, {@code refreshDates},
 * {@code apply}) and every query ({@code pool}, {@code preOrder}, {@code forEachPool}, {@code poolKeys},
 * {@code poolCount}, {@code preOrders}) from that thread, or guard all of them with one external lock. Listener callbacks run
 * synchronously on the calling thread, after the state is updated, and must not call back into the book (a query
 * from a callback sees the new state but is not supported; a mutation from a callback is undefined). An exception
 * thrown by the listener propagates to the caller; the book's state is already updated, and the rest of that call's
 * events are not delivered.
 *
 * <h2>Pools</h2>
 * A pool is one SKU (pooled mode, the default; {@code facilityId} null everywhere) or one (SKU, facility) pair
 * ({@link BookPolicy#perFacility()}; supply lines pool by their facility, and pre-orders and stock levels must then
 * carry a facility). In pooled mode a pre-order's facility is ignored and a stock level must carry no facility (it is
 * the SKU's online total). A pool exists while it has a supply line or a pre-order; stock alone makes no pool.
 *
 * <h2 id="rules">The rules</h2>
 * This is the one statement of the allocation rules; the rest of the documentation links here.
 * <ul>
 *   <li><b>Units.</b> A line's units are its received units, then its units still on order
 *   ({@link SupplyLine#onOrder()}); its buffer comes off the end, so buffer units are never promised:
 *   {@code promisable = max(0, capacity - buffer)}. Lines are ordered by (eta, lineId), and a line's units are
 *   taken from the front, so received units are taken first and units received on a line cover its earliest
 *   pre-orders. Demand is every pre-order whose status {@linkplain PreOrderStatus#holdsSupply() holds supply}
 *   (open, released, returned).</li>
 *   <li><b>Allocation</b> is a pure function of the current lines and demand, never of arrival order: (1) pinned
 *   pre-orders, by (placedAt, orderId, lineId), take units of their pinned line as far as its promisable units go;
 *   (2) then every pre-order that holds supply, by (placedAt, orderId, lineId), takes the first units left in line
 *   order. A pre-order released to fulfilment (or returned after that) first takes the first <em>received</em>
 *   units left on any line of the pool, and units still on order only when no received unit is left: it is being
 *   shipped from stock. A pin to a line that is not in the pre-order's pool (unknown, or another SKU or facility) is
 *   accepted and ignored: the line may arrive later, and then the pin applies. A pre-order may be split across
 *   lines.</li>
 *   <li><b>A release never moves another pre-order later.</b> Releasing changes no supply, so no customer may be
 *   told to wait longer because another one was shipped. A released pre-order keeps its place in time order, so
 *   what the pre-orders placed before it hold never changes; releasing one that holds received units only (the
 *   OMS ships the pre-orders that a receipt covers) changes no other pre-order at all. One released ahead of the
 *   queue ships from a received unit that a later-placed pre-order would have held; the later pre-orders then move
 *   up to the units it leaves, which are never later, and nobody becomes uncovered. Its own promise date becomes
 *   the ETA of the line it ships from.</li>
 *   <li><b>Deficit</b>: a pre-order not fully allocated is uncovered; because filling is in time order, these are
 *   the latest placed. They are listed latest first in {@link PoolState#uncoveredPreOrders()} and never
 *   dropped.</li>
 *   <li><b>P</b>: {@code P_line = max(0, onOrder - buffer - max(0, allocatedOnLine - received))}; pool
 *   {@code P = max(0, sum(P_line) - safety)} with {@code safety = max(safetyUnits, ceil(safetyPercent% of
 *   onOrder))}. P counts units on order only: a received unit that no pre-order holds is physical stock, which the
 *   OMS reports in online ATP (and then the pool is delisted as in stock, see below).</li>
 *   <li><b>Promise dates</b>: a covered pre-order gets the latest ETA among its allocations plus promise buffer
 *   days; an uncovered one none. The <b>next promise date</b> (the product page) is what the next pre-order would
 *   get: the ETA of the first line, in line order, with a unit left, received or on order, plus buffer days; null
 *   when P is 0. Received units that nobody holds come first because they are the front of their line: the book
 *   cannot tell a pre-order placed after a receipt from one placed before it, and a receipt must not move the
 *   pre-orders it covers, so the next pre-order takes such a unit too, and P stays as it was. The ETA is stale
 *   when that line's ETA is before the book's today.</li>
 *   <li><b>Eligibility</b>: listed iff {@code P > 0}, physical ATP {@code <= 0} and the ETA is not stale, or stale
 *   under {@link StaleEtaPolicy#KEEP_AND_FLAG} (then listed and flagged). Otherwise the delist reason is, first
 *   match: {@link PoolState#REASON_NO_UNITS}, {@link PoolState#REASON_IN_STOCK},
 *   {@link PoolState#REASON_ETA_PASSED}.</li>
 * </ul>
 *
 * <h2>Today</h2>
 * Date-dependent outcomes (stale ETA) use the book's <em>today</em>, read from the clock in the policy's zone when
 * the book is built, on every {@link #rebuild} and on every {@link #refreshDates()}; other calls keep it, so the
 * state is always a pure function of the inputs and today. Call {@code refreshDates()} at least once a day.
 *
 * <h2>Events</h2>
 * After each mutating call (each command of {@link #apply}), the outcome of every pool the call touched is compared
 * with its outcome before the call; a pool that did not exist before compares with an empty pool (P 0, not listed,
 * no date) and a pool that is gone with one. Per pool, in this order:
 * {@link BookEvent.PreorderableChanged} if P differs; {@link BookEvent.Listed} or {@link BookEvent.Delisted} if
 * listing flipped; {@link BookEvent.NextPromiseDateChanged} if the product-page date differs; then per pre-order of
 * the pool in (placedAt, orderId, lineId) order: {@link BookEvent.PreOrderUncovered} when it becomes uncovered from
 * covered, new, or not holding supply; {@link BookEvent.PreOrderCovered} when it goes from uncovered to covered;
 * {@link BookEvent.PromiseDateChanged} when it stays covered with another date; and last
 * {@link BookEvent.PoolChanged} when anything of the pool changed. A new (or un-cancelled) pre-order that is covered
 * emits no pre-order event, only PoolChanged; a pre-order that stops holding supply (cancelled) emits none either;
 * an uncovered pre-order whose uncovered quantity changes emits only PoolChanged. Pools are reported in the order
 * the call touched them (a line or pre-order moving pools: the old pool, then the new); {@link #rebuild} and
 * {@link #refreshDates()} report pools in {@link PoolKey} order. On the first {@code rebuild} of an empty book this
 * yields PreorderableChanged, Listed and NextPromiseDateChanged per pool and PreOrderUncovered per uncovered
 * pre-order, but no event for covered pre-orders. A call that changes nothing (e.g. an identical re-upsert) emits
 * nothing.
 *
 * <h2>Bad input</h2>
 * Every mutating method validates before changing anything: when it throws {@link InvalidInputException} (naming
 * the item and the reason) the state is unchanged. Batch methods reject bad items in their {@link BatchReport} and
 * go on with the others.
 *
 * <h2>Cost</h2>
 * A single change recomputes only the pool(s) it touches: cost proportional to that pool's lines and pre-orders,
 * never to the catalog. {@link #rebuild} sorts each pool once.
 *
 * @since 0.1.0
 */
public final class PreorderBook implements BookView {
    private final BookState state;

    private PreorderBook(Builder b) {
        this.state = new BookState(b.policy, b.listener, b.clock, b.rebuildExecutor);
    }

    /**
     * Starts a book with the default policy, a no-op listener and the system UTC clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy this book applies.
     *
     * @return the policy
     */
    public BookPolicy policy() {
        return state.policy();
    }

    /**
     * Replaces all state with the given inputs. Null, duplicate (same lineId, same (orderId, lineId), same stock
     * pool; the first one wins) or otherwise invalid items are rejected in the report and the rest load. Re-reads
     * today from the clock. Emits events for every outcome that differs from the state before (see the class
     * javadoc).
     *
     * @param lines every supply line
     * @param preOrders every pre-order, in any status
     * @param stock physical online ATP per pool
     * @return how many items loaded and which were rejected
     * @throws NullPointerException when a collection is null
     */
    public BatchReport rebuild(Collection<SupplyLine> lines, Collection<PreOrder> preOrders,
                               Collection<StockLevel> stock) {
        return state.rebuild(Objects.requireNonNull(lines, "lines"), Objects.requireNonNull(preOrders, "preOrders"),
                Objects.requireNonNull(stock, "stock"));
    }

    /**
     * Adds a supply line or replaces the one with the same lineId. A PO increase, cut, cancel, close, receipt or ETA
     * change is an upsert; a line whose SKU or facility changes moves pools.
     *
     * @param line the line (its own constructor already refused negative, overflowing or inconsistent quantities)
     * @throws InvalidInputException when the line is null, an identifier is longer than 255 characters or holds a
     *                               control or format character, or its eta is not a possible date (before
     *                               1900-01-01, or so late that eta plus the promise buffer days passes
     *                               9999-12-31); the state is then unchanged
     */
    public void upsertSupplyLine(SupplyLine line) {
        state.upsertSupplyLine(line);
    }

    /**
     * Adds a pre-order or replaces the one with the same (orderId, lineId). One whose facility changes (per
     * facility) moves pools. Its SKU cannot change: an (orderId, lineId) already used by a pre-order of another SKU
     * is refused, naming both SKUs, because silently moving it would hide a reused id and drop the first order's
     * demand from its SKU; cancel the old pre-order and take a new one instead.
     *
     * @param preOrder the pre-order
     * @throws InvalidInputException when null, without a facility in per-facility mode, with an identifier longer
     *                               than 255 characters or holding a control or format character, or reusing the
     *                               ids of a pre-order of another SKU; the state is then unchanged
     */
    public void upsertPreOrder(PreOrder preOrder) {
        state.upsertPreOrder(preOrder);
    }

    /**
     * Cancels a pre-order: an open one becomes CANCELLED and frees its units; a released one becomes RETURNED (its
     * units went back to physical stock, so the line's units stay used). Cancelling a cancelled or returned one
     * changes nothing.
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @throws InvalidInputException when the pre-order is unknown; the state is then unchanged
     */
    public void cancelPreOrder(String orderId, String lineId) {
        state.cancelPreOrder(orderId, lineId);
    }

    /**
     * Releases an open pre-order to fulfilment (RELEASED): it keeps its place in time order and takes received units
     * first, and no other pre-order moves later (see the rules). Releasing a released one changes nothing.
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @throws InvalidInputException when the pre-order is unknown, cancelled or returned; the state is then
     *                               unchanged
     */
    public void releasePreOrder(String orderId, String lineId) {
        state.releasePreOrder(orderId, lineId);
    }

    /**
     * Sets the physical online ATP of a pool (a SKU with stock is not listed for pre-order). A level for a pool
     * without lines or pre-orders is kept for when it gets some.
     *
     * @param level the level; facility required in per-facility mode, and must be null in pooled mode
     * @throws InvalidInputException when null or with the wrong facility for the mode; the state is then unchanged
     */
    public void setStock(StockLevel level) {
        state.setStock(level);
    }

    /**
     * Reads today from the clock (policy zone) and re-evaluates the date-dependent outcomes (stale ETA) of every
     * pool, emitting events for those that changed. Call at least once a day. Scans the pools (cheap: no
     * allocation is redone).
     *
     * @return how many pools changed
     */
    public int refreshDates() {
        return state.refreshDates();
    }

    /**
     * Applies commands in order, each as the matching method would. A bad command is rejected with its index and
     * reason, changes nothing, and the others go on.
     *
     * @param commands the commands
     * @return how many applied and which were rejected
     * @throws NullPointerException when the list is null
     */
    public BatchReport apply(List<BookCommand> commands) {
        return state.apply(Objects.requireNonNull(commands, "commands"));
    }

    /**
     * A snapshot of one pool.
     *
     * @param sku the SKU
     * @param facilityId the facility in per-facility mode; null in pooled mode
     * @return the pool's state, or empty when there is no such pool
     */
    @Override
    public Optional<PoolState> pool(String sku, String facilityId) {
        return Optional.ofNullable(state.pool(sku, facilityId));
    }

    /**
     * A snapshot of one pre-order, in any status.
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @return its state, or empty when unknown
     */
    @Override
    public Optional<PreOrderState> preOrder(String orderId, String lineId) {
        return Optional.ofNullable(state.preOrder(orderId, lineId));
    }

    /**
     * Snapshots of every pre-order of one pool (any status), with their allocations and promise dates. Costs one
     * allocation pass over the pool, not one per pre-order.
     *
     * @param sku the SKU
     * @param facilityId the facility in per-facility mode; null in pooled mode
     * @return the pre-orders in (placedAt, orderId, lineId) order; empty when there is no such pool
     */
    @Override
    public List<PreOrderState> preOrders(String sku, String facilityId) {
        return state.preOrders(sku, facilityId);
    }

    /**
     * Calls an action with a snapshot of every pool, in no particular order.
     *
     * @param action the action; must not modify the book
     */
    @Override
    public void forEachPool(Consumer<PoolState> action) {
        state.forEachPool(Objects.requireNonNull(action, "action"));
    }

    /**
     * The keys of every pool.
     *
     * @return an immutable copy, in {@link PoolKey} order
     */
    @Override
    public List<PoolKey> poolKeys() {
        return state.poolKeys();
    }

    /**
     * The number of pools.
     *
     * @return pools with at least one supply line or pre-order
     */
    @Override
    public int poolCount() {
        return state.poolCount();
    }

    /** Collects the collaborators of a {@link PreorderBook}. Not thread-safe. */
    public static final class Builder {
        private BookPolicy policy = BookPolicy.defaults();
        private BookListener listener = BookListener.NO_OP;
        private Clock clock = Clock.systemUTC();
        private Executor rebuildExecutor = Runnable::run;

        private Builder() {
        }

        /**
         * Where {@link PreorderBook#rebuild} runs the per-pool recompute of a large catalog (default: on the calling
         * thread). Pools are split into a few dozen chunks handed to the executor; the calling thread waits for all
         * of them, so the book stays single-writer. Event delivery stays on the calling thread.
         *
         * @param executor e.g. a fixed pool with one thread per core
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder rebuildExecutor(Executor executor) {
            this.rebuildExecutor = requireNonNull(executor, "rebuildExecutor");
            return this;
        }

        /**
         * The policy (default {@link BookPolicy#defaults()}).
         *
         * @param policy the policy
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder policy(BookPolicy policy) {
            this.policy = requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Who hears every change of outcome (default: nobody).
         *
         * @param listener the listener
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder listener(BookListener listener) {
            this.listener = requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where today comes from (default the system UTC clock; the policy's zone decides the date).
         *
         * @param clock the clock
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds an empty book.
         *
         * @return the book
         */
        public PreorderBook build() {
            return new PreorderBook(this);
        }

        private static <T> T requireNonNull(T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            return value;
        }
    }
}
