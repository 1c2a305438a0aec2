package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.spi.PreOrder;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * A pre-order as held in its pool: the units the last allocation covered, the latest ETA among them, and the same
 * values as they were before the current call (for the event diff).
 */
final class OrderEntry {
    /** Time order of pre-orders: (placedAt, orderId, lineId). */
    static final Comparator<OrderEntry> ORDER = (a, b) -> {
        int c = a.order.placedAt().compareTo(b.order.placedAt());
        if (c != 0) {
            return c;
        }
        c = a.order.orderId().compareTo(b.order.orderId());
        return c != 0 ? c : a.order.lineId().compareTo(b.order.lineId());
    };

    /** Not in the book before the call. */
    static final byte ABSENT = 0;
    /** Holds no supply (cancelled). */
    static final byte INACTIVE = 1;
    /** Holds supply but not all of its quantity is allocated. */
    static final byte UNCOVERED = 2;
    /** Fully allocated. */
    static final byte COVERED = 3;

    PreOrder order;
    Pool pool;
    long covered;
    /** Latest ETA among the allocations when fully covered, else null. */
    LocalDate promiseEta;

    byte prevCategory = ABSENT;
    LocalDate prevPromiseEta;
    long prevCovered;

    OrderEntry(PreOrder order) {
        this.order = order;
    }

    byte category() {
        if (!order.status().holdsSupply()) {
            return INACTIVE;
        }
        return covered >= order.quantity() ? COVERED : UNCOVERED;
    }

    /** Remembers the current outcome as the one before the call. */
    void capturePrev() {
        prevCategory = category();
        prevPromiseEta = promiseEta;
        prevCovered = covered;
    }

    /** Takes the outcome of the same pre-order from a previous state as the one before the call. */
    void capturePrevFrom(OrderEntry old) {
        prevCategory = old.category();
        prevPromiseEta = old.promiseEta;
        prevCovered = old.covered;
    }

    boolean outcomeChanged() {
        return prevCategory != category() || prevCovered != covered
                || (prevPromiseEta == null ? promiseEta != null : !prevPromiseEta.equals(promiseEta));
    }

    String key() {
        return order.orderId() + "/" + order.lineId();
    }
}
