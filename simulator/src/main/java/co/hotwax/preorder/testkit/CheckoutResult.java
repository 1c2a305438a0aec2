package co.hotwax.preorder.testkit;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a cart checkout or a POS sale: accepted with one booked line per cart line (each carries the
 * location it was routed to), or refused with a reason and nothing booked.
 *
 * @param accepted whether Shopify took the order
 * @param reason   why it was refused, else null
 * @param lines    the booked lines, in cart order; empty when refused
 * @since 0.1.0
 */
public record CheckoutResult(boolean accepted, String reason, List<SimulatedOrder> lines) {
    /**
     * Checks that an accepted result has lines and no reason, a refused one the reverse.
     *
     * @param accepted whether Shopify took the order
     * @param reason why it was refused, else null
     * @param lines the booked lines, in cart order; empty when refused
     */
    public CheckoutResult {
        lines = List.copyOf(lines);
        if (accepted == (reason != null) || accepted == lines.isEmpty()) {
            throw new IllegalArgumentException("an accepted checkout has lines and no reason; a refused one the reverse");
        }
    }

    /**
     * An accepted checkout with its booked lines.
     *
     * @param lines the booked lines, in cart order
     * @return an accepted checkout with its booked lines
     */
    public static CheckoutResult accepted(List<SimulatedOrder> lines) {
        return new CheckoutResult(true, null, lines);
    }

    /**
     * A refused checkout.
     *
     * @param reason why it was refused
     * @return a refused checkout
     */
    public static CheckoutResult refused(String reason) {
        return new CheckoutResult(false, reason, List.of());
    }

    /**
     * The location each line was committed at, in cart order.
     *
     * @return the location each line was committed at, in cart order
     */
    public List<String> locations() {
        return lines.stream().map(SimulatedOrder::locationId).toList();
    }

    /**
     * The refusal reason, present only when refused.
     *
     * @return the refusal reason, present only when refused
     */
    public Optional<String> refusal() {
        return Optional.ofNullable(reason);
    }
}
