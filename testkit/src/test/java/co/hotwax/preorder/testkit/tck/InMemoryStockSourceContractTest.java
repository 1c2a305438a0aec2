package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;
import co.hotwax.preorder.testkit.InMemoryStockSource;

class InMemoryStockSourceContractTest extends StockSourceContract {
    private final InMemoryStockSource source = new InMemoryStockSource();

    @Override
    protected StockSource feed() {
        return source;
    }

    @Override
    protected void put(StockLevel level) {
        source.put(level);
    }
}
