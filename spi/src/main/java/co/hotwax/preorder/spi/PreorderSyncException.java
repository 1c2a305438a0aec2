package co.hotwax.preorder.spi;

/**
 * The root of every exception Preorder Sync throws. Unchecked, so an embedding application decides where to
 * handle it; specific failures are subclasses that live next to the feature they belong to.
 *
 * @since 0.1.0
 */
public abstract class PreorderSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the item concerned; never a secret
     */
    protected PreorderSyncException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming the item concerned; never a secret
     * @param cause the underlying failure
     */
    protected PreorderSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
