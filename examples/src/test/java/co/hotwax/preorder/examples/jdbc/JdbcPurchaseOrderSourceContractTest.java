package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import co.hotwax.preorder.testkit.tck.PurchaseOrderSourceContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The SPI contract for the JDBC source over H2. Line ids are {@code order_id/item_seq_id} in this schema, so the
 * generated lines are made in that shape; {@link #put} upserts header and line and bumps {@code change_seq}, as
 * the OMS writer must.
 */
class JdbcPurchaseOrderSourceContractTest extends PurchaseOrderSourceContract {
    private H2Database db;
    private JdbcPurchaseOrderSource source;

    @BeforeEach
    void setUp(TestInfo test) {
        db = new H2Database("tck-" + test.getTestMethod().orElseThrow().getName(), "");
        source = new JdbcPurchaseOrderSource(db.dataSource());
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    @Override
    protected PurchaseOrderSource feed() {
        return source;
    }

    @Override
    protected SupplyLine newItem(int n) {
        SupplyLine line = super.newItem(n);
        return new SupplyLine(line.poId() + "/" + n, line.poId(), line.sku(), line.facilityId(), line.ordered(),
                line.received(), line.cancelled(), line.eta(), line.status(), line.buffer());
    }

    @Override
    protected void put(SupplyLine line) {
        Timestamp now = Timestamp.from(Instant.parse("2026-11-26T09:00:00Z"));
        String itemSeqId = line.lineId().substring(line.poId().length() + 1);
        try {
            db.execute("MERGE INTO purchase_order (order_id, supplier, status, created_at) KEY (order_id)"
                    + " VALUES (?, 'TCK', 'ORDER_APPROVED', ?)", line.poId(), now);
            db.execute("MERGE INTO purchase_order_item (order_id, item_seq_id, product_sku, facility_id, quantity,"
                    + " received_quantity, cancel_quantity, estimated_delivery_date, status, order_buffer,"
                    + " last_updated_stamp, change_seq) KEY (order_id, item_seq_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NEXT VALUE FOR po_change_seq)",
                    line.poId(), itemSeqId, line.sku(), line.facilityId(), BigDecimal.valueOf(line.ordered()),
                    BigDecimal.valueOf(line.received()), BigDecimal.valueOf(line.cancelled()),
                    Date.valueOf(line.eta()), itemStatus(line.status()), BigDecimal.valueOf(line.buffer()), now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + line, e);
        }
    }

    private static String itemStatus(SupplyStatus status) {
        return switch (status) {
            case OPEN -> "ITEM_APPROVED";
            case CLOSED -> "ITEM_COMPLETED";
            case CANCELLED -> "ITEM_CANCELLED";
        };
    }
}
