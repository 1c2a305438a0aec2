package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;

class InMemoryPurchaseOrderSourceContractTest extends PurchaseOrderSourceContract {
    private final InMemoryPurchaseOrderSource source = new InMemoryPurchaseOrderSource();

    @Override
    protected PurchaseOrderSource feed() {
        return source;
    }

    @Override
    protected void put(SupplyLine line) {
        source.put(line);
    }
}
