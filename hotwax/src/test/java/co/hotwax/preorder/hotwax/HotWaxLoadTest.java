package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.SupplyLine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load harness behind BENCHMARKS.md "HotWax OMS sources": a snapshot of 100,000 PO lines (1,000 POs of 100
 * lines, stamped over the previous days), then 10,000 quantity updates committed within a few seconds and read
 * back through the change feed in pages of 1,000. It prints the figures; it asserts only what was read, never a
 * time. On the PostgreSQL server only (the real one; H2 is for the quick contract runs). Skipped unless
 * {@code -Dhotwax.load=true}, so the normal build stays quick.
 */
class HotWaxLoadTest {
    private static final int POS = 1_000;
    private static final int LINES_PER_PO = 100;
    private static final int UPDATES = 10_000;
    private static final int PAGE = 1_000;
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void snapshotOfOneHundredThousandLinesThenTenThousandUpdates() throws SQLException {
        Assumptions.assumeTrue(Boolean.getBoolean("hotwax.load"), "load harness: run with -Dhotwax.load=true");
        try (OmsDatabase db = OmsDatabase.postgres()) {
            long seed = Long.getLong("preorder.seed", 7L);
            load(db);
            HotWaxPurchaseOrderSource source = new HotWaxPurchaseOrderSource(db.dataSource(),
                    HotWaxSettings.builder().build());

            long t0 = System.nanoTime();
            FeedSnapshot<SupplyLine> snapshot = source.snapshot();
            long snapshotMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(snapshot.items()).hasSize(POS * LINES_PER_PO);

            Map<String, Long> updated = update(db, new SplittableRandom(seed));
            t0 = System.nanoTime();
            Map<String, SupplyLine> read = new HashMap<>();
            Checkpoint checkpoint = snapshot.checkpoint();
            int pages = 0;
            int delivered = 0;
            int largestCheckpoint = checkpoint.value().length();
            FeedPage<SupplyLine> page;
            do {
                page = source.changesSince(checkpoint, PAGE);
                page.items().forEach(line -> read.put(line.lineId(), line));
                delivered += page.items().size();
                checkpoint = page.next();
                largestCheckpoint = Math.max(largestCheckpoint, checkpoint.value().length());
                pages++;
            } while (page.hasMore() && pages < 1_000);
            long feedMs = (System.nanoTime() - t0) / 1_000_000;

            assertThat(read.keySet()).as("lines read back").isEqualTo(updated.keySet());
            assertThat(delivered).as("each update delivered once").isEqualTo(updated.size());
            read.forEach((id, line) -> assertThat(line.ordered()).as(id).isEqualTo(updated.get(id)));
            System.out.printf("HOTWAX-LOAD %s: snapshot of %,d lines in %,d ms (checkpoint %,d chars); "
                            + "%,d updated lines read in %,d pages of %,d in %,d ms (%,.0f lines/s, largest "
                            + "checkpoint %,d chars); seed %d%n",
                    db.kind(), snapshot.items().size(), snapshotMs, snapshot.checkpoint().value().length(),
                    read.size(), pages, PAGE, feedMs, read.size() * 1000.0 / Math.max(1, feedMs),
                    largestCheckpoint, seed);
        }
    }

    /** 1,000 POs of 100 lines, stamped one second apart ending a day ago, in batches. */
    private static void load(OmsDatabase db) throws SQLException {
        Instant stamp = NOW.minus(Duration.ofDays(1)).minusSeconds((long) POS * LINES_PER_PO);
        Timestamp eta = Timestamp.from(LocalDate.of(2027, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement header = c.prepareStatement("INSERT INTO ORDER_HEADER (ORDER_ID, ORDER_TYPE_ID,"
                    + " STATUS_ID, LAST_UPDATED_STAMP) VALUES (?, 'PURCHASE_ORDER', 'ORDER_APPROVED', ?)");
                 PreparedStatement group = c.prepareStatement("INSERT INTO ORDER_ITEM_SHIP_GROUP (ORDER_ID,"
                         + " SHIP_GROUP_SEQ_ID, FACILITY_ID, LAST_UPDATED_STAMP) VALUES (?, '00001', 'WH-1', ?)");
                 PreparedStatement item = c.prepareStatement("INSERT INTO ORDER_ITEM (ORDER_ID, ORDER_ITEM_SEQ_ID,"
                         + " PRODUCT_ID, QUANTITY, CANCEL_QUANTITY, STATUS_ID, ESTIMATED_DELIVERY_DATE,"
                         + " IS_NEW_PRODUCT, LAST_UPDATED_STAMP) VALUES (?, ?, ?, ?, 0, 'ITEM_APPROVED', ?, 'Y', ?)");
                 PreparedStatement assoc = c.prepareStatement("INSERT INTO ORDER_ITEM_SHIP_GROUP_ASSOC (ORDER_ID,"
                         + " ORDER_ITEM_SEQ_ID, SHIP_GROUP_SEQ_ID, QUANTITY, LAST_UPDATED_STAMP)"
                         + " VALUES (?, ?, '00001', ?, ?)")) {
                for (int po = 0; po < POS; po++) {
                    String orderId = "PO-" + po;
                    Timestamp at = Timestamp.from(stamp);
                    header.setString(1, orderId);
                    header.setTimestamp(2, at);
                    header.addBatch();
                    group.setString(1, orderId);
                    group.setTimestamp(2, at);
                    group.addBatch();
                    for (int n = 0; n < LINES_PER_PO; n++) {
                        stamp = stamp.plusSeconds(1);
                        String seq = String.format("%05d", n + 1);
                        BigDecimal quantity = BigDecimal.valueOf(10 + n);
                        item.setString(1, orderId);
                        item.setString(2, seq);
                        item.setString(3, "SKU-" + (po * LINES_PER_PO + n) % 10_000);
                        item.setBigDecimal(4, quantity);
                        item.setTimestamp(5, eta);
                        item.setTimestamp(6, Timestamp.from(stamp));
                        item.addBatch();
                        assoc.setString(1, orderId);
                        assoc.setString(2, seq);
                        assoc.setBigDecimal(3, quantity);
                        assoc.setTimestamp(4, Timestamp.from(stamp));
                        assoc.addBatch();
                    }
                    if (po % 50 == 49) {
                        header.executeBatch();
                        group.executeBatch();
                        item.executeBatch();
                        assoc.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    /** 10,000 updates of random lines' quantity (some lines twice), stamped 1 ms apart, in transactions of 500. */
    private static Map<String, Long> update(OmsDatabase db, SplittableRandom random) throws SQLException {
        Map<String, Long> latest = new HashMap<>();
        Instant stamp = NOW;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE ORDER_ITEM SET QUANTITY = ?, LAST_UPDATED_STAMP = ?"
                     + " WHERE ORDER_ID = ? AND ORDER_ITEM_SEQ_ID = ?")) {
            c.setAutoCommit(false);
            for (int u = 0; u < UPDATES; u++) {
                int po = random.nextInt(POS);
                int n = random.nextInt(LINES_PER_PO);
                long quantity = 200 + u;
                stamp = stamp.plusMillis(1);
                ps.setBigDecimal(1, BigDecimal.valueOf(quantity));
                ps.setTimestamp(2, Timestamp.from(stamp));
                ps.setString(3, "PO-" + po);
                ps.setString(4, String.format("%05d", n + 1));
                ps.addBatch();
                latest.put("PO-" + po + "/" + String.format("%05d", n + 1), quantity);
                if (u % 500 == 499) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        return latest;
    }
}
