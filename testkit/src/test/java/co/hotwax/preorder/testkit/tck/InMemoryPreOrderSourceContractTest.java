package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.testkit.InMemoryPreOrderSource;

class InMemoryPreOrderSourceContractTest extends PreOrderSourceContract {
    private final InMemoryPreOrderSource source = new InMemoryPreOrderSource();

    @Override
    protected PreOrderSource feed() {
        return source;
    }

    @Override
    protected void put(PreOrder order) {
        source.put(order);
    }
}
