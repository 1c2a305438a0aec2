package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;

/**
 * An in-memory {@link PreOrderSource}: pre-orders keyed by {@link PreOrder#key()} (order and line).
 *
 * @since 0.1.0
 */
public class InMemoryPreOrderSource extends InMemoryFeed<PreOrder> implements PreOrderSource {
    /** An empty source. */
    public InMemoryPreOrderSource() {
        super("in-memory pre-order source", PreOrder::key);
    }
}
