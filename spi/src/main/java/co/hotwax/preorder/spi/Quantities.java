package co.hotwax.preorder.spi;

/**
 * Bounds shared by every quantity in the SPI. Shopify refuses absolute quantities above one billion, so nothing
 * larger can be published; refusing it at the boundary keeps every sum the SDK computes far from overflow.
 *
 * @since 0.1.0
 */
public final class Quantities {
    /** The largest quantity any single value may carry. */
    public static final long MAX = 1_000_000_000L;

    private Quantities() {
    }

    /**
     * Checks a quantity that may not be negative.
     *
     * @param item the item the quantity belongs to, named in the error
     * @param field the field name, named in the error
     * @param value the value to check
     * @return the value
     * @throws InvalidInputException when the value is negative or above {@link #MAX}
     */
    public static long requireNonNegative(String item, String field, long value) {
        if (value < 0) {
            throw new InvalidInputException(item, field + " must not be negative, was " + value);
        }
        if (value > MAX) {
            throw new InvalidInputException(item, field + " " + value + " exceeds the maximum of " + MAX);
        }
        return value;
    }

    /**
     * Checks an identifier.
     *
     * @param item the item the identifier belongs to, named in the error
     * @param field the field name, named in the error
     * @param value the value to check
     * @return the value
     * @throws InvalidInputException when the value is null or blank
     */
    public static String requireId(String item, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(item, field + " is missing");
        }
        return value;
    }
}
