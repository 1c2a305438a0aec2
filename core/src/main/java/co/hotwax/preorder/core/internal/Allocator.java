package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.StaleEtaPolicy;
import co.hotwax.preorder.spi.PreOrderStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;

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
     * @param linesById every line of the book, to resolve pins
     * @param sink receives the allocations, or null
     */
    static void recompute(Pool pool, BookPolicy policy, LocalDate today, Map<String, LineEntry> linesById,
                          Sink sink) {
        allocate(pool, linesById, sink);
        measure(pool, policy, today);
    }

    private static void allocate(Pool pool, Map<String, LineEntry> linesById, Sink sink) {
        ArrayList<LineEntry> lines = pool.lines;
        ArrayList<OrderEntry> orders = pool.orders;
        for (int i = 0, n = lines.size(); i < n; i++) {
            lines.get(i).allocated = 0;
        }
        boolean anyPinned = false;
        boolean anyReleased = false;
        for (int i = 0, n = orders.size(); i < n; i++) {
            OrderEntry o = orders.get(i);
            o.resetForRecompute();
            PreOrderStatus s = o.status;
            anyPinned |= o.pinnedLineId != null && s != PreOrderStatus.CANCELLED;
            anyReleased |= s == PreOrderStatus.RELEASED || s == PreOrderStatus.RETURNED;
        }
        if (anyPinned) {
            allocatePinned(pool, linesById, sink);
        }
        int cursor = 0;
        if (anyReleased) {
            cursor = fill(pool, cursor, true, sink);
        }
        fill(pool, cursor, false, sink);
    }

    /** Step 1: pinned pre-orders take from their pinned line, in time order, as far as it goes. */
    private static void allocatePinned(Pool pool, Map<String, LineEntry> linesById, Sink sink) {
        ArrayList<OrderEntry> orders = pool.orders;
        for (int i = 0, n = orders.size(); i < n; i++) {
            OrderEntry o = orders.get(i);
            if (o.pinnedLineId == null || !o.holdsSupply()) {
                continue;
            }
            LineEntry line = linesById.get(o.pinnedLineId);
            if (line == null || line.pool != pool) {
                continue;
            }
            take(o, line, Math.min(o.quantity, line.free()), sink);
        }
    }

    /**
     * Step 2: one group (released/returned, or open) by time order fills the lines' free units in (eta, lineId)
     * order. Lines before the cursor are full, and stay so, which keeps the whole pass linear.
     */
    private static int fill(Pool pool, int cursor, boolean releasedGroup, Sink sink) {
        ArrayList<LineEntry> lines = pool.lines;
        ArrayList<OrderEntry> orders = pool.orders;
        int lineCount = lines.size();
        for (int i = 0, n = orders.size(); i < n && cursor < lineCount; i++) {
            OrderEntry o = orders.get(i);
            PreOrderStatus s = o.status;
            boolean inGroup = releasedGroup
                    ? s == PreOrderStatus.RELEASED || s == PreOrderStatus.RETURNED
                    : s == PreOrderStatus.OPEN;
            if (!inGroup) {
                continue;
            }
            long need = o.quantity - o.covered;
            while (need > 0 && cursor < lineCount) {
                LineEntry line = lines.get(cursor);
                long free = line.free();
                if (free <= 0) {
                    cursor++;
                    continue;
                }
                long t = Math.min(need, free);
                take(o, line, t, sink);
                need -= t;
            }
        }
        return cursor;
    }

    private static void take(OrderEntry o, LineEntry line, long quantity, Sink sink) {
        if (quantity <= 0) {
            return;
        }
        line.allocated += quantity;
        o.covered += quantity;
        LocalDate eta = line.line.eta();
        if (o.promiseEta == null || eta.isAfter(o.promiseEta)) {
            o.promiseEta = eta;
        }
        if (sink != null) {
            sink.take(o, line, quantity);
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
        for (int i = 0, n = lines.size(); i < n; i++) {
            LineEntry line = lines.get(i);
            long p = line.preorderable();
            if (p > 0 && firstWithP == null) {
                firstWithP = line.line.eta();
            }
            sumP += p;
            onOrder += line.line.onOrder();
            promisable += line.line.promisable();
            allocated += line.allocated;
        }
        pool.onOrder = onOrder;
        pool.promisable = promisable;
        pool.allocated = allocated;
        pool.preorderable = Math.max(0, sumP - policy.safetyFor(onOrder));
        pool.nextEta = pool.preorderable > 0 ? firstWithP : null;
        settle(pool);
        applyEligibility(pool, policy, today);
    }

    /** Categories and promise dates: only a fully covered pre-order keeps the latest ETA take() tracked. */
    private static void settle(Pool pool) {
        ArrayList<OrderEntry> orders = pool.orders;
        for (int i = 0, n = orders.size(); i < n; i++) {
            orders.get(i).settle();
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
        pool.etaStale = pool.nextEta != null && pool.nextEta.isBefore(today);
        if (pool.preorderable <= 0) {
            pool.listed = false;
            pool.delistReason = PoolState.REASON_NO_UNITS;
        } else if (pool.physicalAtp > 0) {
            pool.listed = false;
            pool.delistReason = PoolState.REASON_IN_STOCK;
        } else if (pool.etaStale && policy.staleEtaPolicy() == StaleEtaPolicy.DELIST) {
            pool.listed = false;
            pool.delistReason = PoolState.REASON_ETA_PASSED;
        } else {
            pool.listed = true;
            pool.delistReason = null;
        }
    }
}
