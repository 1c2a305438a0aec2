package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static co.hotwax.preorder.core.Fixtures.AUG_15;
import static co.hotwax.preorder.core.Fixtures.JUL_01;
import static co.hotwax.preorder.core.Fixtures.JUN_01;
import static co.hotwax.preorder.core.Fixtures.NOW;
import static co.hotwax.preorder.core.Fixtures.order;
import static co.hotwax.preorder.core.Fixtures.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules stated on {@link PreorderBook} one at a time: allocation order, pins, releases, buffers, safety, promise
 * dates, eligibility.
 */
class AllocationRulesTest {
    private static final String SKU = "RED-M";
    private final VirtualClock clock = new VirtualClock(NOW);

    private PreorderBook book(BookPolicy policy) {
        return PreorderBook.builder().policy(policy).clock(clock).build();
    }

    private PreorderBook book() {
        return book(BookPolicy.defaults());
    }

    private static PoolState pool(PreorderBook book) {
        return book.pool(SKU, null).orElseThrow();
    }

    private static List<Allocation> allocations(PreorderBook book, String orderId) {
        return book.preOrder(orderId, "1").orElseThrow().allocations();
    }

    @Test
    void anEarlierPoThatArrivesLaterTakesTheEarliestOrders() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("LATE", SKU, 10, AUG_15));
        book.upsertPreOrder(order("first", SKU, 4, 1));
        book.upsertPreOrder(order("second", SKU, 4, 2));
        assertThat(allocations(book, "first")).extracting(Allocation::supplyLineId).containsExactly("LATE");

        book.upsertSupplyLine(po("EARLY", SKU, 5, JUN_01));
        assertThat(allocations(book, "first"))
                .containsExactly(new Allocation("EARLY", "PO-EARLY", 4, JUN_01));
        // 1 unit left on EARLY, 3 from LATE: split, promise = the later ETA
        assertThat(allocations(book, "second")).containsExactly(new Allocation("EARLY", "PO-EARLY", 1, JUN_01),
                new Allocation("LATE", "PO-LATE", 3, AUG_15));
        assertThat(book.preOrder("second", "1").orElseThrow().promiseDate()).isEqualTo(AUG_15);
        assertThat(pool(book).preorderable()).isEqualTo(7);
        assertThat(pool(book).nextPromiseDate()).isEqualTo(AUG_15);
    }

    @Test
    void arrivalOrderDoesNotMatterOnlyPlacementTimeAndIds() {
        PreorderBook a = book();
        PreorderBook b = book();
        SupplyLine line = po("L1", SKU, 5, JUN_01);
        PreOrder x = order("X", SKU, 3, 1);
        PreOrder y = order("Y", SKU, 3, 1); // same time: ids break the tie, X first
        a.upsertSupplyLine(line);
        a.upsertPreOrder(x);
        a.upsertPreOrder(y);
        b.upsertPreOrder(y);
        b.upsertPreOrder(x);
        b.upsertSupplyLine(line);
        for (PreorderBook book : List.of(a, b)) {
            assertThat(book.preOrder("X", "1").orElseThrow().covered()).isEqualTo(3);
            assertThat(book.preOrder("Y", "1").orElseThrow().covered()).isEqualTo(2);
            assertThat(pool(book).uncoveredPreOrders()).containsExactly("Y/1");
        }
    }

    @Test
    void pinnedPreOrdersTakeTheirLineFirstAndOverflowJoinsTheQueue() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("A", SKU, 5, JUN_01));
        book.upsertSupplyLine(po("B", SKU, 5, JUL_01));
        book.upsertPreOrder(order("early", SKU, 5, 1));
        book.upsertPreOrder(order("pinned", SKU, 3, 2).withPin("A"));
        // pinned (placed later) still gets A first; early then fills what is left of A and moves on to B
        assertThat(allocations(book, "pinned")).containsExactly(new Allocation("A", "PO-A", 3, JUN_01));
        assertThat(allocations(book, "early")).containsExactly(new Allocation("A", "PO-A", 2, JUN_01),
                new Allocation("B", "PO-B", 3, JUL_01));

        book.upsertPreOrder(order("big", SKU, 6, 0).withPin("B"));
        // big: 5 from its pinned B, the 6th joins step 2 in time order (placed first), taking A
        assertThat(allocations(book, "big")).containsExactly(new Allocation("A", "PO-A", 1, JUN_01),
                new Allocation("B", "PO-B", 5, JUL_01));
        assertThat(book.preOrder("early", "1").orElseThrow().covered()).isEqualTo(1);
        assertThat(pool(book).uncoveredPreOrders()).containsExactly("early/1");
    }

    @Test
    void aPinToAnUnknownLineIsIgnoredUntilTheLineArrives() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("A", SKU, 5, JUN_01));
        book.upsertPreOrder(order("first", SKU, 5, 1));
        book.upsertPreOrder(order("pinned", SKU, 2, 2).withPin("B"));
        assertThat(book.preOrder("pinned", "1").orElseThrow().uncovered()).isTrue();

        book.upsertSupplyLine(po("B", SKU, 2, JUL_01));
        assertThat(allocations(book, "pinned")).containsExactly(new Allocation("B", "PO-B", 2, JUL_01));
    }

    @Test
    void aPinToALineOfAnotherSkuIsIgnored() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("A", SKU, 5, JUN_01));
        book.upsertSupplyLine(po("OTHER", "BLUE-L", 5, JUN_01));
        book.upsertPreOrder(order("p", SKU, 2, 1).withPin("OTHER"));
        assertThat(allocations(book, "p")).containsExactly(new Allocation("A", "PO-A", 2, JUN_01));
        assertThat(book.pool("BLUE-L", null).orElseThrow().preorderable()).isEqualTo(5);
    }

    @Test
    void releasedAndReturnedPreOrdersTakeTheReceivedUnitsLeftInTimeOrder() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("A", SKU, 10, JUN_01).withReceived(2));
        book.upsertSupplyLine(po("B", SKU, 5, JUL_01).withReceived(5));
        book.upsertPreOrder(order("open-early", SKU, 3, 1));
        book.upsertPreOrder(order("released", SKU, 4, 5).withStatus(PreOrderStatus.RELEASED));
        book.upsertPreOrder(order("returned", SKU, 2, 6).withStatus(PreOrderStatus.RETURNED));
        book.upsertPreOrder(order("open-late", SKU, 1, 7));
        // open-early, placed first, keeps A's received units; the released one takes B's, before A's on order
        assertThat(allocations(book, "open-early")).containsExactly(new Allocation("A", "PO-A", 3, JUN_01));
        assertThat(allocations(book, "released")).containsExactly(new Allocation("B", "PO-B", 4, JUL_01));
        // the last received unit, then the first unit left in line order (A, on order)
        assertThat(allocations(book, "returned")).containsExactly(new Allocation("A", "PO-A", 1, JUN_01),
                new Allocation("B", "PO-B", 1, JUL_01));
        assertThat(allocations(book, "open-late")).containsExactly(new Allocation("A", "PO-A", 1, JUN_01));
        assertThat(pool(book).preorderable()).as("A: 8 on order, 3 of them held").isEqualTo(5);
        assertThat(pool(book).openUnitsByChannel()).containsExactly(java.util.Map.entry(Fixtures.SHOP, 4L));
    }

    @Test
    void bufferComesOffTheEndSoReceivedUnitsStayPromisable() {
        PreorderBook book = book();
        // 10 ordered, 6 received, 4 on order, buffer 5: promisable 5, P 0 (buffer eats all on-order units)
        book.upsertSupplyLine(po("L1", SKU, 10, JUN_01).withReceived(6).withBuffer(5));
        assertThat(pool(book).promisable()).isEqualTo(5);
        assertThat(pool(book).preorderable()).isZero();
        book.upsertPreOrder(order("a", SKU, 6, 1));
        assertThat(book.preOrder("a", "1").orElseThrow().covered()).isEqualTo(5);

        // 20 ordered, 5 received, 15 on order, buffer 3: P = 15 - 3 - max(0, 6 - 5) = 11
        book.upsertSupplyLine(po("L1", SKU, 20, JUN_01).withReceived(5).withBuffer(3));
        assertThat(pool(book).preorderable()).isEqualTo(11);
        assertThat(pool(book).allocated()).isEqualTo(6);
    }

    @Test
    void closedAndCancelledLinesKeepOnlyTheirReceivedUnits() {
        PreorderBook book = book();
        SupplyLine line = po("L1", SKU, 10, JUN_01).withReceived(3);
        book.upsertSupplyLine(line.withStatus(SupplyStatus.CLOSED));
        assertThat(pool(book).onOrder()).isZero();
        assertThat(pool(book).promisable()).isEqualTo(3);
        assertThat(pool(book).preorderable()).isZero();
        book.upsertPreOrder(order("a", SKU, 4, 1));
        assertThat(book.preOrder("a", "1").orElseThrow().covered()).isEqualTo(3);
        book.upsertSupplyLine(line.withStatus(SupplyStatus.CANCELLED));
        assertThat(book.preOrder("a", "1").orElseThrow().covered()).isEqualTo(3);
        book.upsertSupplyLine(line.withCancelled(2).withStatus(SupplyStatus.OPEN));
        // 10 - 3 - 2 = 5 on order; a takes 3 received + 1 on order; P 4
        assertThat(pool(book).preorderable()).isEqualTo(4);
    }

    @Test
    void safetyBufferTakesTheLargerOfUnitsAndPercentRoundedUp() {
        PreorderBook units = book(BookPolicy.builder().safetyUnits(7).safetyPercent(5).build());
        units.upsertSupplyLine(po("L1", SKU, 100, JUN_01));
        assertThat(pool(units).preorderable()).isEqualTo(93);

        PreorderBook percent = book(BookPolicy.builder().safetyUnits(2).safetyPercent(10).build());
        percent.upsertSupplyLine(po("L1", SKU, 101, JUN_01));
        assertThat(pool(percent).preorderable()).as("ceil(10.1) = 11").isEqualTo(90);
        percent.upsertSupplyLine(po("L1", SKU, 5, JUN_01));
        assertThat(pool(percent).preorderable()).as("never negative").isEqualTo(3);
        percent.upsertPreOrder(order("a", SKU, 4, 1));
        assertThat(pool(percent).preorderable()).isZero();
        assertThat(pool(percent).nextPromiseDate()).isNull();
        assertThat(pool(percent).listed()).isFalse();
    }

    @Test
    void promiseBufferDaysAreAddedToEveryDate() {
        PreorderBook book = book(BookPolicy.builder().promiseBufferDays(3).build());
        book.upsertSupplyLine(po("L1", SKU, 10, JUN_01));
        book.upsertPreOrder(order("a", SKU, 1, 1));
        assertThat(book.preOrder("a", "1").orElseThrow().promiseDate()).isEqualTo(JUN_01.plusDays(3));
        assertThat(book.preOrder("a", "1").orElseThrow().allocations().get(0).eta()).isEqualTo(JUN_01);
        assertThat(pool(book).nextPromiseDate()).isEqualTo(JUN_01.plusDays(3));
    }

    @Test
    void staleEtaIsJudgedOnTheLineTheNextUnitComesFrom() {
        clock.advanceTo(Fixtures.hourIntoDay(JUN_01.plusDays(1)));
        PreorderBook book = book();
        book.upsertSupplyLine(po("OLD", SKU, 2, JUN_01));
        book.upsertSupplyLine(po("NEW", SKU, 5, AUG_15));
        assertThat(pool(book).etaStale()).isTrue();
        assertThat(pool(book).delistReason()).isEqualTo(PoolState.REASON_ETA_PASSED);
        book.upsertPreOrder(order("a", SKU, 2, 1));
        // OLD is consumed: the next unit comes from NEW, which is not late
        assertThat(pool(book).etaStale()).isFalse();
        assertThat(pool(book).listed()).isTrue();
        assertThat(pool(book).nextPromiseDate()).isEqualTo(AUG_15);
    }

    @Test
    void physicalStockWinsOverStaleAndNoUnitsComesFirst() {
        PreorderBook book = book();
        book.setStock(new co.hotwax.preorder.spi.StockLevel(SKU, null, 3));
        assertThat(book.poolCount()).as("stock alone makes no pool").isZero();
        book.upsertPreOrder(order("a", SKU, 1, 1));
        assertThat(pool(book).physicalAtp()).isEqualTo(3);
        assertThat(pool(book).delistReason()).isEqualTo(PoolState.REASON_NO_UNITS);
        book.upsertSupplyLine(po("L1", SKU, 5, JUN_01));
        assertThat(pool(book).delistReason()).isEqualTo(PoolState.REASON_IN_STOCK);
        assertThat(pool(book).preorderable()).isEqualTo(4);
    }
}
