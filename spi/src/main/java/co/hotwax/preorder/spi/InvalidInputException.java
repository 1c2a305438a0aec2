package co.hotwax.preorder.spi;

/**
 * An input value (a supply line, a pre-order, a stock level, an event) is malformed or contradicts the known state.
 * The message names the item and the reason, e.g. {@code supply line PO-7/1 (sku RED-M): received 12 + cancelled 3
 * exceeds ordered 10}.
 *
 * @since 0.1.0
 */
public class InvalidInputException extends PreorderSyncException {
    private static final long serialVersionUID = 1L;

    /** The refused item, as {@link #item()} returns it. */
    private final String item;
    /** Why it was refused, as {@link #reason()} returns it. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param item a human-readable identification of the offending item, e.g. {@code "pre-order SO-1/2"}
     * @param reason why it was refused
     */
    public InvalidInputException(String item, String reason) {
        super(item + ": " + reason);
        this.item = item;
        this.reason = reason;
    }

    /**
     * The item that was refused.
     *
     * @return e.g. {@code "supply line PO-7/1"}
     */
    public String item() {
        return item;
    }

    /**
     * Why the item was refused.
     *
     * @return the reason, without the item
     */
    public String reason() {
        return reason;
    }
}
