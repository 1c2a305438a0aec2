package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static co.hotwax.preorder.core.Fixtures.JUN_01;
import static co.hotwax.preorder.core.Fixtures.NOW;
import static co.hotwax.preorder.core.Fixtures.order;
import static co.hotwax.preorder.core.Fixtures.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input (issue item 5): each gets a clear error naming the item and the reason, the state is unchanged, and in
 * a batch the other items go on.
 */
class BadInputTest {
    private static final String SKU = "RED-M";
    private final Fixtures.EventLog log = new Fixtures.EventLog();

    private PreorderBook book(BookPolicy policy) {
        PreorderBook book = PreorderBook.builder().policy(policy).listener(log)
                .clock(new VirtualClock(NOW)).build();
        book.upsertSupplyLine(po("L1", SKU, 10, JUN_01));
        book.upsertPreOrder(order("A", SKU, 3, 1));
        log.drain();
        return book;
    }

    private PreorderBook book() {
        return book(BookPolicy.defaults());
    }

    private static Map<String, Object> state(PreorderBook book) {
        return IncrementalEqualsRecomputeTest.snapshot(book, List.of("A/1"));
    }

    @Test
    void spiValuesRefuseNegativeOverflowingAndInconsistentQuantitiesNamingTheItem() {
        assertThatThrownBy(() -> po("L9", SKU, -1, JUN_01)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("supply line L9").hasMessageContaining("ordered must not be negative");
        assertThatThrownBy(() -> po("L9", SKU, 2_000_000_000L, JUN_01))
                .hasMessageContaining("supply line L9").hasMessageContaining("exceeds the maximum");
        assertThatThrownBy(() -> po("L9", SKU, 10, JUN_01).withReceived(8).withCancelled(3))
                .hasMessageContaining("received 8 + cancelled 3 exceeds ordered 10");
        assertThatThrownBy(() -> po("L9", SKU, 10, null)).hasMessageContaining("eta is missing");
        assertThatThrownBy(() -> order("X", SKU, 0, 1)).hasMessageContaining("pre-order X/1")
                .hasMessageContaining("quantity must be at least 1");
    }

    @Test
    void impossibleEtaIsRejectedAndTheStateIsUnchanged() {
        PreorderBook book = book();
        Map<String, Object> before = state(book);
        SupplyLine ancient = po("L2", SKU, 5, LocalDate.of(1, 1, 1));
        assertThatThrownBy(() -> book.upsertSupplyLine(ancient)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("supply line L2").hasMessageContaining("eta 0001-01-01 is not a possible date");
        SupplyLine far = po("L1", SKU, 5, LocalDate.MAX);
        assertThatThrownBy(() -> book.upsertSupplyLine(far)).hasMessageContaining("supply line L1");
        assertThat(state(book)).isEqualTo(before);
        assertThat(log.events).isEmpty();
    }

    @Test
    void unknownPreOrderInCancelOrReleaseIsRejectedByName() {
        PreorderBook book = book();
        Map<String, Object> before = state(book);
        assertThatThrownBy(() -> book.cancelPreOrder("NOPE", "7")).isInstanceOf(InvalidInputException.class)
                .hasMessage("pre-order NOPE/7: unknown pre-order");
        assertThatThrownBy(() -> book.releasePreOrder("NOPE", "7")).hasMessage("pre-order NOPE/7: unknown pre-order");
        assertThatThrownBy(() -> book.cancelPreOrder(null, "1")).isInstanceOf(InvalidInputException.class);
        assertThat(state(book)).isEqualTo(before);
        assertThat(log.events).isEmpty();
    }

    @Test
    void releaseOfACancelledOrReturnedPreOrderIsRejected() {
        PreorderBook book = book();
        book.cancelPreOrder("A", "1");
        Map<String, Object> before = state(book);
        assertThatThrownBy(() -> book.releasePreOrder("A", "1")).isInstanceOf(InvalidInputException.class)
                .hasMessage("pre-order A/1: is CANCELLED; only an open pre-order can be released");
        assertThat(state(book)).isEqualTo(before);

        book.upsertPreOrder(order("B", SKU, 1, 2).withStatus(PreOrderStatus.RETURNED));
        assertThatThrownBy(() -> book.releasePreOrder("B", "1")).hasMessageContaining("is RETURNED");
    }

    @Test
    void cancelAndReleaseAreIdempotent() {
        PreorderBook book = book();
        book.releasePreOrder("A", "1");
        log.drain();
        book.releasePreOrder("A", "1");
        assertThat(log.events).isEmpty();
        book.cancelPreOrder("A", "1");
        book.cancelPreOrder("A", "1");
        assertThat(book.preOrder("A", "1").orElseThrow().status()).isEqualTo(PreOrderStatus.RETURNED);
    }

    @Test
    void perFacilityModeNeedsTheFacilityOnPreOrdersAndStock() {
        PreorderBook book = PreorderBook.builder().policy(BookPolicy.builder().perFacility(true).build()).build();
        assertThatThrownBy(() -> book.upsertPreOrder(order("X", SKU, 1, 1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pre-order X/1 (sku RED-M)").hasMessageContaining("facilityId is missing");
        assertThatThrownBy(() -> book.setStock(new StockLevel(SKU, null, 1)))
                .hasMessageContaining("stock level of sku RED-M").hasMessageContaining("facilityId is missing");
        assertThat(book.poolCount()).isZero();

        PreorderBook pooled = book();
        assertThatThrownBy(() -> pooled.setStock(new StockLevel(SKU, "WH", 1)))
                .hasMessageContaining("given in pooled mode");
        assertThat(pooled.pool(SKU, null).orElseThrow().physicalAtp()).isZero();
    }

    @Test
    void nullsAreRejectedAsMissing() {
        PreorderBook book = book();
        assertThatThrownBy(() -> book.upsertSupplyLine(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("supply line null: is missing");
        assertThatThrownBy(() -> book.upsertPreOrder(null)).hasMessage("pre-order null: is missing");
        assertThatThrownBy(() -> book.setStock(null)).hasMessage("stock level null: is missing");
    }

    @Test
    void rebuildRejectsDuplicatesAndInvalidItemsAndLoadsTheRest() {
        PreorderBook book = PreorderBook.builder().listener(log).clock(new VirtualClock(NOW)).build();
        List<SupplyLine> lines = Arrays.asList(po("L1", SKU, 10, JUN_01), null, po("L1", SKU, 99, JUN_01),
                po("L2", SKU, 5, LocalDate.of(1, 1, 1)), po("L3", SKU, 4, JUN_01));
        List<PreOrder> orders = List.of(order("A", SKU, 2, 1), order("A", SKU, 5, 2), order("B", SKU, 1, 3));
        List<StockLevel> stock = List.of(new StockLevel(SKU, null, 0), new StockLevel(SKU, null, 4),
                new StockLevel("X", "WH", 1));
        BatchReport report = book.rebuild(lines, orders, stock);

        assertThat(report.applied()).isEqualTo(2 + 2 + 1);
        assertThat(report.rejected()).extracting(BatchReport.Rejection::index).containsExactly(1, 2, 3, 1, 1, 2);
        assertThat(report.rejected().get(1).item()).isEqualTo("supply line L1 (sku RED-M)");
        assertThat(report.rejected().get(1).reason()).contains("duplicate lineId");
        assertThat(report.rejected().get(3).reason()).contains("duplicate (orderId, lineId)");
        assertThat(report.rejected().get(4).reason()).contains("duplicate stock level");
        // the first of each duplicate wins
        PoolState pool = book.pool(SKU, null).orElseThrow();
        assertThat(pool.onOrder()).isEqualTo(14);
        assertThat(pool.allocated()).isEqualTo(3);
        assertThat(pool.physicalAtp()).isZero();
        assertThat(pool.preorderable()).isEqualTo(11);
    }

    @Test
    void aBatchGoesOnAfterARejection() {
        PreorderBook book = book();
        List<BookCommand> commands = new ArrayList<>();
        commands.add(new BookCommand.CancelPreOrder("NOPE", "1"));
        commands.add(new BookCommand.UpsertPreOrder(order("B", SKU, 2, 2)));
        commands.add(null);
        commands.add(new BookCommand.UpsertSupplyLine(null));
        commands.add(new BookCommand.SetStock(new StockLevel(SKU, "WH", 5)));
        commands.add(new BookCommand.ReleasePreOrder("A", "1"));
        BatchReport report = book.apply(commands);
        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.rejected()).extracting(BatchReport.Rejection::index).containsExactly(0, 2, 3, 4);
        assertThat(report.rejected().get(0).toString()).isEqualTo("#0 pre-order NOPE/1: unknown pre-order");
        assertThat(book.preOrder("B", "1")).isPresent();
        assertThat(book.preOrder("A", "1").orElseThrow().status()).isEqualTo(PreOrderStatus.RELEASED);
        assertThat(book.pool(SKU, null).orElseThrow().preorderable()).isEqualTo(5);
    }

    @Test
    void policyBuilderRejectsOutOfRangeSettings() {
        assertThatThrownBy(() -> BookPolicy.builder().safetyUnits(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("safetyUnits");
        assertThatThrownBy(() -> BookPolicy.builder().safetyPercent(101)).hasMessageContaining("safetyPercent");
        assertThatThrownBy(() -> BookPolicy.builder().promiseBufferDays(-1)).hasMessageContaining("promiseBufferDays");
        assertThatThrownBy(() -> BookPolicy.builder().staleEtaPolicy(null)).hasMessageContaining("staleEtaPolicy");
        assertThatThrownBy(() -> BookPolicy.builder().zone(null)).hasMessageContaining("zone");
        assertThatThrownBy(() -> PreorderBook.builder().listener(null)).hasMessageContaining("listener");
        BookPolicy p = BookPolicy.builder().safetyUnits(3).safetyPercent(10).build();
        assertThat(p.safetyFor(5)).isEqualTo(3);
        assertThat(p.safetyFor(31)).isEqualTo(4);
        assertThat(BookPolicy.defaults()).isEqualTo(BookPolicy.builder().build());
        assertThat(BookPolicy.defaults().staleEtaPolicy()).isEqualTo(StaleEtaPolicy.DELIST);
    }

    @Test
    void aLineWhoseSkuChangesMovesPoolsAndAnEmptyPoolDisappears() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L2", "BLUE", 4, JUN_01));
        assertThat(book.poolKeys()).containsExactly(new PoolKey("BLUE", null), new PoolKey(SKU, null));
        book.upsertSupplyLine(po("L2", SKU, 4, JUN_01).withStatus(SupplyStatus.OPEN));
        assertThat(book.poolKeys()).containsExactly(new PoolKey(SKU, null));
        assertThat(book.pool(SKU, null).orElseThrow().onOrder()).isEqualTo(14);
    }

    @Test
    void aPreOrderIdReusedForAnotherSkuIsRefusedNamingBothSkus() {
        PreorderBook book = book();
        book.upsertSupplyLine(po("L2", "BLUE", 4, JUN_01));
        Map<String, Object> before = state(book);

        assertThatThrownBy(() -> book.upsertPreOrder(order("A", "BLUE", 2, 5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pre-order A/1 (sku BLUE)").hasMessageContaining("sku " + SKU);
        assertThat(state(book)).isEqualTo(before);
        assertThat(book.pool(SKU, null).orElseThrow().preorderable()).isEqualTo(7);
        assertThat(book.pool("BLUE", null).orElseThrow().preorderable()).isEqualTo(4);
    }

    @Test
    void identifiersAreLimitedTo255CharactersWithoutControlOrFormatCharacters() {
        PreorderBook book = book();
        String huge = "S".repeat(1_000_000);
        assertThatThrownBy(() -> book.upsertSupplyLine(po("L9", huge, 1, JUN_01)))
                .hasMessageContaining("sku has 1000000 characters; at most 255")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThatThrownBy(() -> book.upsertPreOrder(order("B\u0000", SKU, 1, 2)))
                .hasMessageContaining("orderId contains the control or format character U+0000")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
        assertThatThrownBy(() -> book.upsertPreOrder(order("C", SKU + "\r\nX", 1, 2)))
                .hasMessageContaining("sku contains the control or format character U+000D");
        assertThatThrownBy(() -> book.setStock(new StockLevel("RED\u202E", null, 1)))
                .hasMessageContaining("U+202E");
        String longest = "S".repeat(255);
        book.upsertSupplyLine(po("L9", longest, 1, JUN_01));
        assertThat(book.pool(longest, null)).isPresent();
        book.upsertSupplyLine(po("L10", "ÄÖÜ-日本-😀", 1, JUN_01));
        assertThat(book.pool("ÄÖÜ-日本-😀", null)).isPresent();
    }

    @Test
    void anEtaWhosePromiseDateWouldPassTheLastDateIsRefused() {
        PreorderBook book = book(BookPolicy.builder().promiseBufferDays(7).build());
        assertThatThrownBy(() -> book.upsertSupplyLine(po("L9", SKU, 1, LocalDate.of(9999, 12, 31))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("9999-12-24");
        book.upsertSupplyLine(po("L9", SKU, 1, LocalDate.of(9999, 12, 24)));
        assertThat(book.pool(SKU, null).orElseThrow().onOrder()).isEqualTo(11);
    }

    @Test
    void stockLevelBoundsHoldAtTheExtremes() {
        assertThatThrownBy(() -> new StockLevel(SKU, null, Long.MIN_VALUE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("beyond");
        assertThatThrownBy(() -> new StockLevel(SKU, null, Long.MAX_VALUE)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new StockLevel(SKU, null, -1_000_000_001L)).isInstanceOf(InvalidInputException.class);
        assertThat(new StockLevel(SKU, null, -1_000_000_000L).onlineAtp()).isEqualTo(-1_000_000_000L);
    }
}
