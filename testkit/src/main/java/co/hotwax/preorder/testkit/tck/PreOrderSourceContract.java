package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.spi.PreOrderStatus;

import java.time.Instant;

/**
 * The {@link ChangeFeedContract} for a {@link PreOrderSource}: implement {@link #feed()} and {@link #put}. Items
 * are open pre-order lines {@code TCK-SO-<n>/1} on five SKUs; a change alternates the status between released
 * and cancelled and moves the order to facility {@code TCK-FAC-<n>}.
 *
 * @since 0.1.0
 */
public abstract class PreOrderSourceContract extends ChangeFeedContract<PreOrder> {
    private static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");

    /** For subclasses. */
    protected PreOrderSourceContract() {
    }

    @Override
    protected abstract PreOrderSource feed();

    @Override
    protected PreOrder newItem(int n) {
        return PreOrder.open("TCK-SO-" + n, "1", "TCK-SKU-" + (n % 5), 1 + n % 4, BASE.plusSeconds(60L * n),
                "tck-shop");
    }

    @Override
    protected PreOrder changed(PreOrder order, int n) {
        PreOrderStatus status = n % 2 == 0 ? PreOrderStatus.CANCELLED : PreOrderStatus.RELEASED;
        return order.withStatus(status).withFacility("TCK-FAC-" + n);
    }

    @Override
    protected String keyOf(PreOrder order) {
        return order.key();
    }
}
