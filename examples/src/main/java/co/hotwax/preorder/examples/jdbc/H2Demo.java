package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.SupplyLine;
import org.h2.jdbcx.JdbcDataSource;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Wiring your database, end to end on an in-memory H2: create the schema, let the "OMS" write purchase orders,
 * take a snapshot, then follow the change feed through a receipt, a cancelled line and a cancelled order.
 * Run by {@code H2DemoTest}, so this code cannot drift from the README.
 */
public final class H2Demo {
    private H2Demo() {
    }

    /**
     * Runs the demo on the console.
     *
     * @param args ignored
     * @throws SQLException when the embedded database fails
     */
    public static void main(String[] args) throws SQLException {
        run("preorder-demo", System.out);
    }

    /**
     * Runs the demo.
     *
     * @param databaseName the in-memory database's name; dropped at the end
     * @param out where to print what the source sees
     * @throws SQLException when the embedded database fails
     */
    public static void run(String databaseName, PrintStream out) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1");
        try {
            PurchaseOrderSchema.install(dataSource, "");
            OmsPurchaseOrderWriter oms = new OmsPurchaseOrderWriter(dataSource, "",
                    Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC));
            JdbcPurchaseOrderSource source = new JdbcPurchaseOrderSource(dataSource);

            oms.createOrder("PO-100", "Acme Apparel", "ORDER_APPROVED");
            oms.addItem("PO-100", "00001", "RED-M", "WH-EAST", 40, LocalDate.parse("2027-01-15"));
            oms.addItem("PO-100", "00002", "RED-L", "WH-EAST", 25, LocalDate.parse("2027-01-15"));
            oms.createOrder("PO-101", "Acme Apparel", "ORDER_CREATED");
            oms.addItem("PO-101", "00001", "RED-M", "WH-EAST", 60, LocalDate.parse("2027-02-20"));

            FeedSnapshot<SupplyLine> snapshot = source.snapshot();
            out.println("snapshot at " + snapshot.checkpoint().value());
            snapshot.items().forEach(line -> out.println("  " + describe(line)));

            oms.receive("PO-100", "00001", 10);
            oms.setItemStatus("PO-100", "00002", "ITEM_CANCELLED");
            oms.setOrderStatus("PO-101", "ORDER_CANCELLED");

            FeedPage<SupplyLine> page = source.changesSince(snapshot.checkpoint(), 100);
            out.println("changes up to " + page.next().value());
            page.items().forEach(line -> out.println("  " + describe(line)));
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private static String describe(SupplyLine line) {
        return line.lineId() + " " + line.sku() + " " + line.status() + " ordered " + line.ordered()
                + " received " + line.received() + " promisable " + line.promisable() + " eta " + line.eta();
    }
}
