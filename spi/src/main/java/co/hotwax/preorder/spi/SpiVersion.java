package co.hotwax.preorder.spi;

/**
 * The version handshake between the SDK and the components third parties write (after SLF4J's
 * {@code getRequestedApiVersion}).
 *
 * <p>An implementation returns {@link #CURRENT} from its {@code spiVersion()} method. Because {@code CURRENT} is a
 * compile-time constant, the value is copied into the implementation's own class file when it is compiled, so it
 * records the SPI version the implementation was built against, not the one present at run time.
 *
 * @since 0.1.0
 */
public final class SpiVersion {
    /**
     * The SPI version of this jar. Increased on every incompatible change of an SPI interface or value; an addition
     * that keeps every implementation built against this version compiling, linking and behaving as before (a
     * default method, a new factory, a record component whose earlier constructors are kept) leaves it as it is.
     */
    public static final int CURRENT = 1;

    private SpiVersion() {
    }

    /**
     * Checks that a component was built for this SPI version.
     *
     * @param component the implementation being wired, named in the error
     * @param declared the value its {@code spiVersion()} returned
     * @param <T> the component type
     * @return the component, for chaining in builders
     * @throws IncompatibleSpiException when {@code declared} is not {@link #CURRENT}
     */
    public static <T> T requireCompatible(T component, int declared) {
        if (component == null) {
            throw new IllegalArgumentException("component must not be null");
        }
        if (declared != CURRENT) {
            throw new IncompatibleSpiException(component.getClass().getName() + " was built for Preorder Sync SPI version "
                    + declared + " but this runtime provides SPI version " + CURRENT
                    + "; rebuild the component against preorder-sync-spi " + CURRENT + ".x");
        }
        return component;
    }
}
