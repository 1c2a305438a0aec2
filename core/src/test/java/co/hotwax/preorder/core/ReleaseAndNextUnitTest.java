package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static co.hotwax.preorder.core.Fixtures.JUL_01;
import static co.hotwax.preorder.core.Fixtures.JUN_01;
import static co.hotwax.preorder.core.Fixtures.NOW;
import static co.hotwax.preorder.core.Fixtures.order;
import static co.hotwax.preorder.core.Fixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releases take received units without moving anybody later, and the product page promises what the next
 * pre-order gets. The pre-orders are one unit each, O1..O15 in time order.
 */
class ReleaseAndNextUnitTest {
    private static final String SKU = "RED-M";
    private static final SupplyLine PO_1 = SupplyLine.open("PO-1/1", "PO-1", SKU, "WH", 10, JUN_01);
    private static final SupplyLine PO_2 = SupplyLine.open("PO-2/1", "PO-2", SKU, "WH", 5, JUL_01);

    private final VirtualClock clock = new VirtualClock(NOW);
    private final Fixtures.EventLog log = new Fixtures.EventLog();

    /** PO-1 covers O1..O10 (Jun-01), PO-2 covers O11..O15 (Jul-01), nothing received yet. */
    private PreorderBook twoPosFifteenOrders() {
        PreorderBook book = PreorderBook.builder().clock(clock).listener(log).build();
        book.upsertSupplyLine(PO_1);
        book.upsertSupplyLine(PO_2);
        orders("O", SKU, 15, 0).forEach(book::upsertPreOrder);
        assertThat(line(book, "O10")).isEqualTo("PO-1/1");
        assertThat(line(book, "O11")).isEqualTo("PO-2/1");
        return book;
    }

    /** PO-1 fully received (Jun-01) and held by O1..O6, so 4 of its units are stock; PO-2 still on order. */
    private PreorderBook fourReceivedUnitsNobodyHolds() {
        PreorderBook book = PreorderBook.builder().clock(clock).listener(log).build();
        book.upsertSupplyLine(PO_1.withReceived(10).withStatus(SupplyStatus.CLOSED));
        book.upsertSupplyLine(PO_2);
        orders("O", SKU, 6, 0).forEach(book::upsertPreOrder);
        return book;
    }

    private static PreOrderState state(PreorderBook book, String orderId) {
        return book.preOrder(orderId, "1").orElseThrow();
    }

    private static String line(PreorderBook book, String orderId) {
        PreOrderState s = state(book, orderId);
        assertThat(s.allocations()).as("allocations of %s", orderId).hasSize(1);
        return s.allocations().get(0).supplyLineId();
    }

    private static PoolState pool(PreorderBook book) {
        return book.pool(SKU, null).orElseThrow();
    }

    /** Every pre-order's allocation and promise date, which a release must leave alone. */
    private static Map<String, Object> outcomes(PreorderBook book, int from, int to) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = from; i <= to; i++) {
            PreOrderState s = state(book, "O" + i);
            out.put("O" + i, s.allocations() + " promised " + s.promiseDate());
        }
        return out;
    }

    private static void release(PreorderBook book, int from, int to) {
        for (int i = from; i <= to; i++) {
            book.releasePreOrder("O" + i, "1");
        }
    }

    private void assertNoPreOrderEvents() {
        assertThat(log.ofType(BookEvent.PromiseDateChanged.class)).isEmpty();
        assertThat(log.ofType(BookEvent.PreOrderUncovered.class)).isEmpty();
        assertThat(log.ofType(BookEvent.PreOrderCovered.class)).isEmpty();
    }

    @Test
    void releasingTheOrdersAnEarlyPoCoversMovesNobodyElse() {
        PreorderBook book = twoPosFifteenOrders();
        book.upsertSupplyLine(PO_2.withReceived(5)); // PO-2 arrives early
        Map<String, Object> before = outcomes(book, 1, 15);
        PoolState poolBefore = pool(book);
        log.drain();

        release(book, 11, 15); // the OMS ships O11..O15 from PO-2's received units

        assertNoPreOrderEvents();
        assertThat(outcomes(book, 1, 15)).isEqualTo(before);
        assertThat(line(book, "O6")).as("O6..O10 keep PO-1, not the arrived PO-2").isEqualTo("PO-1/1");
        assertThat(state(book, "O10").promiseDate()).isEqualTo(JUN_01);
        assertThat(state(book, "O15").status()).isEqualTo(PreOrderStatus.RELEASED);
        assertThat(pool(book).preorderable()).isEqualTo(poolBefore.preorderable());
        assertThat(pool(book).nextPromiseDate()).isEqualTo(poolBefore.nextPromiseDate());
    }

    @Test
    void releasingMoreThanWasReceivedKeepsTheRestOnOrderAndMovesNobodyElse() {
        PreorderBook book = twoPosFifteenOrders();
        book.upsertSupplyLine(PO_2.withReceived(3));
        Map<String, Object> before = outcomes(book, 1, 15);
        log.drain();

        release(book, 11, 15); // 5 released, 3 received: O14 and O15 wait for PO-2's units still on order

        assertNoPreOrderEvents();
        assertThat(outcomes(book, 1, 15)).isEqualTo(before);
        assertThat(state(book, "O15").covered()).isEqualTo(1);
        assertThat(state(book, "O15").promiseDate()).isEqualTo(JUL_01);
        assertThat(pool(book).preorderable()).isZero();
        assertThat(pool(book).uncoveredPreOrders()).isEmpty();
    }

    @Test
    void aReleasedPreOrderTakesReceivedUnitsOfAnotherLineBeforeOnOrderOnes() {
        PreorderBook book = PreorderBook.builder().clock(clock).listener(log).build();
        book.upsertSupplyLine(PO_1);
        book.upsertSupplyLine(PO_2.withReceived(5));
        orders("O", SKU, 3, 0).forEach(book::upsertPreOrder);
        assertThat(line(book, "O1")).isEqualTo("PO-1/1");
        log.drain();

        // Released ahead of the queue: it ships from stock, PO-2's received units, and leaves its PO-1 unit free.
        book.releasePreOrder("O1", "1");

        assertThat(state(book, "O1").allocations())
                .containsExactly(new Allocation("PO-2/1", "PO-2", 1, JUL_01));
        assertThat(line(book, "O2")).isEqualTo("PO-1/1");
        assertThat(line(book, "O3")).isEqualTo("PO-1/1");
        assertThat(pool(book).preorderable()).as("PO-1 has 8 units on order nobody holds").isEqualTo(8);
        assertThat(log.ofType(BookEvent.PreorderableChanged.class))
                .containsExactly(new BookEvent.PreorderableChanged(SKU, null, 7, 8));
    }

    @Test
    void aReleaseAheadOfTheQueueMovesLaterPreOrdersOnlyEarlier() {
        PreorderBook book = twoPosFifteenOrders();
        book.upsertSupplyLine(PO_2.withReceived(5));
        log.drain();

        // O1 is released ahead of the queue: it ships from a unit PO-2 received, and O11, placed after it, moves up
        // to O1's unit of PO-1: earlier, never later. Nobody placed before O1 is touched.
        book.releasePreOrder("O1", "1");

        assertThat(book.preOrder("O1", "1").orElseThrow().allocations())
                .extracting(Allocation::supplyLineId).containsExactly("PO-2/1");
        assertThat(log.ofType(BookEvent.PromiseDateChanged.class)).containsExactlyInAnyOrder(
                new BookEvent.PromiseDateChanged("O1", "1", SKU, null, JUN_01, JUL_01),
                new BookEvent.PromiseDateChanged("O11", "1", SKU, null, JUL_01, JUN_01));
        for (int i = 2; i <= 15; i++) {
            assertThat(state(book, "O" + i).covered()).isEqualTo(1);
        }
    }

    @Test
    void aReturnedPreOrderKeepsTheReceivedUnitItShippedFrom() {
        PreorderBook book = twoPosFifteenOrders();
        book.upsertSupplyLine(PO_2.withReceived(5));
        release(book, 11, 15);
        Map<String, Object> before = outcomes(book, 1, 15);
        log.drain();

        book.cancelPreOrder("O12", "1"); // cancelled after release: RETURNED, the unit stays used

        assertThat(state(book, "O12").status()).isEqualTo(PreOrderStatus.RETURNED);
        assertThat(outcomes(book, 1, 15)).isEqualTo(before);
        assertNoPreOrderEvents();
    }

    @Test
    void theProductPageShowsTheDateOfTheReceivedUnitsTheNextPreOrderGets() {
        PreorderBook book = fourReceivedUnitsNobodyHolds();
        assertThat(pool(book).preorderable()).as("P counts units on order only").isEqualTo(5);
        assertThat(pool(book).nextPromiseDate()).isEqualTo(JUN_01);

        book.upsertPreOrder(order("NEXT", SKU, 1, 100));
        assertThat(state(book, "NEXT").promiseDate()).as("what the page promised").isEqualTo(JUN_01);
        assertThat(line(book, "NEXT")).isEqualTo("PO-1/1");
        assertThat(pool(book).preorderable()).as("a received unit is not P").isEqualTo(5);

        for (int i = 1; i <= 3; i++) {
            book.upsertPreOrder(order("MORE" + i, SKU, 1, 100 + i));
        }
        assertThat(pool(book).nextPromiseDate()).as("PO-1's received units are all held now").isEqualTo(JUL_01);
        book.upsertPreOrder(order("LAST", SKU, 1, 200));
        assertThat(state(book, "LAST").promiseDate()).isEqualTo(JUL_01);
        assertThat(pool(book).preorderable()).isEqualTo(4);
    }

    @Test
    void receivedUnitsNobodyHoldsAreStockThatTheOmsReportsSoThePoolIsDelisted() {
        PreorderBook book = fourReceivedUnitsNobodyHolds();
        assertThat(pool(book).listed()).isTrue();

        book.setStock(new StockLevel(SKU, null, 4)); // the OMS's online ATP includes the 4 units
        assertThat(pool(book).listed()).isFalse();
        assertThat(pool(book).delistReason()).isEqualTo(PoolState.REASON_IN_STOCK);
    }
}
