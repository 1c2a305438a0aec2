package co.hotwax.preorder.spi;

/**
 * The state of a supply line.
 *
 * @since 0.1.0
 */
public enum SupplyStatus {
    /** Created or approved: the units not yet received or cancelled are on order. */
    OPEN,
    /** Closed, possibly short: only the units already received exist; nothing more is on order. */
    CLOSED,
    /** Cancelled: nothing more is on order; units already received still exist. */
    CANCELLED
}
