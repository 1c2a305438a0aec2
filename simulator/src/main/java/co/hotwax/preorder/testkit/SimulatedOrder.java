package co.hotwax.preorder.testkit;

import java.time.Instant;
import java.util.Objects;

/**
 * A shopper order as the simulator recorded it.
 *
 * @param id         the order GID, e.g. {@code gid://shopify/Order/12}
 * @param variantId  the variant bought
 * @param sku        its SKU
 * @param quantity   units bought
 * @param locationId where the units are committed (changes on {@link SimulatedOrders#moveFulfilment})
 * @param placedAt   when it was placed (simulator clock)
 * @param status     open, cancelled or fulfilled
 * @since 0.1.0
 */
public record SimulatedOrder(String id, String variantId, String sku, int quantity, String locationId,
        Instant placedAt, OrderStatus status) {
    /**
     * Validates presence and a positive quantity.
     *
     * @param id the order GID, e.g. {@code gid://shopify/Order/12}
     * @param variantId the variant bought
     * @param sku its SKU
     * @param quantity units bought
     * @param locationId where the units are committed (changes on {@link SimulatedOrders#moveFulfilment})
     * @param placedAt when it was placed (simulator clock)
     * @param status open, cancelled or fulfilled
     */
    public SimulatedOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(status, "status");
        if (quantity <= 0) {
            throw new IllegalArgumentException("order " + id + ": quantity must be positive, got " + quantity);
        }
    }
}
