package co.hotwax.preorder.testkit;

/**
 * The life cycle of a simulated shopper order.
 *
 * @since 0.1.0
 */
public enum OrderStatus {
    /** Placed; its units are committed at its location. */
    OPEN,
    /** Cancelled (with or without restock). */
    CANCELLED,
    /** Shipped; its units left on_hand. */
    FULFILLED
}
