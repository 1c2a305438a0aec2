package co.hotwax.preorder.cli.source;

import co.hotwax.preorder.spi.PreorderSyncException;

/**
 * The source could not be read at all (a missing file, a database error). Unlike a bad row, nothing was read;
 * the caller retries later with the same checkpoint.
 *
 * @since 0.1.0
 */
public class SourceUnavailableException extends PreorderSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which source failed and how; never a secret such as a JDBC password
     * @param cause the underlying failure
     */
    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
