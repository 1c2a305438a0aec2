package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static co.hotwax.preorder.core.Fixtures.AUG_15;
import static co.hotwax.preorder.core.Fixtures.JUL_01;
import static co.hotwax.preorder.core.Fixtures.JUL_15;
import static co.hotwax.preorder.core.Fixtures.JUN_01;
import static co.hotwax.preorder.core.Fixtures.NOW;
import static co.hotwax.preorder.core.Fixtures.order;
import static co.hotwax.preorder.core.Fixtures.orders;
import static co.hotwax.preorder.core.Fixtures.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain part of scenarios P1-P13 (preorder-domain.md section (e)): P, allocations and promise dates after
 * every step.
 */
class ScenarioTest {
    private static final String SKU = "RED-M";

    private final VirtualClock clock = new VirtualClock(NOW);
    private final Fixtures.EventLog log = new Fixtures.EventLog();

    private PreorderBook book(BookPolicy policy) {
        return PreorderBook.builder().policy(policy).clock(clock).listener(log).build();
    }

    private PreorderBook book() {
        return book(BookPolicy.defaults());
    }

    private static PoolState pool(PreorderBook book) {
        return book.pool(SKU, null).orElseThrow();
    }

    private static PreOrderState state(PreorderBook book, String orderId) {
        return book.preOrder(orderId, "1").orElseThrow();
    }

    private static void upsertAll(PreorderBook book, List<PreOrder> orders) {
        orders.forEach(book::upsertPreOrder);
    }

    private static void assertCoveredBy(PreorderBook book, String orderId, String lineId, LocalDate promise) {
        PreOrderState s = state(book, orderId);
        assertThat(s.covered()).as("covered of %s", orderId).isEqualTo(s.quantity());
        assertThat(s.promiseDate()).as("promise date of %s", orderId).isEqualTo(promise);
        assertThat(s.allocations()).as("allocations of %s", orderId)
                .extracting(Allocation::supplyLineId).containsExactly(lineId);
    }

    private static void assertUncovered(PreorderBook book, String orderId) {
        PreOrderState s = state(book, orderId);
        assertThat(s.uncovered()).as("%s uncovered", orderId).isTrue();
        assertThat(s.promiseDate()).as("promise date of %s", orderId).isNull();
    }

    @Test
    void p1BasicExhaustion() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L1", SKU, 100, JUN_01));
        assertThat(pool(book).preorderable()).isEqualTo(100);
        assertThat(pool(book).listed()).isTrue();
        assertThat(pool(book).nextPromiseDate()).isEqualTo(JUN_01);

        upsertAll(book, orders("A", SKU, 60, 0));
        assertThat(pool(book).preorderable()).isEqualTo(40);
        assertCoveredBy(book, "A60", "L1", JUN_01);

        upsertAll(book, orders("B", SKU, 40, 100));
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).listed()).isFalse();
        assertThat(pool(book).delistReason()).isEqualTo(PoolState.REASON_NO_UNITS);
        assertThat(pool(book).nextPromiseDate()).isNull();
        assertCoveredBy(book, "B40", "L1", JUN_01);

        // The 101st unit (if one got through) is a deficit, reported and kept, never dropped; P stays 0.
        book.upsertPreOrder(order("C1", SKU, 1, 200));
        assertThat(pool(book).preorderable()).isZero();
        assertUncovered(book, "C1");
        assertThat(pool(book).uncoveredPreOrders()).containsExactly("C1/1");
    }

    @Test
    void p2ImportedOrdersLowerPOnceAndDuplicatesChangeNothing() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L1", SKU, 10, JUN_01));
        assertThat(pool(book).preorderable()).isEqualTo(10);
        List<PreOrder> sold = orders("S", SKU, 3, 0);
        upsertAll(book, sold);
        assertThat(pool(book).preorderable()).isEqualTo(7);
        log.drain();
        upsertAll(book, sold); // the same 3 imported again
        assertThat(pool(book).preorderable()).isEqualTo(7);
        assertThat(log.events).isEmpty();
    }

    @Test
    void p3PoCancelledOrdersBecomeUncovered() {
        PreorderBook book = book();
        SupplyLine po1 = po("L1", SKU, 100, JUN_01);
        book.upsertSupplyLine(po1);
        upsertAll(book, orders("A", SKU, 30, 0));
        assertThat(pool(book).preorderable()).isEqualTo(70);

        log.drain();
        book.upsertSupplyLine(po1.withStatus(SupplyStatus.CANCELLED));
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).uncoveredPreOrders()).hasSize(30).first().isEqualTo("A30/1");
        assertUncovered(book, "A1");
        assertThat(log.ofType(BookEvent.PreOrderUncovered.class)).hasSize(30);
    }

    @Test
    void p3PoCancelledOrdersMoveToTheNextPo() {
        PreorderBook book = book();
        SupplyLine po1 = po("L1", SKU, 100, JUN_01);
        book.upsertSupplyLine(po1);
        book.upsertSupplyLine(po("L2", SKU, 50, JUL_15));
        upsertAll(book, orders("A", SKU, 30, 0));
        assertThat(pool(book).preorderable()).isEqualTo(120);
        assertCoveredBy(book, "A1", "L1", JUN_01);

        log.drain();
        book.upsertSupplyLine(po1.withStatus(SupplyStatus.CANCELLED));
        assertThat(pool(book).preorderable()).isEqualTo(20);
        assertThat(pool(book).uncoveredPreOrders()).isEmpty();
        assertCoveredBy(book, "A1", "L2", JUL_15);
        assertCoveredBy(book, "A30", "L2", JUL_15);
        List<BookEvent.PromiseDateChanged> moved = log.ofType(BookEvent.PromiseDateChanged.class);
        assertThat(moved).hasSize(30).allSatisfy(e -> {
            assertThat(e.oldDate()).isEqualTo(JUN_01);
            assertThat(e.newDate()).isEqualTo(JUL_15);
        });
    }

    @Test
    void p4CutBelowPreOrdersThenBackUp() {
        PreorderBook book = book();
        SupplyLine po1 = po("L1", SKU, 100, JUN_01);
        book.upsertSupplyLine(po1);
        upsertAll(book, orders("A", SKU, 80, 0));
        assertThat(pool(book).preorderable()).isEqualTo(20);

        book.upsertSupplyLine(po1.withOrdered(60));
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).uncoveredPreOrders()).hasSize(20).startsWith("A80/1", "A79/1").endsWith("A61/1");
        assertCoveredBy(book, "A60", "L1", JUN_01);
        assertUncovered(book, "A61");

        log.drain();
        book.upsertSupplyLine(po1.withOrdered(90));
        assertThat(pool(book).preorderable()).isEqualTo(10);
        assertThat(pool(book).uncoveredPreOrders()).isEmpty();
        assertCoveredBy(book, "A80", "L1", JUN_01);
        assertThat(log.ofType(BookEvent.PreOrderCovered.class)).hasSize(20)
                .allSatisfy(e -> assertThat(e.promiseDate()).isEqualTo(JUN_01));
    }

    @Test
    void p5TwoPosNextDateSwitchesWhenTheFirstIsConsumed() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("A", SKU, 50, JUL_01));
        book.upsertSupplyLine(po("B", SKU, 100, AUG_15));
        assertThat(pool(book).preorderable()).isEqualTo(150);
        assertThat(pool(book).nextPromiseDate()).isEqualTo(JUL_01);

        upsertAll(book, orders("X", SKU, 50, 0));
        assertThat(pool(book).preorderable()).isEqualTo(100);
        assertThat(pool(book).nextPromiseDate()).isEqualTo(AUG_15);
        assertCoveredBy(book, "X50", "A", JUL_01);

        upsertAll(book, orders("Y", SKU, 20, 100));
        assertThat(pool(book).preorderable()).isEqualTo(80);
        assertCoveredBy(book, "Y1", "B", AUG_15);
        assertCoveredBy(book, "X1", "A", JUL_01);
    }

    @Test
    void p6EtaPushedOutThenPassedIsDelistedByDefault() {
        PreorderBook book = book();
        SupplyLine po1 = po("L1", SKU, 100, JUN_01);
        book.upsertSupplyLine(po1);
        upsertAll(book, orders("A", SKU, 30, 0));
        assertThat(pool(book).preorderable()).isEqualTo(70);

        log.drain();
        book.upsertSupplyLine(po1.withEta(JUL_15));
        assertThat(pool(book).preorderable()).isEqualTo(70);
        assertThat(pool(book).nextPromiseDate()).isEqualTo(JUL_15);
        assertCoveredBy(book, "A1", "L1", JUL_15);
        assertThat(log.ofType(BookEvent.PromiseDateChanged.class)).hasSize(30);
        assertThat(log.ofType(BookEvent.NextPromiseDateChanged.class))
                .containsExactly(new BookEvent.NextPromiseDateChanged(SKU, null, JUN_01, JUL_15));

        clock.advanceTo(Fixtures.hourIntoDay(JUL_15.plusDays(1)));
        assertThat(pool(book).listed()).as("today is only re-read by refreshDates").isTrue();
        assertThat(book.refreshDates()).isEqualTo(1);
        PoolState stale = pool(book);
        assertThat(stale.etaStale()).isTrue();
        assertThat(stale.listed()).isFalse();
        assertThat(stale.delistReason()).isEqualTo(PoolState.REASON_ETA_PASSED);
        // P itself is unchanged: the supply is still there, only its date is in doubt.
        assertThat(stale.preorderable()).isEqualTo(70);
        assertThat(book.refreshDates()).isZero();
    }

    @Test
    void p6EtaPassedKeepAndFlag() {
        PreorderBook book = book(BookPolicy.builder().staleEtaPolicy(StaleEtaPolicy.KEEP_AND_FLAG).build());
        book.upsertSupplyLine(po("L1", SKU, 100, JUN_01));
        upsertAll(book, orders("A", SKU, 30, 0));
        clock.advanceTo(Fixtures.hourIntoDay(JUN_01.plusDays(1)));
        log.drain();
        assertThat(book.refreshDates()).isEqualTo(1);
        PoolState flagged = pool(book);
        assertThat(flagged.listed()).isTrue();
        assertThat(flagged.etaStale()).isTrue();
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.preorderable()).isEqualTo(70);
        assertThat(log.events).containsExactly(new BookEvent.PoolChanged(SKU, null));
    }

    @Test
    void p7PartialThenFullReceipt() {
        PreorderBook book = book();
        SupplyLine po1 = po("L1", SKU, 100, JUN_01);
        book.upsertSupplyLine(po1);
        upsertAll(book, orders("A", SKU, 70, 0));
        assertThat(pool(book).preorderable()).isEqualTo(30);

        book.upsertSupplyLine(po1.withReceived(40));
        assertThat(pool(book).preorderable()).isEqualTo(30);
        assertThat(pool(book).onOrder()).isEqualTo(60);
        assertCoveredBy(book, "A1", "L1", JUN_01);
        assertCoveredBy(book, "A70", "L1", JUN_01);

        book.upsertSupplyLine(po1.withReceived(100));
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).onOrder()).isZero();
        assertThat(pool(book).allocated()).isEqualTo(70);
        assertThat(pool(book).promisable()).isEqualTo(100);
    }

    @Test
    void p8CancelledPreOrdersFreeUnitsButReturnedOnesDoNot() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L1", SKU, 100, JUN_01));
        upsertAll(book, orders("A", SKU, 100, 0));
        assertThat(pool(book).preorderable()).isZero();

        for (int i = 1; i <= 5; i++) {
            book.cancelPreOrder("A" + i, "1");
        }
        assertThat(pool(book).preorderable()).isEqualTo(5);
        assertThat(state(book, "A1").status()).isEqualTo(PreOrderStatus.CANCELLED);
        assertThat(state(book, "A1").covered()).isZero();

        book.releasePreOrder("A6", "1");
        book.cancelPreOrder("A6", "1");
        assertThat(state(book, "A6").status()).isEqualTo(PreOrderStatus.RETURNED);
        assertThat(state(book, "A6").covered()).isEqualTo(1);
        assertThat(pool(book).preorderable()).isEqualTo(5);
    }

    @Test
    void p9OrderBuffer() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L1", SKU, 100, JUN_01).withBuffer(10));
        assertThat(pool(book).preorderable()).isEqualTo(90);
        assertThat(pool(book).promisable()).isEqualTo(90);

        book.upsertSupplyLine(po("L1", SKU, 8, JUN_01).withBuffer(10));
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).promisable()).isZero();
        assertThat(pool(book).listed()).isFalse();
    }

    @Test
    void p10PreOrdersBeforeAnyPo() {
        PreorderBook book = book();
        upsertAll(book, orders("A", SKU, 12, 0));
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).uncoveredPreOrders()).hasSize(12);
        assertUncovered(book, "A1");

        book.upsertSupplyLine(po("L1", SKU, 50, JUN_01));
        assertThat(pool(book).preorderable()).isEqualTo(38);
        assertThat(pool(book).uncoveredPreOrders()).isEmpty();
        for (int i = 1; i <= 12; i++) {
            assertCoveredBy(book, "A" + i, "L1", JUN_01);
        }
    }

    @Test
    void p10SixtyBeforeAPoOfFifty() {
        PreorderBook book = book();
        upsertAll(book, orders("A", SKU, 60, 0));
        book.upsertSupplyLine(po("L1", SKU, 50, JUN_01));
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).uncoveredPreOrders())
                .containsExactly("A60/1", "A59/1", "A58/1", "A57/1", "A56/1", "A55/1", "A54/1", "A53/1", "A52/1",
                        "A51/1");
        assertCoveredBy(book, "A50", "L1", JUN_01);
    }

    @Test
    void p11PerFacilityPoolsAndPooledMode() {
        PreorderBook perFacility = book(BookPolicy.builder().perFacility(true).build());
        perFacility.upsertSupplyLine(SupplyLine.open("E1", "PO-E", SKU, "WH-East", 40, JUN_01));
        perFacility.upsertSupplyLine(SupplyLine.open("W1", "PO-W", SKU, "WH-West", 60, JUN_01));
        assertThat(perFacility.pool(SKU, "WH-East").orElseThrow().preorderable()).isEqualTo(40);
        assertThat(perFacility.pool(SKU, "WH-West").orElseThrow().preorderable()).isEqualTo(60);
        for (PreOrder p : orders("E", SKU, 40, 0)) {
            perFacility.upsertPreOrder(p.withFacility("WH-East"));
        }
        assertThat(perFacility.pool(SKU, "WH-East").orElseThrow().preorderable()).isZero();
        assertThat(perFacility.pool(SKU, "WH-East").orElseThrow().listed()).isFalse();
        assertThat(perFacility.pool(SKU, "WH-West").orElseThrow().preorderable()).isEqualTo(60);
        assertThat(perFacility.poolCount()).isEqualTo(2);

        PreorderBook pooled = book();
        pooled.upsertSupplyLine(SupplyLine.open("E1", "PO-E", SKU, "WH-East", 40, JUN_01));
        pooled.upsertSupplyLine(SupplyLine.open("W1", "PO-W", SKU, "WH-West", 60, JUN_01));
        assertThat(pooled.poolCount()).isEqualTo(1);
        assertThat(pool(pooled).preorderable()).isEqualTo(100);
        assertThat(pool(pooled).facilityId()).isNull();
    }

    @Test
    void p12TruthIsComputedFromImportedOrders() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L1", SKU, 10, JUN_01));
        assertThat(pool(book).preorderable()).isEqualTo(10);
        upsertAll(book, orders("F", SKU, 2, 0));
        assertThat(pool(book).preorderable()).isEqualTo(8);
    }

    @Test
    void p13CutOverWithOversoldOrdersImported() {
        PreorderBook book = book();
        upsertAll(book, orders("OVER", SKU, 3, 0));
        book.upsertSupplyLine(po("L1", SKU, 50, JUN_01));
        assertThat(pool(book).preorderable()).isEqualTo(47);
        assertThat(pool(book).allocated()).isEqualTo(3);
        assertCoveredBy(book, "OVER3", "L1", JUN_01);
    }

    @Test
    void stockOnHandDelistsWithoutChangingP() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L1", SKU, 100, JUN_01));
        book.setStock(new StockLevel(SKU, null, 5));
        assertThat(pool(book).listed()).isFalse();
        assertThat(pool(book).delistReason()).isEqualTo(PoolState.REASON_IN_STOCK);
        assertThat(pool(book).preorderable()).isEqualTo(100);
        book.setStock(new StockLevel(SKU, null, 0));
        assertThat(pool(book).listed()).isTrue();
    }
}
