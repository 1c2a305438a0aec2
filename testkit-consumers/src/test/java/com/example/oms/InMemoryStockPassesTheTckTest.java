package com.example.oms;

import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;
import co.hotwax.preorder.testkit.InMemoryStockSource;
import co.hotwax.preorder.testkit.tck.StockSourceContract;

/**
 * A consumer runs the SPI contract tests on its own JUnit. The in-memory source stands in for the consumer's own
 * (a real one would wrap its database); the contract's assertions are JUnit's own, so no AssertJ is needed.
 */
class InMemoryStockPassesTheTckTest extends StockSourceContract {
    private final InMemoryStockSource stock = new InMemoryStockSource();

    @Override
    protected StockSource feed() {
        return stock;
    }

    @Override
    protected void put(StockLevel level) {
        stock.put(level);
    }
}
