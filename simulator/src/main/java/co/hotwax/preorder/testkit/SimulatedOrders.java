package co.hotwax.preorder.testkit;

import co.hotwax.preorder.testkit.internal.OrderBook;
import java.util.List;

/**
 * Shoppers buying from the simulated shop, as Shopify's checkout would treat them. Thread-safe: many shoppers may
 * place orders at once, interleaved with API writes; each order is atomic.
 *
 * @since 0.1.0
 */
public final class SimulatedOrders {
    private final OrderBook book;

    SimulatedOrders(OrderBook book) {
        this.book = book;
    }

    /**
     * An online checkout, as Shopify's storefront would book it. A tracked DENY variant sells only while the summed
     * available of the active locations that fulfil online orders covers the cart's quantity of it (the whole cart
     * is refused otherwise). The cart is then routed by the fulfilment priority list
     * ({@link ShopifySimulator#routingPriority}): the first location that has every line in stock takes it all;
     * otherwise each line goes to the first location that has it in stock, or, when none has, to the first where
     * it is stocked (so a DENY line covered only by the sum, or a CONTINUE line, can push that location's available
     * below 0). Units are committed at the routed location; a line bought with an {@code ON_FULFILLMENT} selling
     * plan takes nothing until fulfilment. Each cart line is booked as its own {@link SimulatedOrder}.
     * Sources: help.shopify.com/en/manual/locations/setting-up-your-locations,
     * help.shopify.com/en/manual/fulfillment/setup/order-routing.
     *
     * @param cart the cart
     * @return an online checkout, as Shopify's storefront would book it
     * @throws IllegalArgumentException for an unknown variant or an empty cart
     */
    public CheckoutResult checkout(List<CartLine> cart) {
        return book.checkout(List.copyOf(cart));
    }

    /**
     * A one-line online checkout; see {@link #checkout(List)}.
     *
     * @param variantIdOrSku a variant GID, or a SKU that names exactly one variant
     * @param quantity units, positive
     * @return a one-line online checkout
     */
    public CheckoutResult checkout(String variantIdOrSku, int quantity) {
        return book.checkout(List.of(CartLine.of(variantIdOrSku, quantity)));
    }

    /**
     * A Shopify POS sale at a location ("Shopify POS orders use available inventory from the location where the
     * sale is made", help.shopify.com/en/manual/locations/setting-up-your-locations). DENY is checked against that
     * location's available; the goods leave with the buyer, so each line is fulfilled at once (available and
     * on_hand drop).
     *
     * @param locationId the location's GID
     * @param cart the cart
     * @return the booked lines, or the refusal and its reason
     * @throws IllegalArgumentException for an unknown variant or location, or an empty cart
     */
    public CheckoutResult posSale(String locationId, List<CartLine> cart) {
        return book.posSale(locationId, List.copyOf(cart));
    }

    /**
     * Places an order assigned to a location the caller picks (a merchant-assigned order). Refused when the item is tracked, the variant's policy is DENY and available is less than
     * {@code quantity} (or the tracked item is not stocked at the location); CONTINUE or untracked always accept.
     * Accepted: available -= quantity, committed += quantity at that location.
     *
     * @param variantIdOrSku a variant GID, or a SKU that names exactly one variant
     * @param quantity units, positive
     * @param locationId the location's GID
     * @return the accepted order, or the refusal and its reason
     * @throws IllegalArgumentException for an unknown variant or location, or a non-positive quantity
     */
    public OrderResult placeOrder(String variantIdOrSku, int quantity, String locationId) {
        return book.place(variantIdOrSku, quantity, locationId);
    }

    /**
     * Cancels an open order. With {@code restock} its units go back to available; without they leave on_hand.
     *
     * @param orderId the order's GID
     * @param restock whether the units go back to available
     * @throws IllegalStateException when the order is not open
     */
    public void cancel(String orderId, boolean restock) {
        book.cancel(orderId, restock);
    }

    /**
     * Fulfils an open order: committed and on_hand both drop by its quantity.
     *
     * @param orderId the order's GID
     */
    public void fulfil(String orderId) {
        book.fulfil(orderId);
    }

    /**
     * Moves an open order's committed units to another location (whose available may go negative).
     *
     * @param orderId the order's GID
     * @param newLocationId the new location id
     */
    public void moveFulfilment(String orderId, String newLocationId) {
        book.moveFulfilment(orderId, newLocationId);
    }

    /**
     * Every order placed so far, oldest first.
     *
     * @return every order placed so far, oldest first
     */
    public List<SimulatedOrder> all() {
        return book.orders();
    }
}
