package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;

/**
 * An in-memory {@link StockSource}: stock levels keyed by SKU and facility.
 *
 * @since 0.1.0
 */
public class InMemoryStockSource extends InMemoryFeed<StockLevel> implements StockSource {
    /** An empty source. */
    public InMemoryStockSource() {
        super("in-memory stock source", level -> level.facilityId() == null ? level.sku()
                : level.sku() + "@" + level.facilityId());
    }
}
