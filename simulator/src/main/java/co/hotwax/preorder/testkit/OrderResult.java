package co.hotwax.preorder.testkit;

import java.util.Optional;

/**
 * The answer to a shopper's checkout: accepted with an order id, or refused with a reason.
 *
 * @param accepted whether Shopify took the order
 * @param orderId  the order GID when accepted, else null
 * @param reason   why it was refused, else null
 * @since 0.1.0
 */
public record OrderResult(boolean accepted, String orderId, String reason) {
    /**
     * Checks that exactly one of order id and reason is set, matching {@code accepted}.
     *
     * @param accepted whether Shopify took the order
     * @param orderId the order GID when accepted, else null
     * @param reason why it was refused, else null
     */
    public OrderResult {
        if (accepted != (orderId != null) || accepted == (reason != null)) {
            throw new IllegalArgumentException("an accepted order has an id and no reason; a refused one the reverse");
        }
    }

    /**
     * An accepted order.
     *
     * @param orderId the order's GID
     * @return an accepted order
     */
    public static OrderResult accepted(String orderId) {
        return new OrderResult(true, orderId, null);
    }

    /**
     * A refused order.
     *
     * @param reason why it was refused
     * @return a refused order
     */
    public static OrderResult refused(String reason) {
        return new OrderResult(false, null, reason);
    }

    /**
     * The order id, present only when accepted.
     *
     * @return the order id, present only when accepted
     */
    public Optional<String> order() {
        return Optional.ofNullable(orderId);
    }
}
