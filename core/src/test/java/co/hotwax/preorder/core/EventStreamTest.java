package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static co.hotwax.preorder.core.Fixtures.JUL_15;
import static co.hotwax.preorder.core.Fixtures.JUN_01;
import static co.hotwax.preorder.core.Fixtures.NOW;
import static co.hotwax.preorder.core.Fixtures.order;
import static co.hotwax.preorder.core.Fixtures.orders;
import static co.hotwax.preorder.core.Fixtures.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exact event stream, in order, for the key transitions. */
class EventStreamTest {
    private static final String SKU = "RED-M";
    private final VirtualClock clock = new VirtualClock(NOW);
    private final Fixtures.EventLog log = new Fixtures.EventLog();
    private final PreorderBook book = PreorderBook.builder().clock(clock).listener(log).build();

    @Test
    void firstRebuildReportsPoolsAndUncoveredButNoCoveredPreOrders() {
        book.rebuild(List.of(po("L1", SKU, 2, JUN_01), po("L2", "BLUE", 5, JUL_15)),
                List.of(order("A", SKU, 1, 1), order("B", SKU, 2, 2)), List.of());
        assertThat(log.drain()).containsExactly(
                new BookEvent.PreorderableChanged("BLUE", null, 0, 5),
                new BookEvent.Listed("BLUE", null, 5, JUL_15, false),
                new BookEvent.NextPromiseDateChanged("BLUE", null, null, JUL_15),
                new BookEvent.PoolChanged("BLUE", null),
                new BookEvent.PreOrderUncovered("B", "1", SKU, null, 1),
                new BookEvent.PoolChanged(SKU, null));
    }

    @Test
    void rebuildThatDropsAPoolDelistsIt() {
        book.rebuild(List.of(po("L1", SKU, 2, JUN_01)), List.of(), List.of());
        log.drain();
        book.rebuild(List.of(), List.of(), List.of());
        assertThat(book.poolCount()).isZero();
        assertThat(log.drain()).containsExactly(
                new BookEvent.PreorderableChanged(SKU, null, 2, 0),
                new BookEvent.Delisted(SKU, null, PoolState.REASON_NO_UNITS),
                new BookEvent.NextPromiseDateChanged(SKU, null, JUN_01, null),
                new BookEvent.PoolChanged(SKU, null));
    }

    @Test
    void exhaustingThenCuttingThenRestoringAPo() {
        SupplyLine line = po("L1", SKU, 2, JUN_01);
        book.upsertSupplyLine(line);
        assertThat(log.drain()).containsExactly(
                new BookEvent.PreorderableChanged(SKU, null, 0, 2),
                new BookEvent.Listed(SKU, null, 2, JUN_01, false),
                new BookEvent.NextPromiseDateChanged(SKU, null, null, JUN_01),
                new BookEvent.PoolChanged(SKU, null));

        orders("A", SKU, 2, 0).forEach(book::upsertPreOrder);
        assertThat(log.drain()).containsExactly(
                new BookEvent.PreorderableChanged(SKU, null, 2, 1),
                new BookEvent.PoolChanged(SKU, null),
                new BookEvent.PreorderableChanged(SKU, null, 1, 0),
                new BookEvent.Delisted(SKU, null, PoolState.REASON_NO_UNITS),
                new BookEvent.NextPromiseDateChanged(SKU, null, JUN_01, null),
                new BookEvent.PoolChanged(SKU, null));

        book.upsertSupplyLine(line.withOrdered(1));
        assertThat(log.drain()).containsExactly(
                new BookEvent.PreOrderUncovered("A2", "1", SKU, null, 1),
                new BookEvent.PoolChanged(SKU, null));

        book.upsertSupplyLine(line.withOrdered(3).withEta(JUL_15));
        assertThat(log.drain()).containsExactly(
                new BookEvent.PreorderableChanged(SKU, null, 0, 1),
                new BookEvent.Listed(SKU, null, 1, JUL_15, false),
                new BookEvent.NextPromiseDateChanged(SKU, null, null, JUL_15),
                new BookEvent.PromiseDateChanged("A1", "1", SKU, null, JUN_01, JUL_15),
                new BookEvent.PreOrderCovered("A2", "1", SKU, null, JUL_15),
                new BookEvent.PoolChanged(SKU, null));
    }

    @Test
    void channelOnlyChangeStillFiresPoolChangedAndIdenticalUpsertsNothing() {
        book.upsertSupplyLine(po("L1", SKU, 5, JUN_01));
        book.upsertPreOrder(order("A", SKU, 1, 1));
        log.drain();
        book.upsertPreOrder(order("A", SKU, 1, 1));
        book.upsertSupplyLine(po("L1", SKU, 5, JUN_01));
        book.setStock(new StockLevel(SKU, null, 0));
        assertThat(log.events).isEmpty();

        book.upsertPreOrder(new co.hotwax.preorder.spi.PreOrder("A", "1", SKU, 1, Fixtures.placed(1), "pos",
                co.hotwax.preorder.spi.PreOrderStatus.OPEN, null, null));
        assertThat(log.drain()).containsExactly(new BookEvent.PoolChanged(SKU, null));
        assertThat(book.pool(SKU, null).orElseThrow().openUnitsByChannel()).containsOnlyKeys("pos");
    }

    @Test
    void aPreOrderCannotMoveSkusAndItsRefusalChangesNothingSoReportsNoEvent() {
        book.upsertSupplyLine(po("L1", SKU, 5, JUN_01));
        book.upsertSupplyLine(po("L2", "BLUE", 5, JUL_15));
        book.upsertPreOrder(order("A", SKU, 5, 1));
        log.drain();
        assertThatThrownBy(() -> book.upsertPreOrder(order("A", "BLUE", 5, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sku " + SKU);
        assertThat(log.drain()).isEmpty();
        assertThat(book.pool(SKU, null).orElseThrow().preorderable()).isZero();
        assertThat(book.pool("BLUE", null).orElseThrow().preorderable()).isEqualTo(5);
    }

    @Test
    void stockFlipsListing() {
        book.upsertSupplyLine(po("L1", SKU, 5, JUN_01));
        log.drain();
        book.setStock(new StockLevel(SKU, null, 2));
        assertThat(log.drain()).containsExactly(new BookEvent.Delisted(SKU, null, PoolState.REASON_IN_STOCK),
                new BookEvent.PoolChanged(SKU, null));
        book.setStock(new StockLevel(SKU, null, -1));
        assertThat(log.drain()).containsExactly(new BookEvent.Listed(SKU, null, 5, JUN_01, false),
                new BookEvent.PoolChanged(SKU, null));
    }

    @Test
    void staleEtaUnderKeepAndFlagListsFlagged() {
        clock.advanceTo(Fixtures.hourIntoDay(JUN_01.plusDays(2)));
        PreorderBook flagging = PreorderBook.builder().clock(clock).listener(log)
                .policy(BookPolicy.builder().staleEtaPolicy(StaleEtaPolicy.KEEP_AND_FLAG).build()).build();
        flagging.upsertSupplyLine(po("L1", SKU, 5, JUN_01));
        assertThat(log.ofType(BookEvent.Listed.class)).containsExactly(new BookEvent.Listed(SKU, null, 5, JUN_01,
                true));
    }
}
