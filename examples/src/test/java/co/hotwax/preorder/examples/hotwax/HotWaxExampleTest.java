package co.hotwax.preorder.examples.hotwax;

import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.hotwax.HotWaxTables;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's HotWax embedding for real: a database seeded with HotWax's tables (a PO of 40 RED-M, a
 * pre-order of 5 taken in a retail store and queued in PRE_ORDER_PARKING), the engine's threads, the simulator as
 * the shop over HTTP. Then the OMS raises the PO to 50 in its tables and reports a pre-order taken at its POS, as
 * it would. (A seeded pre-order of the shop's own store would claim a Shopify sale the simulator never saw.)
 */
class HotWaxExampleTest {
    private static final String TOKEN = "shpat_hotwax-example";

    @Test
    void theOmsTablesDriveTheShopAndItsEventsAreApplied() throws Exception {
        JdbcDataSource oms = new JdbcDataSource();
        oms.setURL("jdbc:h2:mem:hotwax-example-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String eta = "TIMESTAMP '" + LocalDate.now().plusMonths(2) + " 00:00:00'";
        execute(oms, HotWaxTables.script(),
                "INSERT INTO ORDER_HEADER (ORDER_ID, ORDER_TYPE_ID, STATUS_ID, LAST_UPDATED_STAMP)"
                        + " VALUES ('PO-100', 'PURCHASE_ORDER', 'ORDER_APPROVED', CURRENT_TIMESTAMP)",
                "INSERT INTO ORDER_ITEM (ORDER_ID, ORDER_ITEM_SEQ_ID, PRODUCT_ID, QUANTITY, STATUS_ID,"
                        + " ESTIMATED_DELIVERY_DATE, IS_NEW_PRODUCT, LAST_UPDATED_STAMP)"
                        + " VALUES ('PO-100', '00001', '10017', 40, 'ITEM_APPROVED', " + eta + ", 'Y',"
                        + " CURRENT_TIMESTAMP)",
                "INSERT INTO ORDER_HEADER (ORDER_ID, ORDER_TYPE_ID, STATUS_ID, PRODUCT_STORE_ID, ORDER_DATE,"
                        + " LAST_UPDATED_STAMP) VALUES ('SO-1', 'SALES_ORDER', 'ORDER_APPROVED', 'RETAIL',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "INSERT INTO ORDER_ITEM (ORDER_ID, ORDER_ITEM_SEQ_ID, PRODUCT_ID, QUANTITY, STATUS_ID,"
                        + " LAST_UPDATED_STAMP) VALUES ('SO-1', '01', '10017', 5, 'ITEM_APPROVED', CURRENT_TIMESTAMP)",
                "INSERT INTO ORDER_ITEM_SHIP_GROUP (ORDER_ID, SHIP_GROUP_SEQ_ID, FACILITY_ID, LAST_UPDATED_STAMP)"
                        + " VALUES ('PO-100', '00001', 'WH-1', CURRENT_TIMESTAMP),"
                        + " ('SO-1', '00001', 'PRE_ORDER_PARKING', CURRENT_TIMESTAMP)",
                "INSERT INTO ORDER_ITEM_SHIP_GROUP_ASSOC (ORDER_ID, ORDER_ITEM_SEQ_ID, SHIP_GROUP_SEQ_ID,"
                        + " LAST_UPDATED_STAMP) VALUES ('PO-100', '00001', '00001', CURRENT_TIMESTAMP),"
                        + " ('SO-1', '01', '00001', CURRENT_TIMESTAMP)",
                "INSERT INTO GOOD_IDENTIFICATION (GOOD_IDENTIFICATION_TYPE_ID, PRODUCT_ID, ID_VALUE,"
                        + " LAST_UPDATED_STAMP) VALUES ('SKU', '10017', 'RED-M', CURRENT_TIMESTAMP)");

        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).start()) {
            Location location = shop.addLocation("Pre-orders");
            Variant variant = shop.addVariant(shop.addProduct("Red tee", List.of()).id(), "RED-M", false,
                    InventoryPolicy.CONTINUE);
            IntSupplier available = () -> available(shop, variant, location);
            try (PreorderSync sync = HotWaxExample.start(oms, "STORE", shop.shopDomain(),
                    shop.graphqlEndpoint("2026-04").resolve("/"), () -> TOKEN, location.id(),
                    Duration.ofMillis(200))) {
                // 40 on order - 5 queued in parking.
                assertThat(await(available, 35)).as("after start").isEqualTo(35);

                execute(oms, "UPDATE ORDER_ITEM SET QUANTITY = 50, LAST_UPDATED_STAMP = CURRENT_TIMESTAMP"
                        + " WHERE ORDER_ID = 'PO-100'");
                assertThat(await(available, 45)).as("the PO raised in the OMS tables").isEqualTo(45);

                sync.preOrderTaken(PreOrder.open("POS-9", "1", "RED-M", 3, Instant.now(), "pos"));
                assertThat(await(available, 42)).as("a pre-order reported by the OMS").isEqualTo(42);
                assertThat(sync.metrics().rejected()).isZero();
                assertThat(shop.policy(variant.id())).isEqualTo(InventoryPolicy.DENY);
            }
        }
    }

    private static int await(IntSupplier value, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && value.getAsInt() != expected) {
            Thread.sleep(50);
        }
        return value.getAsInt();
    }

    private static void execute(JdbcDataSource oms, String... statements) throws SQLException {
        try (Connection c = oms.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static int available(ShopifySimulator shop, Variant variant, Location location) {
        try {
            return shop.quantity(variant.inventoryItemId(), location.id(), "available");
        } catch (RuntimeException notStockedYet) {
            return -1;
        }
    }
}
