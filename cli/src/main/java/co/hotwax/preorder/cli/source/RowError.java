package co.hotwax.preorder.cli.source;

/**
 * One input row a source refused, and why. The source skipped it and went on with the other rows.
 *
 * @param source where the row lives, e.g. {@code "receipts.csv"} or {@code "purchase_order_item"}
 * @param row which row, e.g. {@code "line 7"} or {@code "PO-7/00001"}
 * @param reason why it was refused, e.g. {@code quantity "-3" must not be negative}
 *
 * @since 0.1.0
 */
public record RowError(String source, String row, String reason) {
    /**
     * Validates the error.
     *
     * @param source where the row lives
     * @param row which row
     * @param reason why it was refused
     * @throws IllegalArgumentException when a field is null
     */
    public RowError {
        if (source == null || row == null || reason == null) {
            throw new IllegalArgumentException("source, row and reason are required");
        }
    }

    /**
     * The whole message, the way it is logged.
     *
     * @return e.g. {@code receipts.csv line 7: quantity "-3" must not be negative}
     */
    public String message() {
        return source + " " + row + ": " + reason;
    }
}
