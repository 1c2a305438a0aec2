package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;
import co.hotwax.preorder.testkit.tck.StockSourceContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The SPI contract for {@link HotWaxStockSource} over one kind of database: each level is one inventory item in
 * facility {@code WH-1}. HotWax's online ATP is never below 0, so a change that the kit makes negative is made
 * positive here.
 */
abstract class HotWaxStockContract extends StockSourceContract {
    private final OmsDatabase database = database();
    private final OmsWriter writer = new OmsWriter(database.dataSource());
    private final HotWaxStockSource source = new HotWaxStockSource(database.dataSource(),
            HotWaxSettings.builder().skuMapping(SkuMapping.identification(OmsWriter.SKU_TYPE)).build());

    /** A new, empty database. */
    abstract OmsDatabase database();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Override
    protected StockSource feed() {
        return source;
    }

    @Override
    protected void put(StockLevel level) {
        writer.stock(level, "WH-1");
    }

    @Override
    protected StockLevel changed(StockLevel level, int n) {
        StockLevel changed = super.changed(level, n);
        return new StockLevel(changed.sku(), changed.facilityId(), Math.abs(changed.onlineAtp()));
    }
}
