package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.PreorderSyncException;

/**
 * The OMS database could not be read (connection refused, a missing table, a failed query).
 *
 * @since 0.1.0
 */
public final class HotWaxSourceException extends PreorderSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read, naming the feed
     * @param cause the database's error
     */
    public HotWaxSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
