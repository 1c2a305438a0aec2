package co.hotwax.preorder.core;

/**
 * Receives every change of outcome of a {@link PreorderBook}. Called synchronously on the thread that called the
 * mutating method, after the book's state is updated; it must not call back into the book.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BookListener {
    /** A listener that ignores every event. */
    BookListener NO_OP = event -> { };

    /**
     * Called once per event, in the order documented on {@link PreorderBook}.
     *
     * @param event what changed
     */
    void onEvent(BookEvent event);
}
