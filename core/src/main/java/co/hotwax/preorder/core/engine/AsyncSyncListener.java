package co.hotwax.preorder.core.engine;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Delivers sync events (publications, retries, rejections, resync progress) to a listener that does I/O on its
 * own thread, so the engine's loop never waits for it beyond the {@link OverflowPolicy}. See {@link AsyncListener}.
 *
 * @since 0.1.0
 */
public final class AsyncSyncListener extends AsyncListener<SyncEvent> implements SyncListener {

    private AsyncSyncListener(SyncListener listener, int capacity, OverflowPolicy overflow, Executor executor) {
        super("async " + listener, Objects.requireNonNull(listener, "listener")::onEvent, capacity, overflow, executor);
    }

    /**
     * Wraps a listener, delivering on a task of the executor (one long-running task for the listener's life;
     * {@link AsyncListener#daemonThread()} starts a thread for it).
     *
     * @param listener the slow listener
     * @param capacity the most events waiting, at least 1
     * @param overflow what to do when the queue is full
     * @param executor runs the delivery task
     * @return the asynchronous listener, to add to the engine's builder
     * @throws IllegalArgumentException when the capacity is below 1
     */
    public static AsyncSyncListener of(SyncListener listener, int capacity, OverflowPolicy overflow, Executor executor) {
        return new AsyncSyncListener(listener, capacity, overflow, executor);
    }

    @Override
    public void onEvent(SyncEvent event) {
        offer(event);
    }
}
