package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.testkit.tck.PreOrderSourceContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The SPI contract for {@link HotWaxPreOrderSource} over one kind of database. The channel is the product store.
 * A change cancels a queued pre-order (it stays in parking, so it has no facility) or releases it to facility
 * {@code TCK-FAC-<n>}: HotWax's tables cannot say "cancelled in a facility" without it having been released,
 * which is {@link PreOrderStatus#RETURNED}.
 */
abstract class HotWaxPreOrderContract extends PreOrderSourceContract {
    private final OmsDatabase database = database();
    private final OmsWriter writer = new OmsWriter(database.dataSource());
    private final HotWaxPreOrderSource source = new HotWaxPreOrderSource(database.dataSource(),
            HotWaxSettings.builder().skuMapping(SkuMapping.internalName()).build());

    /** A new, empty database. */
    abstract OmsDatabase database();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Override
    protected PreOrderSource feed() {
        return source;
    }

    @Override
    protected void put(PreOrder order) {
        writer.preOrder(order);
    }

    @Override
    protected PreOrder changed(PreOrder order, int n) {
        PreOrder changed = super.changed(order, n);
        return changed.status() == PreOrderStatus.CANCELLED ? changed.withFacility(null) : changed;
    }
}
