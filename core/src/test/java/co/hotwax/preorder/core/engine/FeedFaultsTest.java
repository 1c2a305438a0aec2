package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feeds that fail the way OMS databases and files fail: publishing never waits for them, each failure is reported
 * and retried with back-off, and the book keeps its last good state. Manual mode with a virtual clock.
 */
class FeedFaultsTest {
    private final Fixture f = new Fixture();
    private final FaultInjectingStore store = new FaultInjectingStore("shop-a");

    /** An engine that has published 10 units of RED, the only SKU. */
    private PreorderSync settledWithTenRed() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        return f.settled(store);
    }

    @Test
    void aDecreaseGoesOutWhileEverySnapshotFailsForALongOutage() {
        PreorderSync sync = settledWithTenRed();
        assertThat(store.onHand("RED")).isEqualTo(10);
        // The pre-order feed refuses its checkpoint, and every snapshot then fails: the reload cannot happen.
        f.orders.expired = true;
        f.supply.snapshotFailure = new IllegalStateException("database unavailable");
        f.clock.advance(Duration.ofSeconds(5));
        sync.runUntilIdle(100);

        PreOrder pos = f.order("RED", 8, "pos");
        f.orders.add(pos);
        sync.preOrderTaken(pos);
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).as("the decrease is out in the same iteration, clock not moved")
                .isEqualTo(2);

        runFor(sync, Duration.ofMinutes(10));
        int attempts = f.events(SyncEvent.FeedFailed.class).size();
        // Back-off 1 s doubling to 30 s: about 6 attempts in the first minute, then 2 a minute (a 5 s poll is 120).
        assertThat(attempts).as("reload retried with back-off, not on every step").isBetween(3, 40);
        assertThat(f.events(SyncEvent.FeedFailed.class)).allSatisfy(e -> {
            assertThat(e.feed()).isEqualTo("supply source #1");
            assertThat(e.reason()).contains("database unavailable");
        });
        assertThat(f.events(SyncEvent.FeedFailed.class)).last()
                .satisfies(e -> assertThat(e.attempt()).isEqualTo(attempts));
        assertThat(sync.metrics().feedFailures()).isEqualTo(attempts);
        assertThat(sync.metricsSnapshot().feedFailures()).as("one source of truth for feed failures")
                .isEqualTo(attempts);
        assertThat(sync.metricsSnapshot().failingFeeds()).containsExactly("supply source #1");
        assertThat(sync.health().problems()).extracting(SyncHealth.Problem::kind, SyncHealth.Problem::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SyncHealth.Kind.FEED_FAILING, "supply source #1"));
        assertThat(store.onHand("RED")).as("the book kept its last good state").isEqualTo(2);

        f.supply.snapshotFailure = null;
        f.clock.advanceTo(sync.nextDue());
        sync.runUntilIdle(100);
        assertThat(f.supply.snapshots).as("the reload happened after the outage").isEqualTo(2);
        assertThat(sync.metricsSnapshot().failingFeeds()).isEmpty();
        assertThat(sync.health().healthy()).isTrue();
        assertThat(store.onHand("RED")).isEqualTo(2);
    }

    @Test
    void aFailingChangeReadIsRetriedWithBackoffAndReported() {
        PreorderSync sync = settledWithTenRed();
        f.orders.readFailure = new IllegalStateException("connection reset");
        runFor(sync, Duration.ofMinutes(5));

        int reads = f.orders.reads.get();
        assertThat(reads).as("fewer reads than one per 5 s poll: the back-off grows").isLessThan(60 / 5 * 5);
        assertThat(f.events(SyncEvent.FeedFailed.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.feed()).isEqualTo("pre-order source"));
        assertThat(f.orders.snapshots).as("a failing read is no reason to reload").isEqualTo(1);

        f.orders.readFailure = null;
        PreOrder pos = f.order("RED", 3, "pos");
        f.orders.add(pos);
        runFor(sync, Duration.ofMinutes(2));
        assertThat(store.onHand("RED")).as("the feed's change arrives after it recovers").isEqualTo(7);
    }

    @Test
    void aFeedThatAnswersMoreWithTheSameCheckpointIsStoppedAndReported() {
        PreorderSync sync = settledWithTenRed();
        f.orders.stuck = true;
        runFor(sync, Duration.ofMinutes(1));

        assertThat(f.orders.reads.get()).as("not followed in a loop").isLessThan(20);
        assertThat(f.events(SyncEvent.FeedFailed.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.reason()).contains("same checkpoint"));
        sync.preOrderTaken(f.order("RED", 4, "pos"));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).isEqualTo(6);
    }

    @Test
    void aFeedRejectingARowWithInvalidInputDoesNotReloadOnEveryPoll() {
        PreorderSync sync = settledWithTenRed();
        f.orders.readFailure = new InvalidInputException("pre-order SO-9/1", "quantity is not a number");
        runFor(sync, Duration.ofMinutes(5));

        int reads = f.orders.reads.get();
        assertThat(reads).isPositive();
        assertThat(f.orders.snapshots - 1).as("reloads: at most one per three refusals in a row")
                .isLessThanOrEqualTo(reads / 3);
        assertThat(f.events(SyncEvent.FeedFailed.class)).isNotEmpty();
    }

    @Test
    void aFeedFromBeforeCheckpointExpiredExceptionStillReloads() {
        PreorderSync sync = settledWithTenRed();
        f.orders.add(f.order("RED", 4, "pos"));
        f.orders.legacyExpiry = true;
        f.orders.expired = true;
        runFor(sync, Duration.ofMinutes(2));

        assertThat(f.orders.snapshots).isEqualTo(2);
        assertThat(store.onHand("RED")).isEqualTo(6);
    }

    @Test
    void anErrorFromAFeedInAManualStepFailsTheEngine() {
        PreorderSync sync = settledWithTenRed();
        f.orders.expired = true;
        f.supply.snapshotError = new OutOfMemoryError("snapshot too large (test)");
        f.clock.advance(Duration.ofSeconds(5));

        assertThatThrownBy(sync::step).isInstanceOf(OutOfMemoryError.class);

        assertThat(sync.state()).isEqualTo(PreorderSync.State.FAILED);
        assertThat(sync.metricsSnapshot().state()).isEqualTo("FAILED");
        assertThat(sync.health().status()).as("a failed engine is down").isEqualTo(SyncHealth.Status.DOWN);
        assertThat(sync.health().problems()).extracting(SyncHealth.Problem::kind)
                .containsExactly(SyncHealth.Kind.NOT_RUNNING);
        assertThat(f.events(SyncEvent.EngineFailed.class)).hasSize(1);
        assertThatThrownBy(() -> sync.preOrderTaken(f.order("RED", 1, "pos")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.onHand("RED")).as("the last published state stays").isEqualTo(10);
    }

    /** Moves the virtual clock from one due time to the next for a while, running the engine at each. */
    private void runFor(PreorderSync sync, Duration duration) {
        Instant end = f.clock.instant().plus(duration);
        while (f.clock.instant().isBefore(end)) {
            // At least a millisecond per round, so a due time that stays "now" cannot spin the test.
            Instant due = sync.nextDue();
            Instant floor = f.clock.instant().plusMillis(1);
            f.clock.advanceTo(due.isAfter(end) ? end : due.isBefore(floor) ? floor : due);
            sync.runUntilIdle(100);
        }
    }
}
