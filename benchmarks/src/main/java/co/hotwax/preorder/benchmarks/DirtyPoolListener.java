package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookListener;
import co.hotwax.preorder.core.PoolKey;

/**
 * The book listener the benchmarks install, doing what the sync engine minimally does with book events: note the
 * pool of each {@link BookEvent.PoolChanged}. A real listener keeps the measurement honest: with the default no-op
 * listener the book skips deriving events, which the engine never does.
 */
final class DirtyPoolListener implements BookListener {
    private long poolChanges;
    private long events;
    private PoolKey lastDirty;

    /**
     * Counts the event and notes the pool of a PoolChanged.
     *
     * @param event the book's event
     */
    @Override
    public void onEvent(BookEvent event) {
        events++;
        if (event instanceof BookEvent.PoolChanged changed) {
            poolChanges++;
            lastDirty = changed.pool();
        }
    }

    /**
     * PoolChanged events seen.
     *
     * @return the count
     */
    long poolChanges() {
        return poolChanges;
    }

    /**
     * All events seen.
     *
     * @return the count
     */
    long events() {
        return events;
    }

    /**
     * The pool of the last PoolChanged, so the work of noting it cannot be optimised away.
     *
     * @return the key, or null
     */
    PoolKey lastDirty() {
        return lastDirty;
    }
}
