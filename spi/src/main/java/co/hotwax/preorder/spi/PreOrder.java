package co.hotwax.preorder.spi;

import java.time.Instant;

/**
 * One sales-order line taken as a pre-order, from any channel.
 *
 * @param orderId the sales order
 * @param lineId the line within the order; {@code (orderId, lineId)} is unique
 * @param sku the product variant's SKU
 * @param quantity units ordered, {@code 1..}{@link Quantities#MAX}
 * @param placedAt when the order was placed; earlier orders are served first
 * @param channel where it was taken: a Shopify store's domain, or any other channel name
 * @param status open, released, cancelled or returned
 * @param pinnedLineId a supply line a merchant pinned this pre-order to, or null
 * @param facilityId the facility the order is routed to in per-location mode, or null
 * @since 0.1.0
 */
public record PreOrder(String orderId, String lineId, String sku, long quantity, Instant placedAt, String channel,
                       PreOrderStatus status, String pinnedLineId, String facilityId) {

    /**
     * Validates the pre-order.
     *
     * @param orderId the sales order
     * @param lineId the line within the order; {@code (orderId, lineId)} is unique
     * @param sku the product variant's SKU
     * @param quantity units ordered, {@code 1..}{@link Quantities#MAX}
     * @param placedAt when the order was placed; earlier orders are served first
     * @param channel where it was taken: a Shopify store's domain, or any other channel name
     * @param status open, released, cancelled or returned
     * @param pinnedLineId a supply line a merchant pinned this pre-order to, or null
     * @param facilityId the facility the order is routed to in per-location mode, or null
     * @throws InvalidInputException naming the pre-order and the reason when any field is missing or out of range
     */
    public PreOrder {
        String item = "pre-order " + orderId + "/" + lineId + (sku == null ? "" : " (sku " + sku + ")");
        Quantities.requireId(item, "orderId", orderId);
        Quantities.requireId(item, "lineId", lineId);
        Quantities.requireId(item, "sku", sku);
        Quantities.requireId(item, "channel", channel);
        Quantities.requireNonNegative(item, "quantity", quantity);
        if (quantity == 0) {
            throw new InvalidInputException(item, "quantity must be at least 1");
        }
        if (placedAt == null) {
            throw new InvalidInputException(item, "placedAt is missing");
        }
        if (status == null) {
            throw new InvalidInputException(item, "status is missing");
        }
        if (pinnedLineId != null && pinnedLineId.isBlank()) {
            throw new InvalidInputException(item, "pinnedLineId is blank; use null for no pin");
        }
        if (facilityId != null && facilityId.isBlank()) {
            throw new InvalidInputException(item, "facilityId is blank; use null for none");
        }
    }

    /**
     * Creates an open, unpinned pre-order with no facility.
     *
     * @param orderId the sales order
     * @param lineId the line within the order
     * @param sku the SKU
     * @param quantity units ordered
     * @param placedAt when it was placed
     * @param channel where it was taken
     * @return the pre-order
     */
    public static PreOrder open(String orderId, String lineId, String sku, long quantity, Instant placedAt,
                                String channel) {
        return new PreOrder(orderId, lineId, sku, quantity, placedAt, channel, PreOrderStatus.OPEN, null, null);
    }

    /**
     * The unique key of this pre-order line.
     *
     * @return {@code orderId + "/" + lineId}
     */
    public String key() {
        return orderId + "/" + lineId;
    }

    /**
     * A copy in another state.
     *
     * @param newStatus the new status
     * @return the copy
     */
    public PreOrder withStatus(PreOrderStatus newStatus) {
        return new PreOrder(orderId, lineId, sku, quantity, placedAt, channel, newStatus, pinnedLineId, facilityId);
    }

    /**
     * A copy pinned to a supply line, or unpinned.
     *
     * @param supplyLineId the line to pin to, or null to unpin
     * @return the copy
     */
    public PreOrder withPin(String supplyLineId) {
        return new PreOrder(orderId, lineId, sku, quantity, placedAt, channel, status, supplyLineId, facilityId);
    }

    /**
     * A copy routed to a facility.
     *
     * @param newFacilityId the facility, or null
     * @return the copy
     */
    public PreOrder withFacility(String newFacilityId) {
        return new PreOrder(orderId, lineId, sku, quantity, placedAt, channel, status, pinnedLineId, newFacilityId);
    }
}
