package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;

/** An in-memory {@link PurchaseOrderSource}: supply lines keyed by {@link SupplyLine#lineId()}. */
public class InMemoryPurchaseOrderSource extends InMemoryFeed<SupplyLine> implements PurchaseOrderSource {
    /** An empty source. */
    public InMemoryPurchaseOrderSource() {
        super("in-memory purchase order source", SupplyLine::lineId);
    }
}
