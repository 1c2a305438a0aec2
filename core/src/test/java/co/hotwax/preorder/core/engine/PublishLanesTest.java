package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PublishOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up, coalescing, lanes and outcomes, driven step by step on a virtual clock. */
class PublishLanesTest {
    private final Fixture f = new Fixture();

    @Test
    void startLoadsSnapshotsAndPublishesEveryPool() {
        f.supply.add(Fixture.po("L1", "RED", 100), Fixture.po("L2", "BLUE", 10));
        f.orders.add(f.order("RED", 30, "shop-a"));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.settled(store);

        // on_hand = P + this channel's open orders: the 30 ordered units stay committed in Shopify.
        assertThat(store.onHand("RED")).isEqualTo(70 + 30);
        assertThat(store.onHand("BLUE")).isEqualTo(10);
        assertThat(store.listed("RED")).isTrue();
        assertThat(store.promiseDate("RED")).isEqualTo(Fixture.ETA);
        assertThat(f.events(SyncEvent.ResyncCompleted.class)).containsExactly(new SyncEvent.ResyncCompleted(2));
        assertThat(sync.metrics().published()).isEqualTo(2);
        assertThat(sync.metrics().pendingPools()).isZero();
        assertThat(sync.metrics().lagMillis()).isZero();
        assertThat(sync.metrics().resyncsCompleted()).isEqualTo(1);
    }

    @Test
    void manyChangesOfOneSkuCoalesceIntoFewWrites() {
        f.supply.add(Fixture.po("L1", "RED", 500));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.settled(store);
        int before = store.writes().size();

        for (int i = 0; i < 100; i++) {
            sync.preOrderTaken(f.order("RED", 2, "pos"));
        }
        sync.runUntilIdle(100);

        assertThat(store.writes().size() - before).isEqualTo(1);
        assertThat(store.onHand("RED")).isEqualTo(300);
        assertThat(store.available("RED")).isEqualTo(300);
    }

    @Test
    void decreasesGoAheadOfIncreasesQueuedBeforeThem() {
        f.supply.add(Fixture.po("U1", "UP1", 10), Fixture.po("U2", "UP2", 10), Fixture.po("D1", "DOWN", 50));
        FaultInjectingStore store = new FaultInjectingStore("shop-a").maxBatch(1);
        PreorderSync sync = f.settled(store);
        int seen = store.batches().size();

        sync.supplyChanged(Fixture.po("U1", "UP1", 20));
        sync.supplyChanged(Fixture.po("U2", "UP2", 20));
        sync.preOrderTaken(f.order("DOWN", 5, "pos"));
        sync.runUntilIdle(100);

        List<List<String>> batches = store.batches().subList(seen, store.batches().size());
        assertThat(batches).containsExactly(List.of("DOWN"), List.of("UP1"), List.of("UP2"));
        assertThat(store.onHand("DOWN")).isEqualTo(45);
    }

    @Test
    void increasesRideAlongInAnUrgentBatchWithRoomSoAStreamOfOrdersCannotStarveThem() {
        f.supply.add(Fixture.po("U1", "UP1", 10), Fixture.po("D1", "DOWN", 500));
        FaultInjectingStore store = new FaultInjectingStore("shop-a").maxBatch(10);
        PreorderSync sync = f.settled(store);
        int seen = store.batches().size();

        sync.supplyChanged(Fixture.po("U1", "UP1", 20));
        // Orders keep coming: before every step there is urgent work again.
        for (int i = 0; i < 3; i++) {
            sync.preOrderTaken(f.order("DOWN", 1, "pos"));
            sync.step();
        }

        List<List<String>> batches = store.batches().subList(seen, store.batches().size());
        assertThat(batches).first().isEqualTo(List.of("DOWN", "UP1"));
        assertThat(batches).hasSize(3);
        assertThat(store.onHand("UP1")).isEqualTo(20);
        assertThat(store.onHand("DOWN")).isEqualTo(497);
    }

    @Test
    void retriesWithBackoffOnTheClockNotInABusyLoop() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        store.fail("RED", PublishOutcome.Status.RETRY);
        PreorderSync sync = f.settled(store);

        assertThat(store.attempts("RED")).as("one attempt, then wait for the backoff").isEqualTo(1);
        assertThat(sync.metrics().retried()).isEqualTo(1);
        assertThat(sync.metrics().pendingPools()).isEqualTo(1);
        assertThat(sync.nextDue()).isAfter(Fixture.T0).isBeforeOrEqualTo(Fixture.T0.plusSeconds(1));

        f.clock.advanceTo(sync.nextDue());
        sync.runUntilIdle(100);
        assertThat(store.attempts("RED")).isEqualTo(2);
        assertThat(f.events(SyncEvent.Retrying.class)).extracting(SyncEvent.Retrying::attempt).containsExactly(1, 2);
        assertThat(sync.metrics().lagMillis()).isEqualTo(Duration.between(Fixture.T0, f.clock.instant()).toMillis());

        store.heal("RED");
        f.clock.advance(Duration.ofSeconds(30));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).isEqualTo(10);
        assertThat(sync.metrics().pendingPools()).isZero();
        assertThat(sync.metrics().lagMillis()).isZero();
    }

    @Test
    void aRetryWithARetryAfterIsSentAgainThenNotByTheDoublingBackoff() {
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = redDeferred(store, Duration.ofSeconds(4));

        // Deferred five times in a row: each time sent again exactly 4 s after the answer. A doubling back-off
        // from 1 s would have waited 0.5-1, 1-2, 2-4, 4-8 and 8-16 s by the fifth.
        for (int i = 1; i <= 5; i++) {
            assertThat(store.attempts("RED")).isEqualTo(i);
            assertThat(sync.nextDue()).isEqualTo(f.clock.instant().plusSeconds(4));
            f.clock.advance(Duration.ofMillis(3_999));
            sync.runUntilIdle(100);
            assertThat(store.attempts("RED")).as("not before the time the publisher gave").isEqualTo(i);
            f.clock.advance(Duration.ofMillis(1));
            sync.runUntilIdle(100);
        }
        assertThat(sync.metrics().retried()).as("each deferral is a retry in the counters").isEqualTo(6);
        assertThat(sync.health().healthy()).as("a channel deferring on purpose is not unreachable").isTrue();

        // The deferrals did not count as failed attempts: a plain failure now gets the first back-off (0.5-1 s),
        // not the sixth (16-30 s).
        store.fail("RED", PublishOutcome.Status.RETRY);
        f.clock.advanceTo(sync.nextDue());
        sync.runUntilIdle(100);
        assertThat(Duration.between(f.clock.instant(), sync.nextDue())).isBetween(Duration.ofMillis(500),
                Duration.ofSeconds(1));
        assertThat(f.events(SyncEvent.Retrying.class)).extracting(SyncEvent.Retrying::attempt)
                .containsExactly(1, 1, 1, 1, 1, 1, 1);

        healedRedIsPublished(store, sync);
    }

    @Test
    void aRetryAfterLongerThanTheLongestBackoffIsCappedAtIt() {
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = redDeferred(store, Duration.ofHours(2));

        assertThat(sync.nextDue()).as("the fixture's longest back-off").isEqualTo(f.clock.instant().plusSeconds(30));
        healedRedIsPublished(store, sync);
    }

    /**
     * RED, answered RETRY with the retry-after by the store, settled with feed polls far apart, so
     * {@code nextDue()} is the end of a retry wait.
     */
    private PreorderSync redDeferred(FaultInjectingStore store, Duration after) {
        f.supply.add(Fixture.po("L1", "RED", 10));
        store.deferFor("RED", after);
        PreorderSync sync = f.builder(store).pollInterval(Duration.ofMinutes(10)).build();
        sync.startManual();
        sync.runUntilIdle(100);
        return sync;
    }

    /** The store applies RED again: the state still queued is published when its wait ends, never lost. */
    private void healedRedIsPublished(FaultInjectingStore store, PreorderSync sync) {
        store.heal("RED");
        f.clock.advanceTo(sync.nextDue());
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).as("never lost").isEqualTo(10);
        assertThat(sync.metrics().pendingPools()).isZero();
    }

    @Test
    void aRejectedStateIsNotRetriedUntilThePoolChanges() {
        f.supply.add(Fixture.po("L1", "RED", 10), Fixture.po("L2", "BLUE", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        store.fail("RED", PublishOutcome.Status.REJECTED);
        PreorderSync sync = f.settled(store);
        f.clock.advance(Duration.ofMinutes(10));
        sync.runUntilIdle(100);

        assertThat(store.attempts("RED")).isEqualTo(1);
        assertThat(store.onHand("BLUE")).as("the other SKU goes on").isEqualTo(10);
        assertThat(f.events(SyncEvent.Rejected.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("no variant has SKU RED"));
        assertThat(sync.metrics().rejected()).isEqualTo(1);

        store.heal("RED");
        sync.supplyChanged(Fixture.po("L1", "RED", 12));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).isEqualTo(12);
    }

    @Test
    void aThrowingPublisherGetsEveryItemRetried() {
        f.supply.add(Fixture.po("L1", "RED", 10), Fixture.po("L2", "BLUE", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        store.throwing(true);
        PreorderSync sync = f.settled(store);
        assertThat(sync.metrics().retried()).isEqualTo(2);
        assertThat(f.events(SyncEvent.Retrying.class)).allSatisfy(r -> assertThat(r.reason()).contains("is down"));

        store.throwing(false);
        f.clock.advance(Duration.ofMinutes(1));
        sync.runUntilIdle(100);
        assertThat(store.onHandByKey()).containsEntry("RED", 10L).containsEntry("BLUE", 10L);
    }

    @Test
    void perFacilityPoolsArePublishedUnderTheirFacility() {
        f.supply.add(Fixture.po("L1", "RED", 10),
                co.hotwax.preorder.spi.SupplyLine.open("L2", "PO-2", "RED", "WH2", 7, Fixture.ETA));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.builder(store).policy(Fixture.perFacility()).build();
        sync.startManual();
        sync.runUntilIdle(100);
        assertThat(store.onHandByKey()).containsOnly(
                org.assertj.core.api.Assertions.entry("RED@WH1", 10L),
                org.assertj.core.api.Assertions.entry("RED@WH2", 7L));
    }

    @Test
    void bookRejectionsAreReportedAndTheRestGoesOn() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.manual(store);
        sync.preOrderCancelled("SO-404", "1");
        sync.preOrderTaken(f.order("RED", 4, "pos"));
        sync.runUntilIdle(100);

        assertThat(f.events(SyncEvent.InputRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.item()).contains("SO-404"));
        assertThat(store.onHand("RED")).isEqualTo(6);
    }

    @Test
    void aLineIdUsedByTwoSupplySourcesIsReportedNotGuessed() {
        FaultInjectingFeed.Supply second = FaultInjectingFeed.supply();
        f.supply.add(Fixture.po("L1", "RED", 10));
        second.add(Fixture.po("L1", "RED", 99), Fixture.po("L2", "BLUE", 5));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.builder(store).supply(second).build();
        sync.startManual();
        sync.runUntilIdle(100);

        assertThat(store.onHand("RED")).isEqualTo(10);
        assertThat(store.onHand("BLUE")).isEqualTo(5);
        assertThat(f.events(SyncEvent.InputRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("also comes from supply source #1"));
    }

    @Test
    void feedChangesArePolledWhenDue() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.settled(store);
        f.orders.add(f.order("RED", 3, "shop-a"));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).as("not polled before the interval").isEqualTo(10);

        f.clock.advance(Duration.ofSeconds(5));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).as("P 7 + 3 open orders of this channel").isEqualTo(10);
        assertThat(store.writesOf("RED")).hasSize(1);
        f.orders.add(f.order("RED", 2, "pos"));
        f.clock.advance(Duration.ofSeconds(5));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).isEqualTo(5 + 3);
    }
}
