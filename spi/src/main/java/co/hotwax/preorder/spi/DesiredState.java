package co.hotwax.preorder.spi;

import java.time.LocalDate;

/**
 * What one SKU should look like at one location of one sales channel. The engine computes it; a publisher makes
 * the channel match it.
 *
 * <p>{@code sellable} is what the channel may still sell <em>counting every order the OMS knows of</em>. Orders the
 * channel has taken that the OMS has not yet seen (in flight) are not in it: a publisher must never let them be
 * sold again. It has {@code openOrders}, the units of this channel's own orders the OMS knows to be still open at
 * this location, to tell those apart from the in-flight ones (for Shopify: {@code committed - openOrders} units are
 * in flight). See the README, "Why Shopify never sells a unit twice".
 *
 * @param sku the SKU
 * @param facilityId the facility in per-location mode (the publisher maps it to a location), or null for the
 *                   publisher's default pre-order location
 * @param sellable units the channel may still sell, {@code 0..}{@link Quantities#MAX}; for a SKU not listed for
 *                 pre-order this is 0 at a dedicated pre-order location, and the physical stock alone at a shared
 *                 location (an in-stock SKU is not a pre-order but is still for sale)
 * @param openOrders units of this channel's own orders at this location the OMS knows to be open
 * @param listed whether the SKU is offered for pre-order (marks present, policy deny)
 * @param promiseDate the date the next unit would ship, shown on the product page; null when unknown
 * @param flagged whether the listing needs attention (e.g. kept listed with a stale ETA)
 * @since 0.1.0
 */
public record DesiredState(String sku, String facilityId, long sellable, long openOrders, boolean listed,
                           LocalDate promiseDate, boolean flagged) {
    /**
     * Validates the state.
     *
     * @param sku the SKU
     * @param facilityId the facility in per-location mode (the publisher maps it to a location), or null for the
     *                   publisher's default pre-order location
     * @param sellable units the channel may still sell, {@code 0..}{@link Quantities#MAX}; for a SKU not listed for
     *                 pre-order this is 0 at a dedicated pre-order location, and the physical stock alone at a shared
     *                 location (an in-stock SKU is not a pre-order but is still for sale)
     * @param openOrders units of this channel's own orders at this location the OMS knows to be open
     * @param listed whether the SKU is offered for pre-order (marks present, policy deny)
     * @param promiseDate the date the next unit would ship, shown on the product page; null when unknown
     * @param flagged whether the listing needs attention (e.g. kept listed with a stale ETA)
     * @throws InvalidInputException naming the SKU when a field is missing or out of range
     */
    public DesiredState {
        String item = "desired state of sku " + sku + (facilityId == null ? "" : " at " + facilityId);
        Quantities.requireId(item, "sku", sku);
        Quantities.requireNonNegative(item, "sellable", sellable);
        Quantities.requireNonNegative(item, "openOrders", openOrders);
        if (facilityId != null && facilityId.isBlank()) {
            throw new InvalidInputException(item, "facilityId is blank; use null for the default location");
        }
    }

    /**
     * The key that identifies the SKU at its location, for maps and logs.
     *
     * @return {@code sku} or {@code sku@facilityId}
     */
    public String key() {
        return facilityId == null ? sku : sku + "@" + facilityId;
    }
}
