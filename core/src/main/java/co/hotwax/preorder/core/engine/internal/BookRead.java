package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BookView;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A read of the book queued by another thread for the loop thread, and the future it completes.
 *
 * @param <T> what the read returns
 */
public final class BookRead<T> {
    private final Function<BookView, T> read;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    /**
     * Wraps a read.
     *
     * @param read what to read
     */
    public BookRead(Function<BookView, T> read) {
        this.read = read;
    }

    /**
     * The read's result, completed by {@link #run} or {@link #abandon}.
     *
     * @return the future
     */
    public CompletableFuture<T> result() {
        return result;
    }

    /**
     * Runs the read and completes the future with its result or exception. Loop thread.
     *
     * @param view the book
     */
    void run(BookView view) {
        try {
            result.complete(read.apply(view));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** The engine stopped or failed before running the read. */
    public void abandon() {
        result.completeExceptionally(
                new IllegalStateException("the preorder sync stopped or failed before this read ran"));
    }
}
