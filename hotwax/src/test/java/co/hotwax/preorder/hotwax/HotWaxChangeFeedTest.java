package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.SupplyLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed without a sequence column (issue item 2), on H2 and on the PostgreSQL server: commits in orders
 * that defeat a naive {@code lastUpdatedStamp > checkpoint}.
 */
class HotWaxChangeFeedTest {
    private static final LocalDate ETA = LocalDate.of(2027, 3, 1);

    private static OmsDatabase open(String kind) {
        return kind.equals("H2") ? OmsDatabase.h2() : OmsDatabase.postgres();
    }

    private static SupplyLine line(String po, int n) {
        return SupplyLine.open(po + "/0000" + n, po, "SKU-" + po + "-" + n, "WH-1", 10 + n, ETA);
    }

    private static HotWaxPurchaseOrderSource source(OmsDatabase db) {
        return new HotWaxPurchaseOrderSource(db.dataSource(),
                HotWaxSettings.builder().skuMapping(SkuMapping.internalName()).build());
    }

    /** A transaction that stamped its rows first but committed last is still delivered, once. */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aRowCommittedLateWithAnEarlierStampIsDelivered(String kind) throws Exception {
        try (OmsDatabase db = open(kind)) {
            OmsWriter writer = new OmsWriter(db.dataSource());
            HotWaxPurchaseOrderSource source = source(db);
            writer.supplyLine(line("PO-0", 1));
            Checkpoint start = source.snapshot().checkpoint();

            SupplyLine slow = line("PO-SLOW", 1);
            SupplyLine fast = line("PO-FAST", 1);
            FeedPage<SupplyLine> beforeSlowCommit;
            FeedPage<SupplyLine> afterSlowCommit;
            try (Connection slowTx = writer.begin()) {
                Instant early = writer.tick();
                writer.supplyLine(slowTx, slow, early);
                writer.supplyLine(fast);
                beforeSlowCommit = source.changesSince(start, 100);
                slowTx.commit();
                afterSlowCommit = source.changesSince(beforeSlowCommit.next(), 100);
            }

            assertThat(beforeSlowCommit.items()).as("%s: before the slow commit", kind).containsExactly(fast);
            assertThat(afterSlowCommit.items()).as("%s: the row stamped earlier, committed later", kind)
                    .containsExactly(slow);
            assertThat(source.changesSince(afterSlowCommit.next(), 100).items()).as("%s: nothing again", kind)
                    .isEmpty();
        }
    }

    /** Rows sharing one stamp, cut across pages, are each delivered exactly once. */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void rowsSharingOneStampAreEachDeliveredOnceAcrossPages(String kind) {
        try (OmsDatabase db = open(kind)) {
            OmsWriter writer = new OmsWriter(db.dataSource());
            HotWaxPurchaseOrderSource source = source(db);
            Checkpoint checkpoint = source.snapshot().checkpoint();
            List<SupplyLine> written = new ArrayList<>();
            Instant sameStamp = writer.tick();
            writer.inTransaction(c -> {
                for (int n = 1; n <= 5; n++) {
                    written.add(line("PO-SAME", n));
                    writer.supplyLine(c, written.get(n - 1), sameStamp);
                }
            });

            List<SupplyLine> read = new ArrayList<>();
            FeedPage<SupplyLine> page;
            int pages = 0;
            do {
                page = source.changesSince(checkpoint, 2);
                read.addAll(page.items());
                checkpoint = page.next();
            } while (page.hasMore() && ++pages < 20);

            assertThat(read).as("%s: five lines stamped alike, pages of two", kind)
                    .containsExactlyInAnyOrderElementsOf(written).doesNotHaveDuplicates();
        }
    }

    /** A write stamped within the window but not changing the line (a header touched) delivers nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aTouchWithoutChangeDeliversNothingAndAChangeAfterTheWindowIsSeen(String kind) {
        try (OmsDatabase db = open(kind)) {
            OmsWriter writer = new OmsWriter(db.dataSource());
            HotWaxPurchaseOrderSource source = source(db);
            SupplyLine line = line("PO-T", 1);
            writer.supplyLine(line);
            Checkpoint checkpoint = source.snapshot().checkpoint();
            writer.inTransaction(c -> writer.upsert(c, "ORDER_HEADER", OmsWriter.keys("ORDER_ID", "PO-T"),
                    OmsWriter.values("STATUS_ID", "ORDER_APPROVED"), writer.tick()));

            FeedPage<SupplyLine> touched = source.changesSince(checkpoint, 10);
            writer.advance(Duration.ofMinutes(30));
            writer.supplyLine(line.withReceived(4));
            FeedPage<SupplyLine> later = source.changesSince(touched.next(), 10);

            assertThat(touched.items()).as("%s: header stamped, nothing changed", kind).isEmpty();
            assertThat(later.items()).as("%s: a receipt half an hour later", kind)
                    .containsExactly(line.withReceived(4));
        }
    }
}
