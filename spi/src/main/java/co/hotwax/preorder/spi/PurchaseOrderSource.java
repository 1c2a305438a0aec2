package co.hotwax.preorder.spi;

/**
 * Supply: purchase-order lines, or any supply modelled as {@link SupplyLine}s (expected receipts from a
 * spreadsheet, production orders, inbound shipments, a manual cap with a date). A cancelled or closed line stays
 * in the feed with its new status until the SDK has seen it; removing it from the snapshot means the same.
 *
 * @since 0.1.0
 */
public interface PurchaseOrderSource extends ChangeFeed<SupplyLine> {
}
