package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.tck.PurchaseOrderSourceContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The SPI contract for {@link HotWaxPurchaseOrderSource} over one kind of database. Line ids are HotWax's
 * {@code orderId/orderItemSeqId}; the SKU is a {@code GoodIdentification} of type {@code SKU}.
 */
abstract class HotWaxPurchaseOrderContract extends PurchaseOrderSourceContract {
    private final OmsDatabase database = database();
    private final OmsWriter writer = new OmsWriter(database.dataSource());
    private final HotWaxPurchaseOrderSource source = new HotWaxPurchaseOrderSource(database.dataSource(),
            HotWaxSettings.builder().skuMapping(SkuMapping.identification(OmsWriter.SKU_TYPE)).build());

    /** A new, empty database. */
    abstract OmsDatabase database();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Override
    protected PurchaseOrderSource feed() {
        return source;
    }

    @Override
    protected void put(SupplyLine line) {
        writer.supplyLine(line);
    }

    @Override
    protected SupplyLine newItem(int n) {
        SupplyLine line = super.newItem(n);
        return new SupplyLine(line.poId() + "/" + String.format("%05d", n), line.poId(), line.sku(),
                line.facilityId(), line.ordered(), line.received(), line.cancelled(), line.eta(), line.status(),
                line.buffer());
    }
}
