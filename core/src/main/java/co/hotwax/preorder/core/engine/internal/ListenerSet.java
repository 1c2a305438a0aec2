package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BookListener;
import co.hotwax.preorder.core.engine.SyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Hands each event to several listeners in the order they were added. One listener's exception is logged and the
 * others still get the event.
 */
public final class ListenerSet {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerSet.class);

    private ListenerSet() {
    }

    /**
     * One sync listener for many.
     *
     * @param listeners the listeners, in delivery order; copied
     * @return a listener calling each of them
     */
    public static SyncListener sync(List<SyncListener> listeners) {
        List<SyncListener> all = List.copyOf(listeners);
        return event -> deliver(all, event, SyncListener::onEvent);
    }

    /**
     * One book listener for many.
     *
     * @param listeners the listeners, in delivery order; copied
     * @return a listener calling each of them
     */
    public static BookListener book(List<BookListener> listeners) {
        List<BookListener> all = List.copyOf(listeners);
        return event -> deliver(all, event, BookListener::onEvent);
    }

    private static <L, E> void deliver(List<L> listeners, E event, Delivery<L, E> delivery) {
        for (L listener : listeners) {
            try {
                delivery.deliver(listener, event);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} failed on {}; the other listeners still get it", listener, event, e);
            }
        }
    }

    /** Calls one listener with one event. */
    @FunctionalInterface
    private interface Delivery<L, E> {
        void deliver(L listener, E event);
    }
}
