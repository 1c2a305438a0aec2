package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookListener;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Delivers the book's domain events ({@code PromiseDateChanged}, {@code PreOrderUncovered}, ...) to a listener
 * that writes them to the OMS's database (or does other I/O) on its own thread, so the engine's loop never waits for
 * it beyond the {@link OverflowPolicy}. See {@link AsyncListener}.
 *
 * @since 0.1.0
 */
public final class AsyncBookListener extends AsyncListener<BookEvent> implements BookListener {

    private AsyncBookListener(BookListener listener, int capacity, OverflowPolicy overflow, Executor executor) {
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
    public static AsyncBookListener of(BookListener listener, int capacity, OverflowPolicy overflow, Executor executor) {
        return new AsyncBookListener(listener, capacity, overflow, executor);
    }

    @Override
    public void onEvent(BookEvent event) {
        offer(event);
    }
}
