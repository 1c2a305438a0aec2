package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.CheckpointExpiredException;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcPurchaseOrderSourceTest {
    private static final LocalDate JAN = LocalDate.of(2027, 1, 15);
    private static final LocalDate FEB = LocalDate.of(2027, 2, 20);

    private H2Database db;
    private OmsPurchaseOrderWriter oms;
    private JdbcPurchaseOrderSource source;

    @BeforeEach
    void setUp(TestInfo test) {
        db = new H2Database("jdbc-" + test.getTestMethod().orElseThrow().getName(), "oms_");
        oms = new OmsPurchaseOrderWriter(db.dataSource(), "oms_",
                Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC));
        source = new JdbcPurchaseOrderSource(db.dataSource(), "oms_");
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    @Test
    void snapshotMapsEveryLineAndEndsAtTheHighestChangeSeq() throws SQLException {
        assertThat(source.snapshot().items()).isEmpty();
        assertThat(source.snapshot().checkpoint()).isEqualTo(Checkpoint.of("0"));
        oms.createOrder("PO-1", "Acme", "ORDER_APPROVED");
        oms.addItem("PO-1", "00001", "RED-M", "WH-1", 40, JAN);
        oms.addItem("PO-1", "00002", "RED-L", "WH-1", BigDecimal.valueOf(25), null, FEB, "ITEM_CREATED");
        db.execute("UPDATE oms_purchase_order_item SET order_buffer = 2.000000, cancel_quantity = 5"
                + " WHERE item_seq_id = '00001'");

        FeedSnapshot<SupplyLine> snapshot = source.snapshot();

        assertThat(snapshot.items()).containsExactlyInAnyOrder(
                new SupplyLine("PO-1/00001", "PO-1", "RED-M", "WH-1", 40, 0, 5, JAN, SupplyStatus.OPEN, 2),
                SupplyLine.open("PO-1/00002", "PO-1", "RED-L", "WH-1", 25, FEB));
        assertThat(snapshot.checkpoint()).isEqualTo(Checkpoint.of("2"));
        assertThat(source.errors()).isEmpty();
        assertThat(source.spiVersion()).isEqualTo(SpiVersion.CURRENT);
    }

    @Test
    void changeFeedFollowsInsertsReceiptsAndCancellationsOfLinesAndHeaders() {
        oms.createOrder("PO-1", "Acme", "ORDER_APPROVED");
        oms.addItem("PO-1", "00001", "RED-M", "WH-1", 40, JAN);
        oms.addItem("PO-1", "00002", "RED-L", "WH-1", 25, JAN);
        Checkpoint start = source.snapshot().checkpoint();

        oms.createOrder("PO-2", "Acme", "ORDER_CREATED");
        oms.addItem("PO-2", "00001", "RED-M", "WH-1", 60, FEB);
        oms.receive("PO-1", "00001", 10);
        oms.setItemStatus("PO-1", "00002", "ITEM_CANCELLED");
        FeedPage<SupplyLine> page = source.changesSince(start, 100);

        SupplyLine po1Red = SupplyLine.open("PO-1/00001", "PO-1", "RED-M", "WH-1", 40, JAN);
        SupplyLine po2Red = SupplyLine.open("PO-2/00001", "PO-2", "RED-M", "WH-1", 60, FEB);
        assertThat(page.items()).containsExactly(
                po2Red,
                po1Red.withReceived(10),
                SupplyLine.open("PO-1/00002", "PO-1", "RED-L", "WH-1", 25, JAN).withStatus(SupplyStatus.CANCELLED));
        assertThat(page.hasMore()).isFalse();

        oms.setOrderStatus("PO-2", "ORDER_CANCELLED");
        oms.setOrderStatus("PO-1", "ORDER_COMPLETED");
        FeedPage<SupplyLine> headers = source.changesSince(page.next(), 100);

        assertThat(headers.items()).containsExactly(
                po2Red.withStatus(SupplyStatus.CANCELLED),
                po1Red.withReceived(10).withStatus(SupplyStatus.CLOSED),
                SupplyLine.open("PO-1/00002", "PO-1", "RED-L", "WH-1", 25, JAN).withStatus(SupplyStatus.CANCELLED));
        assertThat(source.changesSince(headers.next(), 100).items()).isEmpty();
        assertThat(source.changesSince(headers.next(), 100).next()).isEqualTo(headers.next());
    }

    @Test
    void pagesAreCutAtMaxItemsAndRepeatable() {
        oms.createOrder("PO-1", "Acme", "ORDER_APPROVED");
        Checkpoint start = source.snapshot().checkpoint();
        for (int i = 1; i <= 5; i++) {
            oms.addItem("PO-1", "0000" + i, "SKU-" + i, "WH-1", i, JAN);
        }

        FeedPage<SupplyLine> first = source.changesSince(start, 2);
        FeedPage<SupplyLine> again = source.changesSince(start, 2);
        FeedPage<SupplyLine> second = source.changesSince(first.next(), 2);
        FeedPage<SupplyLine> last = source.changesSince(second.next(), 2);

        assertThat(again).isEqualTo(first);
        assertThat(first.items()).extracting(SupplyLine::sku).containsExactly("SKU-1", "SKU-2");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(SupplyLine::sku).containsExactly("SKU-3", "SKU-4");
        assertThat(second.hasMore()).isTrue();
        assertThat(last.items()).extracting(SupplyLine::sku).containsExactly("SKU-5");
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void refusesCheckpointsItNeverIssued() {
        oms.createOrder("PO-1", "Acme", "ORDER_APPROVED");
        oms.addItem("PO-1", "00001", "RED-M", "WH-1", 40, JAN);

        assertThatThrownBy(() -> source.changesSince(Checkpoint.of("v3"), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a change_seq");
        assertThatThrownBy(() -> source.changesSince(Checkpoint.of("-1"), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a change_seq");
        assertThatThrownBy(() -> source.changesSince(Checkpoint.of("2"), 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is ahead of oms_purchase_order_item (latest change_seq 1)");
        assertThatThrownBy(() -> source.changesSince(null, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("changesSince on oms_purchase_order_item: checkpoint is missing");
        assertThatThrownBy(() -> source.changesSince(Checkpoint.of("0"), 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxItems must be at least 1");
    }

    @Test
    void reportsBadRowsWithTheirKeysAndGoesOnPastThem() throws SQLException {
        oms.createOrder("PO-1", "Acme", "ORDER_APPROVED");
        Checkpoint start = source.snapshot().checkpoint();
        oms.addItem("PO-1", "00001", "RED-M", "WH-1", BigDecimal.valueOf(10), BigDecimal.valueOf(12), JAN,
                "ITEM_APPROVED");
        oms.addItem("PO-1", "00002", "RED-M", "WH-1", new BigDecimal("2.5"), null, JAN, "ITEM_APPROVED");
        oms.addItem("PO-1", "00003", "RED-M", "WH-1", BigDecimal.TEN, null, JAN, "ITEM_ON_HOLD");
        oms.addItem("PO-1", "00004", "RED-M", null, BigDecimal.TEN, null, JAN, "ITEM_APPROVED");
        oms.addItem("PO-1", "00005", "RED-M", "WH-1", null, null, JAN, "ITEM_APPROVED");
        oms.addItem("PO-1", "00006", "RED-M", "WH-1", BigDecimal.valueOf(-3), null, JAN, "ITEM_APPROVED");
        oms.addItem("PO-1", "00007", "RED-M", "WH-1", 7, JAN);

        FeedPage<SupplyLine> page = source.changesSince(start, 100);

        assertThat(page.items()).extracting(SupplyLine::lineId).containsExactly("PO-1/00007");
        assertThat(page.next()).isEqualTo(Checkpoint.of("7"));
        assertThat(source.errors()).extracting(RowError::message).containsExactly(
                "oms_purchase_order_item PO-1/00001: received 12 + cancelled 0 exceeds ordered 10",
                "oms_purchase_order_item PO-1/00002: quantity 2.5 is not a whole number of units",
                "oms_purchase_order_item PO-1/00003: item status \"ITEM_ON_HOLD\" is not one of ITEM_APPROVED,"
                        + " ITEM_CANCELLED, ITEM_COMPLETED, ITEM_CREATED",
                "oms_purchase_order_item PO-1/00004: facilityId is missing",
                "oms_purchase_order_item PO-1/00005: quantity is missing",
                "oms_purchase_order_item PO-1/00006: quantity -3 must not be negative");
        assertThat(source.snapshot().items()).extracting(SupplyLine::lineId).containsExactly("PO-1/00007");
        assertThat(source.errors()).hasSize(6);

        db.execute("UPDATE oms_purchase_order_item SET received_quantity = 0,"
                + " change_seq = NEXT VALUE FOR oms_po_change_seq WHERE item_seq_id = '00001'");
        FeedPage<SupplyLine> fixed = source.changesSince(page.next(), 100);
        assertThat(fixed.items()).extracting(SupplyLine::lineId).containsExactly("PO-1/00001");
        assertThat(source.errors()).isEmpty();
    }

    @Test
    void aRowThatTurnsBadIsServedAsItsLastGoodStateInASnapshotNotDropped() throws SQLException {
        oms.createOrder("PO-1", "Acme", "ORDER_APPROVED");
        oms.addItem("PO-1", "00001", "RED-M", "WH-1", 10, JAN);
        oms.addItem("PO-1", "00002", "RED-M", "WH-1", 5, JAN);
        SupplyLine good = source.snapshot().items().get(0);

        db.execute("UPDATE oms_purchase_order_item SET received_quantity = 99,"
                + " change_seq = NEXT VALUE FOR oms_po_change_seq WHERE item_seq_id = '00001'");

        assertThat(source.snapshot().items()).extracting(SupplyLine::lineId)
                .containsExactlyInAnyOrder("PO-1/00001", "PO-1/00002");
        assertThat(source.snapshot().items()).contains(good);
        assertThat(source.errors()).extracting(RowError::message)
                .containsExactly("oms_purchase_order_item PO-1/00001: received 99 + cancelled 0 exceeds ordered 10");
        assertThatThrownBy(() -> source.changesSince(Checkpoint.of("999"), 10))
                .isInstanceOf(CheckpointExpiredException.class);
    }

    @Test
    void refusesAnUnsafeTablePrefixOrAMissingDataSource() {
        assertThatThrownBy(() -> new JdbcPurchaseOrderSource(db.dataSource(), "x; DROP TABLE y; --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table prefix");
        assertThatThrownBy(() -> new JdbcPurchaseOrderSource(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataSource");
    }
}
