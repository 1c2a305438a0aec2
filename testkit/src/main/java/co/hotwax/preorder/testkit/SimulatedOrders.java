package co.hotwax.preorder.testkit;

import co.hotwax.preorder.testkit.internal.OrderBook;
import java.util.List;

/**
 * Shoppers buying from the simulated shop, as Shopify's checkout would treat them. Thread-safe: many shoppers may
 * place orders at once, interleaved with API writes; each order is atomic.
 */
public final class SimulatedOrders {
    private final OrderBook book;

    SimulatedOrders(OrderBook book) {
        this.book = book;
    }

    /**
     * Places an order. Refused when the item is tracked, the variant's policy is DENY and available is less than
     * {@code quantity} (or the tracked item is not stocked at the location); CONTINUE or untracked always accept.
     * Accepted: available -= quantity, committed += quantity at that location.
     *
     * @param variantIdOrSku a variant GID, or a SKU that names exactly one variant
     * @throws IllegalArgumentException for an unknown variant or location, or a non-positive quantity
     */
    public OrderResult placeOrder(String variantIdOrSku, int quantity, String locationId) {
        return book.place(variantIdOrSku, quantity, locationId);
    }

    /**
     * Cancels an open order. With {@code restock} its units go back to available; without they leave on_hand.
     *
     * @throws IllegalStateException when the order is not open
     */
    public void cancel(String orderId, boolean restock) {
        book.cancel(orderId, restock);
    }

    /** Fulfils an open order: committed and on_hand both drop by its quantity. */
    public void fulfil(String orderId) {
        book.fulfil(orderId);
    }

    /** Moves an open order's committed units to another location (whose available may go negative). */
    public void moveFulfilment(String orderId, String newLocationId) {
        book.moveFulfilment(orderId, newLocationId);
    }

    /** Every order placed so far, oldest first. */
    public List<SimulatedOrder> all() {
        return book.orders();
    }
}
