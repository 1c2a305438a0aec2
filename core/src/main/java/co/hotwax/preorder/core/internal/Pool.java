package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Objects;

/**
 * One pool's inputs (lines in (eta, lineId) order, pre-orders in time order, physical ATP) and its last computed
 * outcome, plus the outcome as it was before the current call so the call's events can be derived by a diff.
 */
final class Pool {
    final PoolKey key;
    final ArrayList<LineEntry> lines = new ArrayList<>(2);
    final ArrayList<OrderEntry> orders = new ArrayList<>(4);
    long physicalAtp;

    long preorderable;
    long onOrder;
    long promisable;
    long allocated;
    boolean listed;
    boolean etaStale;
    /** ETA of the line the next unit would come from, null when P is 0. */
    LocalDate nextEta;
    String delistReason = PoolState.REASON_NO_UNITS;

    private long prevPreorderable;
    private long prevOnOrder;
    private long prevPromisable;
    private long prevAllocated;
    private long prevPhysicalAtp;
    private boolean prevListed;
    private boolean prevEtaStale;
    private LocalDate prevNextEta;

    Pool(PoolKey key) {
        this.key = key;
    }

    boolean isEmpty() {
        return lines.isEmpty() && orders.isEmpty();
    }

    /**
     * Remembers the pool's outcome as the one before the current call. Its pre-orders remember theirs when the
     * recompute resets them ({@link OrderEntry#resetForRecompute()}), which saves a pass.
     */
    void capturePrev() {
        capturePrevFrom(this);
    }

    /** For a call that changes no allocation: every pre-order's previous outcome is its current one. */
    void keepOrdersPrev() {
        for (int i = 0, n = orders.size(); i < n; i++) {
            orders.get(i).keepPrev();
        }
    }

    /** Takes another pool's current outcome (the same pool in a previous state) as the one before the call. */
    void capturePrevFrom(Pool old) {
        prevPreorderable = old.preorderable;
        prevOnOrder = old.onOrder;
        prevPromisable = old.promisable;
        prevAllocated = old.allocated;
        prevPhysicalAtp = old.physicalAtp;
        prevListed = old.listed;
        prevEtaStale = old.etaStale;
        prevNextEta = old.nextEta;
    }

    long prevPreorderable() {
        return prevPreorderable;
    }

    boolean prevListed() {
        return prevListed;
    }

    LocalDate prevNextEta() {
        return prevNextEta;
    }

    boolean summaryChanged() {
        return prevPreorderable != preorderable || prevOnOrder != onOrder || prevPromisable != promisable
                || prevAllocated != allocated || prevPhysicalAtp != physicalAtp || prevListed != listed
                || prevEtaStale != etaStale || !Objects.equals(prevNextEta, nextEta);
    }

    void insertLine(LineEntry e) {
        int i = Collections.binarySearch(lines, e, LineEntry.ORDER);
        lines.add(i < 0 ? -i - 1 : i, e);
        e.pool = this;
    }

    /** Removes a line; must be called while the entry still holds the record it was inserted with. */
    void removeLine(LineEntry e) {
        int i = Collections.binarySearch(lines, e, LineEntry.ORDER);
        if (i < 0 || lines.get(i) != e) {
            throw new IllegalStateException("line " + e.line.lineId() + " is not in pool " + key);
        }
        lines.remove(i);
        e.pool = null;
    }

    void insertOrder(OrderEntry e) {
        int i = Collections.binarySearch(orders, e, OrderEntry.ORDER);
        orders.add(i < 0 ? -i - 1 : i, e);
        e.pool = this;
    }

    /** Removes a pre-order; must be called while the entry still holds the record it was inserted with. */
    void removeOrder(OrderEntry e) {
        int i = Collections.binarySearch(orders, e, OrderEntry.ORDER);
        if (i < 0 || orders.get(i) != e) {
            throw new IllegalStateException("pre-order " + e.key() + " is not in pool " + key);
        }
        orders.remove(i);
        e.pool = null;
    }

    /** Sorts lines and pre-orders once after a bulk load. */
    void sortAll() {
        lines.sort(LineEntry.ORDER);
        orders.sort(OrderEntry.ORDER);
    }

    /** Whether this pool holds exactly the same inputs as another (same records in the same order, same ATP). */
    boolean sameInputs(Pool other) {
        if (other == null || physicalAtp != other.physicalAtp || lines.size() != other.lines.size()
                || orders.size() != other.orders.size()) {
            return false;
        }
        for (int i = 0, n = lines.size(); i < n; i++) {
            if (!lines.get(i).line.equals(other.lines.get(i).line)) {
                return false;
            }
        }
        for (int i = 0, n = orders.size(); i < n; i++) {
            if (!orders.get(i).order.equals(other.orders.get(i).order)) {
                return false;
            }
        }
        return true;
    }
}
