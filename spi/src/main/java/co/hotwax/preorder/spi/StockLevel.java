package co.hotwax.preorder.spi;

/**
 * Physical online ATP of a SKU as the OMS computes it (sellable stock on hand). A SKU with stock is not listed for
 * pre-order.
 *
 * @param sku the SKU
 * @param facilityId the facility in per-location mode, or null for the SKU's online total
 * @param onlineAtp sellable units; may be negative when the OMS has over-committed stock
 */
public record StockLevel(String sku, String facilityId, long onlineAtp) {
    /**
     * Validates the level.
     *
     * @throws InvalidInputException naming the SKU when a field is missing or out of range
     */
    public StockLevel {
        String item = "stock level of sku " + sku;
        Quantities.requireId(item, "sku", sku);
        if (facilityId != null && facilityId.isBlank()) {
            throw new InvalidInputException(item, "facilityId is blank; use null for the online total");
        }
        // Not Math.abs: it overflows for Long.MIN_VALUE, which would then pass.
        if (onlineAtp > Quantities.MAX || onlineAtp < -Quantities.MAX) {
            throw new InvalidInputException(item, "onlineAtp " + onlineAtp + " is beyond +/-" + Quantities.MAX);
        }
    }
}
