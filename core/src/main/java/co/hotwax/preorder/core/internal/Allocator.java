package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.StaleEtaPolicy;
import co.hotwax.preorder.spi.PreOrderStatus;

import java.time.LocalDate;
import java.util.ArrayList;

/**
 * Computes one pool's outcome from its inputs alone (brief rules 1-5): the canonical allocation, P, the next promise
 * date, staleness and eligibility. Allocation-free and linear in the pool's lines and pre-orders, so it can run on
 * every event.
 */
final class Allocator {
    /** Receives every take of units while allocating, for callers that need the allocations themselves. */
    interface Sink {
        /**
         * Units of a line taken by a pre-order.
         *
         * @param order the pre-order
         * @param line the line
         * @param quantity units taken, {@code > 0}
         */
        void take(OrderEntry order, LineEntry line, long quantity);
    }

    private Allocator() {
    }

    /**
     * Recomputes the pool in place.
     *
     * @param pool the pool, lines and pre-orders sorted
     * @param policy the policy
     * @param today the book's today
     * @param sink receives the allocations, or null
     */
    static void recompute(Pool pool, BookPolicy policy, LocalDate today, Sink sink) {
        allocate(pool, sink);
        measure(pool, policy, today);
    }

    private static void allocate(Pool pool, Sink sink) {
        ArrayList<LineEntry> lines = pool.lines;
        for (int i = 0, n = lines.size(); i < n; i++) {
            lines.get(i).allocated = 0;
        }
        long[] r = pool.rows;
        boolean anyPinned = false;
        boolean anyReleased = false;
        for (int b = 0, end = pool.orders.size() * Pool.STRIDE; b < end; b += Pool.STRIDE) {
            // The last outcome becomes the previous one (for the event diff) as it is cleared.
            r[b + Pool.PREV_COVERED] = r[b + Pool.COVERED];
            r[b + Pool.PREV_PROMISE_DAY] = r[b + Pool.PROMISE_DAY];
            Pool.setPrevCategory(r, b, Pool.category(r, b));
            r[b + Pool.COVERED] = 0;
            r[b + Pool.PROMISE_DAY] = OrderEntry.NO_DAY;
            PreOrderStatus s = Pool.status(r, b);
            anyPinned |= Pool.pinned(r, b) && s != PreOrderStatus.CANCELLED;
            anyReleased |= s == PreOrderStatus.RELEASED || s == PreOrderStatus.RETURNED;
        }
        if (anyPinned) {
            allocatePinned(pool, sink);
        }
        int cursor = 0;
        if (anyReleased) {
            cursor = fill(pool, cursor, true, sink);
        }
        fill(pool, cursor, false, sink);
    }

    /**
     * Step 1: pinned pre-orders take from their pinned line, in time order, as far as it goes. A pin to a line
     * outside the pool counts for nothing. The pinned line is found among the pool's few lines by the id's hash,
     * kept in the row, rather than in the book's index, whose probe would read several far-away objects.
     */
    private static void allocatePinned(Pool pool, Sink sink) {
        long[] r = pool.rows;
        ArrayList<OrderEntry> orders = pool.orders;
        ArrayList<LineEntry> lines = pool.lines;
        for (int i = 0, n = orders.size(); i < n; i++) {
            int b = i * Pool.STRIDE;
            if (!Pool.pinned(r, b) || Pool.status(r, b) == PreOrderStatus.CANCELLED) {
                continue;
            }
            int hash = Pool.pinHash(r, b);
            for (int j = 0, m = lines.size(); j < m; j++) {
                LineEntry line = lines.get(j);
                if (line.idHash == hash && line.lineId.equals(orders.get(i).pinnedLineId)) {
                    take(pool, i, line, Math.min(r[b + Pool.QUANTITY], line.free()), sink);
                    break;
                }
            }
        }
    }

    /**
     * Step 2: one group (released/returned, or open) by time order fills the lines' free units in (eta, lineId)
     * order. Lines before the cursor are full, and stay so, which keeps the whole pass linear.
     */
    private static int fill(Pool pool, int cursor, boolean releasedGroup, Sink sink) {
        ArrayList<LineEntry> lines = pool.lines;
        long[] r = pool.rows;
        int lineCount = lines.size();
        for (int i = 0, n = pool.orders.size(); i < n && cursor < lineCount; i++) {
            int b = i * Pool.STRIDE;
            PreOrderStatus s = Pool.status(r, b);
            boolean inGroup = releasedGroup
                    ? s == PreOrderStatus.RELEASED || s == PreOrderStatus.RETURNED
                    : s == PreOrderStatus.OPEN;
            if (!inGroup) {
                continue;
            }
            long need = r[b + Pool.QUANTITY] - r[b + Pool.COVERED];
            while (need > 0 && cursor < lineCount) {
                LineEntry line = lines.get(cursor);
                long free = line.free();
                if (free <= 0) {
                    cursor++;
                    continue;
                }
                long t = Math.min(need, free);
                take(pool, i, line, t, sink);
                need -= t;
            }
        }
        return cursor;
    }

    private static void take(Pool pool, int order, LineEntry line, long quantity, Sink sink) {
        if (quantity <= 0) {
            return;
        }
        long[] r = pool.rows;
        int b = order * Pool.STRIDE;
        line.allocated += quantity;
        r[b + Pool.COVERED] += quantity;
        if (line.etaDay > r[b + Pool.PROMISE_DAY]) {
            r[b + Pool.PROMISE_DAY] = line.etaDay;
        }
        if (sink != null) {
            sink.take(pool.orders.get(order), line, quantity);
        }
    }

    /** P, totals, promise dates, next date, staleness and eligibility from the allocation just made. */
    private static void measure(Pool pool, BookPolicy policy, LocalDate today) {
        ArrayList<LineEntry> lines = pool.lines;
        long sumP = 0;
        long onOrder = 0;
        long promisable = 0;
        long allocated = 0;
        LocalDate firstWithP = null;
        long firstWithPDay = OrderEntry.NO_DAY;
        for (int i = 0, n = lines.size(); i < n; i++) {
            LineEntry line = lines.get(i);
            long p = line.preorderable();
            if (p > 0 && firstWithP == null) {
                firstWithP = line.eta;
                firstWithPDay = line.etaDay;
            }
            sumP += p;
            onOrder += line.onOrder;
            promisable += line.promisable;
            allocated += line.allocated;
        }
        pool.onOrder = onOrder;
        pool.promisable = promisable;
        pool.allocated = allocated;
        pool.preorderable = Math.max(0, sumP - policy.safetyFor(onOrder));
        LocalDate nextEta = pool.preorderable > 0 ? firstWithP : null;
        pool.nextEtaDay = pool.preorderable > 0 ? firstWithPDay : OrderEntry.NO_DAY;
        if (pool.nextEta != nextEta) {
            // Reference stores only on change: each one into an old object costs G1 card refinement.
            pool.nextEta = nextEta;
        }
        settle(pool);
        applyEligibility(pool, policy, today);
    }

    /** Categories and promise dates: only a fully covered pre-order keeps the latest ETA take() tracked. */
    private static void settle(Pool pool) {
        long[] r = pool.rows;
        for (int b = 0, end = pool.orders.size() * Pool.STRIDE; b < end; b += Pool.STRIDE) {
            byte category;
            if (Pool.status(r, b) == PreOrderStatus.CANCELLED) {
                category = OrderEntry.INACTIVE;
            } else if (r[b + Pool.COVERED] >= r[b + Pool.QUANTITY]) {
                category = OrderEntry.COVERED;
            } else {
                category = OrderEntry.UNCOVERED;
                r[b + Pool.PROMISE_DAY] = OrderEntry.NO_DAY;
            }
            Pool.setCategory(r, b, category);
        }
    }

    /**
     * Staleness and listing from P, physical ATP, the next ETA and today.
     *
     * @param pool the pool, P and next ETA computed
     * @param policy the policy
     * @param today the book's today
     */
    static void applyEligibility(Pool pool, BookPolicy policy, LocalDate today) {
        pool.etaStale = pool.nextEtaDay != OrderEntry.NO_DAY && pool.nextEtaDay < today.toEpochDay();
        String reason;
        if (pool.preorderable <= 0) {
            reason = PoolState.REASON_NO_UNITS;
        } else if (pool.physicalAtp > 0) {
            reason = PoolState.REASON_IN_STOCK;
        } else if (pool.etaStale && policy.staleEtaPolicy() == StaleEtaPolicy.DELIST) {
            reason = PoolState.REASON_ETA_PASSED;
        } else {
            reason = null;
        }
        pool.listed = reason == null;
        if (pool.delistReason != reason) {
            pool.delistReason = reason;
        }
    }
}
