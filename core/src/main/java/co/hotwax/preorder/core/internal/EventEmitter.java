package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookListener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Turns the difference between a pool's outcome before and after a call into events, in the order documented on
 * {@link co.hotwax.preorder.core.PreorderBook}.
 */
final class EventEmitter {
    private final BookListener listener;
    private final int promiseBufferDays;

    EventEmitter(BookListener listener, int promiseBufferDays) {
        this.listener = listener;
        this.promiseBufferDays = promiseBufferDays;
    }

    /**
     * Emits the events of one pool.
     *
     * @param pool the pool, recomputed, its previous outcome captured
     * @param inputsChanged whether the call changed the pool's inputs (then PoolChanged fires regardless)
     * @return whether anything of the pool changed
     */
    boolean emit(Pool pool, boolean inputsChanged) {
        String sku = pool.key.sku();
        String facility = pool.key.facilityId();
        boolean changed = inputsChanged || pool.summaryChanged();
        if (pool.prevPreorderable() != pool.preorderable) {
            listener.onEvent(new BookEvent.PreorderableChanged(sku, facility, pool.prevPreorderable(),
                    pool.preorderable));
        }
        if (pool.prevListed() != pool.listed) {
            listener.onEvent(pool.listed
                    ? new BookEvent.Listed(sku, facility, pool.preorderable, promise(pool.nextEta), pool.etaStale)
                    : new BookEvent.Delisted(sku, facility, pool.delistReason));
        }
        if (!Objects.equals(pool.prevNextEta(), pool.nextEta)) {
            listener.onEvent(new BookEvent.NextPromiseDateChanged(sku, facility, promise(pool.prevNextEta()),
                    promise(pool.nextEta)));
        }
        ArrayList<OrderEntry> orders = pool.orders;
        for (int i = 0, n = orders.size(); i < n; i++) {
            OrderEntry o = orders.get(i);
            changed |= emitOrder(o, sku, facility);
        }
        if (changed) {
            listener.onEvent(new BookEvent.PoolChanged(sku, facility));
        }
        return changed;
    }

    private boolean emitOrder(OrderEntry o, String sku, String facility) {
        if (!o.outcomeChanged()) {
            return false;
        }
        byte now = o.category;
        byte before = o.prevCategory;
        String orderId = o.order.orderId();
        String lineId = o.order.lineId();
        if (now == OrderEntry.UNCOVERED && before != OrderEntry.UNCOVERED) {
            listener.onEvent(new BookEvent.PreOrderUncovered(orderId, lineId, sku, facility,
                    o.quantity - o.covered));
        } else if (now == OrderEntry.COVERED && before == OrderEntry.UNCOVERED) {
            listener.onEvent(new BookEvent.PreOrderCovered(orderId, lineId, sku, facility, promise(o.promiseEta)));
        } else if (now == OrderEntry.COVERED && before == OrderEntry.COVERED
                && !o.promiseEta.equals(o.prevPromiseEta)) {
            listener.onEvent(new BookEvent.PromiseDateChanged(orderId, lineId, sku, facility,
                    promise(o.prevPromiseEta), promise(o.promiseEta)));
        }
        return true;
    }

    /**
     * The promise date for an ETA.
     *
     * @param eta the ETA, or null
     * @return the ETA plus promise buffer days, or null
     */
    LocalDate promise(LocalDate eta) {
        return eta == null || promiseBufferDays == 0 ? eta : eta.plusDays(promiseBufferDays);
    }
}
