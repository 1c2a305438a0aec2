package co.hotwax.preorder.spi;

/**
 * A component was built against another version of this SPI than the one on the class path. Thrown when the
 * component is wired, never later, so a mismatched deployment fails at start-up.
 *
 * @since 0.1.0
 */
public class IncompatibleSpiException extends PreorderSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which component, which version it declares and which one is supported
     */
    public IncompatibleSpiException(String message) {
        super(message);
    }
}
