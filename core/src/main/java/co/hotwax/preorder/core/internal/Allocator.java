package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.StaleEtaPolicy;

import java.time.LocalDate;
import java.util.ArrayList;

/**
 * Computes one pool's outcome from its inputs alone, by the rules stated once on
 * {@link co.hotwax.preorder.core.PreorderBook} (section "The rules"): the allocation, P, the next promise date,
 * staleness and eligibility. Allocation-free and linear in the pool's lines and pre-orders, so it can run on every
 * event.
 *
 * <p>A line's units are its received units, then its units still on order, less the buffer off the end; the
 * allocation takes each line's units from the front, so {@link LineEntry#allocated} says which units are taken.
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
        OrderRows orders = pool;
        boolean anyPinned = false;
        for (int i = 0, n = orders.size(); i < n; i++) {
            orders.rollToPrevious(i);
            anyPinned |= orders.isPinned(i) && orders.holdsSupply(i);
        }
        if (anyPinned) {
            takePinnedLines(pool, sink);
        }
        serveInTimeOrder(pool, sink);
    }

    /**
     * Pinned pre-orders take from their pinned line, in time order, as far as it goes. A pin to a line outside the
     * pool counts for nothing. The pinned line is found among the pool's few lines by the id's hash, kept in the
     * row, rather than in the book's index, whose probe would read several far-away objects.
     */
    private static void takePinnedLines(Pool pool, Sink sink) {
        OrderRows orders = pool;
        ArrayList<LineEntry> lines = pool.lines;
        for (int i = 0, n = orders.size(); i < n; i++) {
            if (!orders.isPinned(i) || !orders.holdsSupply(i)) {
                continue;
            }
            int hash = orders.pinHash(i);
            for (int j = 0, m = lines.size(); j < m; j++) {
                LineEntry line = lines.get(j);
                if (line.idHash == hash && line.lineId.equals(orders.entry(i).pinnedLineId)) {
                    take(pool, i, line, Math.min(orders.quantity(i), line.unitsLeft()), sink);
                    break;
                }
            }
        }
    }

    /**
     * Then every pre-order that holds supply, in time order, takes the first units left in line order; one that was
     * released (or returned) first takes the first received units left on any line. Two cursors keep the pass
     * linear: lines before {@code firstWithUnits} have no unit left, lines before {@code firstWithReceived} no
     * received unit left, and taking never gives a unit back.
     */
    private static void serveInTimeOrder(Pool pool, Sink sink) {
        OrderRows orders = pool;
        int lineCount = pool.lines.size();
        int firstWithUnits = 0;
        int firstWithReceived = 0;
        for (int i = 0, n = orders.size(); i < n && firstWithUnits < lineCount; i++) {
            if (!orders.holdsSupply(i)) {
                continue;
            }
            if (orders.wasReleased(i)) {
                firstWithReceived = takeInLineOrder(pool, i, firstWithReceived, true, sink);
            }
            firstWithUnits = takeInLineOrder(pool, i, firstWithUnits, false, sink);
        }
    }

    /**
     * Pre-order {@code i} takes units left on the lines from {@code first} on, in line order, until it is covered.
     *
     * @param receivedOnly take received units only
     * @return the first line that may still have such units
     */
    private static int takeInLineOrder(Pool pool, int i, int first, boolean receivedOnly, Sink sink) {
        ArrayList<LineEntry> lines = pool.lines;
        int line = first;
        long need = pool.missing(i);
        while (need > 0 && line < lines.size()) {
            LineEntry l = lines.get(line);
            long units = Math.min(need, receivedOnly ? l.receivedLeft() : l.unitsLeft());
            if (units <= 0) {
                line++;
                continue;
            }
            take(pool, i, l, units, sink);
            need -= units;
        }
        return line;
    }

    private static void take(Pool pool, int order, LineEntry line, long units, Sink sink) {
        if (units <= 0) {
            return;
        }
        line.allocated += units;
        pool.take(order, units, line.etaDay);
        if (sink != null) {
            sink.take(pool.entry(order), line, units);
        }
    }

    /** P, totals, promise dates, next date, staleness and eligibility from the allocation just made. */
    private static void measure(Pool pool, BookPolicy policy, LocalDate today) {
        ArrayList<LineEntry> lines = pool.lines;
        long sumP = 0;
        long onOrder = 0;
        long promisable = 0;
        long allocated = 0;
        LineEntry nextUnitLine = null;
        for (int i = 0, n = lines.size(); i < n; i++) {
            LineEntry line = lines.get(i);
            if (nextUnitLine == null && line.unitsLeft() > 0) {
                nextUnitLine = line;
            }
            sumP += line.preorderable();
            onOrder += line.onOrder;
            promisable += line.promisable;
            allocated += line.allocated;
        }
        pool.onOrder = onOrder;
        pool.promisable = promisable;
        pool.allocated = allocated;
        pool.preorderable = Math.max(0, sumP - policy.safetyFor(onOrder));
        // The next pre-order takes the first unit left in line order, received or on order (see PreorderBook's
        // rules); whenever P > 0 some line has one.
        boolean next = pool.preorderable > 0 && nextUnitLine != null;
        LocalDate nextEta = next ? nextUnitLine.eta : null;
        pool.nextEtaDay = next ? nextUnitLine.etaDay : OrderEntry.NO_DAY;
        if (pool.nextEta != nextEta) {
            // Reference stores only on change: each one into an old object costs G1 card refinement.
            pool.nextEta = nextEta;
        }
        categorize(pool);
        applyEligibility(pool, policy, today);
    }

    /** Categories and promise dates: only a fully covered pre-order keeps the latest ETA its takes tracked. */
    private static void categorize(OrderRows orders) {
        for (int i = 0, n = orders.size(); i < n; i++) {
            byte category;
            if (!orders.holdsSupply(i)) {
                category = OrderEntry.INACTIVE;
            } else if (orders.missing(i) <= 0) {
                category = OrderEntry.COVERED;
            } else {
                category = OrderEntry.UNCOVERED;
                orders.dropPromise(i);
            }
            orders.setCategory(i, category);
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
