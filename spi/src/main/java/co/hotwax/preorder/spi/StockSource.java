package co.hotwax.preorder.spi;

/**
 * Physical online ATP per SKU (and facility in per-location mode), as the OMS already computes it. A SKU absent
 * from the feed has no physical stock.
 *
 * @since 0.1.0
 */
public interface StockSource extends ChangeFeed<StockLevel> {
}
