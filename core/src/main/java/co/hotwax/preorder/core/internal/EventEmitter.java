package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookListener;

import java.time.LocalDate;

/**
 * Turns the difference between a pool's outcome before and after a call into events, in the order documented on
 * {@link co.hotwax.preorder.core.PreorderBook}.
 */
final class EventEmitter {
    private final BookListener listener;
    private final int promiseBufferDays;
    /** Nobody listens: deriving events would only make garbage. */
    private final boolean silent;

    EventEmitter(BookListener listener, int promiseBufferDays) {
        this.listener = listener;
        this.promiseBufferDays = promiseBufferDays;
        this.silent = listener == BookListener.NO_OP;
    }

    /**
     * Emits the events of one pool.
     *
     * @param pool the pool, recomputed, its previous outcome captured
     * @param inputsChanged whether the call changed the pool's inputs (then PoolChanged fires regardless)
     */
    void emit(Pool pool, boolean inputsChanged) {
        if (silent) {
            return;
        }
        String sku = pool.sku;
        String facility = pool.facilityId;
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
        if (pool.nextEtaChanged()) {
            listener.onEvent(new BookEvent.NextPromiseDateChanged(sku, facility, promise(pool.prevNextEta()),
                    promise(pool.nextEta)));
        }
        OrderRows orders = pool;
        for (int i = 0, n = orders.size(); i < n; i++) {
            changed |= emitOrder(orders, i, sku, facility);
        }
        if (changed) {
            listener.onEvent(new BookEvent.PoolChanged(pool.key));
        }
    }

    /** Emits the events of pre-order {@code i} of the pool; reads its entry only when its outcome changed. */
    private boolean emitOrder(OrderRows orders, int i, String sku, String facility) {
        if (!orders.outcomeChanged(i)) {
            return false;
        }
        byte now = orders.category(i);
        byte before = orders.previousCategory(i);
        if (now == OrderEntry.UNCOVERED && before != OrderEntry.UNCOVERED) {
            OrderEntry o = orders.entry(i);
            listener.onEvent(new BookEvent.PreOrderUncovered(o.orderId, o.lineId, sku, facility, orders.missing(i)));
        } else if (now == OrderEntry.COVERED && before == OrderEntry.UNCOVERED) {
            OrderEntry o = orders.entry(i);
            listener.onEvent(new BookEvent.PreOrderCovered(o.orderId, o.lineId, sku, facility,
                    promise(OrderEntry.date(orders.promiseDay(i)))));
        } else if (now == OrderEntry.COVERED && before == OrderEntry.COVERED
                && orders.promiseDay(i) != orders.previousPromiseDay(i)) {
            OrderEntry o = orders.entry(i);
            listener.onEvent(new BookEvent.PromiseDateChanged(o.orderId, o.lineId, sku, facility,
                    promise(OrderEntry.date(orders.previousPromiseDay(i))),
                    promise(OrderEntry.date(orders.promiseDay(i)))));
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
