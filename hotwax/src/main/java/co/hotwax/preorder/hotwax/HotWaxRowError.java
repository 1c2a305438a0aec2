package co.hotwax.preorder.hotwax;

/**
 * One OMS row a HotWax source refused, and why. The source skipped it and went on with the other rows; the item
 * keeps its last good state in the SDK until the row is fixed.
 *
 * @param table the entity the item is read from, e.g. {@code "OrderItem"}
 * @param key the row's keys, e.g. {@code "orderId=PO100 orderItemSeqId=00001"}
 * @param reason why it was refused, e.g. {@code "quantity -3 must not be negative"}
 * @since 0.1.0
 */
public record HotWaxRowError(String table, String key, String reason) {
    /**
     * Validates the error.
     *
     * @param table the entity the item is read from, e.g. {@code "OrderItem"}
     * @param key the row's keys, e.g. {@code "orderId=PO100 orderItemSeqId=00001"}
     * @param reason why it was refused, e.g. {@code "quantity -3 must not be negative"}
     * @throws IllegalArgumentException when a field is null
     */
    public HotWaxRowError {
        if (table == null || key == null || reason == null) {
            throw new IllegalArgumentException("table, key and reason are required");
        }
    }

    /**
     * The whole message, the way an OMS would log it.
     *
     * @return e.g. {@code OrderItem orderId=PO100 orderItemSeqId=00001: quantity -3 must not be negative}
     */
    public String message() {
        return table + " " + key + ": " + reason;
    }
}
