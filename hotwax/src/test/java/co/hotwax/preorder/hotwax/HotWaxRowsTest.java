package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static co.hotwax.preorder.hotwax.OmsWriter.keys;
import static co.hotwax.preorder.hotwax.OmsWriter.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How HotWax rows become SDK values, and how bad rows are reported (issue item 5), on H2 and on PostgreSQL.
 */
class HotWaxRowsTest {
    private static final LocalDate ETA = LocalDate.of(2027, 3, 1);
    private static final Instant PLACED = Instant.parse("2026-11-20T10:00:00Z");

    private static OmsDatabase open(String kind) {
        return kind.equals("H2") ? OmsDatabase.h2() : OmsDatabase.postgres();
    }

    private static HotWaxSettings.Builder settings() {
        return HotWaxSettings.builder().skuMapping(SkuMapping.internalName());
    }

    private static SupplyLine line(String po, int n) {
        return SupplyLine.open(po + "/0000" + n, po, "SKU-" + n, "WH-1", 10, ETA);
    }

    /** Null dates, negative and fractional quantities, unknown statuses and orphans: reported, the rest goes on. */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void badRowsAreReportedWithTheirKeysAndNeverStopTheFeed(String kind) {
        try (OmsDatabase db = open(kind)) {
            OmsWriter writer = new OmsWriter(db.dataSource());
            List<HotWaxRowError> heard = new ArrayList<>();
            HotWaxPurchaseOrderSource source = new HotWaxPurchaseOrderSource(db.dataSource(),
                    settings().errorListener(heard::add).build());
            SupplyLine good = line("PO-GOOD", 1);
            writer.supplyLine(good);
            for (int n = 1; n <= 4; n++) {
                writer.supplyLine(line("PO-BAD", n));
            }
            writer.supplyLine(line("PO-GHOST", 1));
            writer.inTransaction(c -> {
                corrupt(writer, c, "00001", "QUANTITY", new BigDecimal("-3"));
                corrupt(writer, c, "00002", "ESTIMATED_DELIVERY_DATE", null);
                corrupt(writer, c, "00003", "STATUS_ID", "ITEM_LOST_IN_SPACE");
                corrupt(writer, c, "00004", "QUANTITY", new BigDecimal("2.5"));
                c.createStatement().execute("DELETE FROM ORDER_HEADER WHERE ORDER_ID = 'PO-GHOST'");
            });

            FeedSnapshot<SupplyLine> snapshot = source.snapshot();

            assertThat(snapshot.items()).as("%s: the good line only", kind).containsExactly(good);
            assertThat(source.errors()).as("%s: each bad row with its keys", kind)
                    .extracting(HotWaxRowError::key, HotWaxRowError::reason)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("orderId=PO-BAD orderItemSeqId=00001",
                                    "quantity -3 must not be negative"),
                            org.assertj.core.groups.Tuple.tuple("orderId=PO-BAD orderItemSeqId=00002",
                                    "estimatedDeliveryDate is missing"),
                            org.assertj.core.groups.Tuple.tuple("orderId=PO-BAD orderItemSeqId=00003",
                                    "unknown OrderItem.statusId ITEM_LOST_IN_SPACE"),
                            org.assertj.core.groups.Tuple.tuple("orderId=PO-BAD orderItemSeqId=00004",
                                    "quantity 2.5 is not a whole number of units"),
                            org.assertj.core.groups.Tuple.tuple("orderId=PO-GHOST orderItemSeqId=00001",
                                    "orphan OrderItem: no OrderHeader PO-GHOST"));
            assertThat(heard).as("%s: the listener heard them", kind).hasSize(5);

            writer.inTransaction(c -> corrupt(writer, c, "00001", "QUANTITY", new BigDecimal("10")));
            SupplyLine next = line("PO-NEXT", 1);
            writer.supplyLine(next);
            FeedPage<SupplyLine> page = source.changesSince(snapshot.checkpoint(), 100);

            assertThat(page.items()).as("%s: the fixed row and a new one", kind)
                    .containsExactly(line("PO-BAD", 1), next);
            assertThat(source.errors()).as("%s: bad rows already reported are not repeated", kind).isEmpty();
        }
    }

    private static void corrupt(OmsWriter writer, java.sql.Connection c, String seq, String column, Object value)
            throws java.sql.SQLException {
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put(column, value);
        writer.upsert(c, "ORDER_ITEM", keys("ORDER_ID", "PO-BAD", "ORDER_ITEM_SEQ_ID", seq), change, writer.tick());
    }

    /** Header and item statuses, receipts summed, backorder lines left out when asked. */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void statusesReceiptsAndBackorderLines(String kind) {
        try (OmsDatabase db = open(kind)) {
            OmsWriter writer = new OmsWriter(db.dataSource());
            writer.supplyLine(line("PO-CANCEL", 1));
            writer.supplyLine(line("PO-DONE", 1).withStatus(SupplyStatus.CLOSED).withReceived(6));
            writer.supplyLine(line("PO-RECV", 1).withReceived(3));
            writer.supplyLine(line("PO-BACK", 1));
            writer.inTransaction(c -> {
                writer.upsert(c, "ORDER_HEADER", keys("ORDER_ID", "PO-CANCEL"),
                        values("STATUS_ID", "ORDER_CANCELLED"), null);
                writer.upsert(c, "SHIPMENT_RECEIPT", keys("RECEIPT_ID", "PO-RECV-2"),
                        values("PRODUCT_ID", "P-SKU-1", "ORDER_ID", "PO-RECV", "ORDER_ITEM_SEQ_ID", "00001",
                                "QUANTITY_ACCEPTED", new BigDecimal("4")), null);
                writer.upsert(c, "ORDER_ITEM", keys("ORDER_ID", "PO-BACK", "ORDER_ITEM_SEQ_ID", "00001"),
                        values("IS_NEW_PRODUCT", "N"), null);
            });

            List<SupplyLine> all = new HotWaxPurchaseOrderSource(db.dataSource(), settings().build())
                    .snapshot().items();
            List<SupplyLine> preOrderOnly = new HotWaxPurchaseOrderSource(db.dataSource(),
                    settings().includeBackorderLines(false).build()).snapshot().items();

            assertThat(all).as(kind).containsExactlyInAnyOrder(
                    line("PO-CANCEL", 1).withStatus(SupplyStatus.CANCELLED),
                    line("PO-DONE", 1).withStatus(SupplyStatus.CLOSED).withReceived(6),
                    line("PO-RECV", 1).withReceived(7),
                    line("PO-BACK", 1));
            assertThat(preOrderOnly).as("%s: without backorder lines", kind)
                    .contains(line("PO-BACK", 1).withStatus(SupplyStatus.CANCELLED));
        }
    }

    /** Parked, released with a PO pin, cancelled in parking, cancelled after release; the sales channel renamed. */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void preOrderStatusesPinsAndChannels(String kind) {
        try (OmsDatabase db = open(kind)) {
            OmsWriter writer = new OmsWriter(db.dataSource());
            writer.supplyLine(SupplyLine.open("PO-9/00002", "PO-9", "RED-M", "WH-1", 50, ETA));
            PreOrder open = PreOrder.open("SO-1", "01", "RED-M", 2, PLACED, "WEB_SALES_CHANNEL");
            PreOrder released = PreOrder.open("SO-2", "01", "RED-M", 1, PLACED, "WEB_SALES_CHANNEL")
                    .withStatus(PreOrderStatus.RELEASED).withPin("PO-9/00002").withFacility("STORE-7");
            PreOrder cancelled = open.withStatus(PreOrderStatus.CANCELLED);
            PreOrder returned = released.withStatus(PreOrderStatus.RETURNED);
            writer.preOrder(open);
            writer.preOrder(released);
            writer.preOrder(new PreOrder("SO-3", "01", "RED-M", 2, PLACED, "WEB_SALES_CHANNEL",
                    PreOrderStatus.CANCELLED, null, null));
            writer.preOrder(new PreOrder("SO-4", "01", "RED-M", 1, PLACED, "WEB_SALES_CHANNEL",
                    PreOrderStatus.RETURNED, "PO-9/00002", "STORE-7"));
            writer.inTransaction(c -> c.createStatement().execute(
                    "UPDATE ORDER_HEADER SET SALES_CHANNEL_ENUM_ID = PRODUCT_STORE_ID, PRODUCT_STORE_ID = NULL"));

            List<PreOrder> read = new HotWaxPreOrderSource(db.dataSource(), settings()
                    .channel(HotWaxSettings.Channel.SALES_CHANNEL)
                    .channelNames(Map.of("WEB_SALES_CHANNEL", "shop.myshopify.com")).build()).snapshot().items();

            String shop = "shop.myshopify.com";
            assertThat(read).as(kind).containsExactlyInAnyOrder(
                    rename(open, shop), rename(released, shop),
                    new PreOrder("SO-3", "01", "RED-M", 2, PLACED, shop, PreOrderStatus.CANCELLED, null, null),
                    new PreOrder("SO-4", "01", "RED-M", 1, PLACED, shop, PreOrderStatus.RETURNED, "PO-9/00002",
                            "STORE-7"));
            assertThat(cancelled.status()).isEqualTo(PreOrderStatus.CANCELLED);
            assertThat(returned.status()).isEqualTo(PreOrderStatus.RETURNED);
        }
    }

    private static PreOrder rename(PreOrder order, String channel) {
        return new PreOrder(order.orderId(), order.lineId(), order.sku(), order.quantity(), order.placedAt(),
                channel, order.status(), order.pinnedLineId(), order.facilityId());
    }

    /** Online ATP: the facility group's inventory less thresholds, and 0 while pre-orders are queued. */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void onlineAtpFollowsTheGroupTheThresholdAndTheHold(String kind) {
        try (OmsDatabase db = open(kind)) {
            OmsWriter writer = new OmsWriter(db.dataSource());
            writer.stock(new StockLevel("BLUE", null, 30), "WH-1");
            writer.stock(new StockLevel("BLUE", null, 12), "STORE-2");
            writer.stock(new StockLevel("BLUE", null, 500), "OUTLET");
            writer.stock(new StockLevel("GREEN", null, 8), "WH-1");
            writer.stock(new StockLevel("RED", null, 20), "WH-1");
            writer.preOrder(PreOrder.open("SO-1", "01", "RED", 1, PLACED, "shop"));
            Timestamp from = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
            writer.inTransaction(c -> {
                for (String facility : List.of("WH-1", "STORE-2")) {
                    writer.upsert(c, "FACILITY_GROUP_MEMBER", keys("FACILITY_ID", facility,
                            "FACILITY_GROUP_ID", "SHOPIFY_ONLINE", "FROM_DATE", from), values(), null);
                }
                writer.upsert(c, "PRODUCT_FACILITY", keys("PRODUCT_ID", "P-BLUE", "FACILITY_ID", "WH-1"),
                        values("MINIMUM_STOCK", new BigDecimal("5")), null);
                writer.upsert(c, "PRODUCT_FACILITY", keys("PRODUCT_ID", "P-GREEN", "FACILITY_ID", "WH-1"),
                        values("MINIMUM_STOCK", new BigDecimal("10")), null);
            });

            HotWaxSettings.Builder online = settings().onlineFacilityGroupId("SHOPIFY_ONLINE");
            List<StockLevel> held = new HotWaxStockSource(db.dataSource(), online.build()).snapshot().items();
            List<StockLevel> notHeld = new HotWaxStockSource(db.dataSource(),
                    online.holdPreOrderPhysicalInventory(false).build()).snapshot().items();

            assertThat(held).as("%s: 30 + 12 - 5; 8 - 10 floors at 0; RED held by its queued pre-order", kind)
                    .containsExactlyInAnyOrder(new StockLevel("BLUE", null, 37), new StockLevel("GREEN", null, 0),
                            new StockLevel("RED", null, 0));
            assertThat(notHeld).as("%s: without HOLD_PRORD_PHYCL_INV", kind)
                    .contains(new StockLevel("RED", null, 20));
        }
    }
}
