package co.hotwax.preorder.core.internal;

/**
 * The identity of a pre-order line.
 *
 * @param orderId the sales order
 * @param lineId the line within it
 */
record OrderKey(String orderId, String lineId) {
    @Override
    public String toString() {
        return orderId + "/" + lineId;
    }
}
