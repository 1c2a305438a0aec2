package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;

/**
 * An in-memory {@link PurchaseOrderSource}: supply lines keyed by {@link SupplyLine#lineId()}.
 *
 * @since 0.1.0
 */
public class InMemoryPurchaseOrderSource extends InMemoryFeed<SupplyLine> implements PurchaseOrderSource {
    /** An empty source. */
    public InMemoryPurchaseOrderSource() {
        super("in-memory purchase order source", SupplyLine::lineId);
    }
}
