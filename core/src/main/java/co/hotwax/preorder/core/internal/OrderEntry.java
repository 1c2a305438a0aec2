package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * A pre-order as held in its pool: the units the last allocation covered, the latest ETA among them, and the same
 * values as they were before the pool's last recompute (for the event diff). The fields the allocator reads on every
 * pass are copied out of the record so a recompute touches one object per pre-order.
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
    long quantity;
    PreOrderStatus status;
    String pinnedLineId;
    Pool pool;

    long covered;
    /** Latest ETA among the allocations; null when not fully covered (after a recompute). */
    LocalDate promiseEta;
    /** The category as of the last recompute; {@link #ABSENT} before the first. */
    byte category = ABSENT;

    byte prevCategory = ABSENT;
    LocalDate prevPromiseEta;
    long prevCovered;

    OrderEntry(PreOrder order) {
        setOrder(order);
    }

    void setOrder(PreOrder order) {
        this.order = order;
        this.quantity = order.quantity();
        this.status = order.status();
        this.pinnedLineId = order.pinnedLineId();
    }

    boolean holdsSupply() {
        return status != PreOrderStatus.CANCELLED;
    }

    /** Moves the outcome of the last recompute to the previous one and clears it, before allocating again. */
    void resetForRecompute() {
        prevCategory = category;
        prevPromiseEta = promiseEta;
        prevCovered = covered;
        covered = 0;
        promiseEta = null;
    }

    /** Settles the category and promise date once the allocation is done. */
    void settle() {
        if (!holdsSupply()) {
            category = INACTIVE;
        } else if (covered >= quantity) {
            category = COVERED;
        } else {
            category = UNCOVERED;
            promiseEta = null;
        }
    }

    /** Keeps the current outcome as the previous one too: nothing about the pre-order changes in this call. */
    void keepPrev() {
        prevCategory = category;
        prevPromiseEta = promiseEta;
        prevCovered = covered;
    }

    /** Takes the outcome of the same pre-order from a previous state as the one before the call. */
    void capturePrevFrom(OrderEntry old) {
        prevCategory = old.category;
        prevPromiseEta = old.promiseEta;
        prevCovered = old.covered;
    }

    boolean outcomeChanged() {
        return prevCategory != category || prevCovered != covered
                || (prevPromiseEta == null ? promiseEta != null : !prevPromiseEta.equals(promiseEta));
    }

    String key() {
        return order.orderId() + "/" + order.lineId();
    }
}
