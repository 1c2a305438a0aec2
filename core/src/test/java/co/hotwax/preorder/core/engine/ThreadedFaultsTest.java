package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults with the engine on its own threads and the real clock. Waits are bounded and only for states; no
 * assertion on how fast anything is.
 */
class ThreadedFaultsTest {
    private final List<SyncEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final FaultInjectingFeed.Supply supply = FaultInjectingFeed.supply();
    private final FaultInjectingFeed.Orders orders = FaultInjectingFeed.orders();

    @Test
    void aFeedCallThatBlocksDoesNotHoldBackAnUrgentDecrease() throws Exception {
        supply.add(future("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = builder(store).pollInterval(Duration.ofMillis(20)).build();
        try {
            sync.start();
            awaitState(() -> store.onHand("RED") == 10);
            CountDownLatch feedReleased = new CountDownLatch(1);
            orders.blockReads = feedReleased;
            int before = orders.reads.get();
            awaitState(() -> orders.reads.get() > before);

            sync.preOrderTaken(order("SO-1", "RED", 8));
            awaitState(() -> store.onHand("RED") == 2);

            assertThat(store.onHand("RED")).isEqualTo(2);
            assertThat(feedReleased.getCount()).as("the feed call was still blocked").isEqualTo(1);
            orders.blockReads = null;
            feedReleased.countDown();
        } finally {
            sync.close();
        }
    }

    @Test
    void anErrorInStartLeavesTheEngineFailedAndPushesAreRefused() {
        supply.add(future("L1", "RED", 10));
        supply.snapshotError = new OutOfMemoryError("snapshot too large (test)");
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = builder(store).build();

        assertThatThrownBy(sync::start).isInstanceOf(OutOfMemoryError.class);

        assertThat(sync.state()).isEqualTo(PreorderSync.State.FAILED);
        assertThatThrownBy(() -> sync.preOrderTaken(order("SO-1", "RED", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        assertThat(events).containsExactly(new SyncEvent.EngineFailed(
                "java.lang.OutOfMemoryError: snapshot too large (test)"));
        assertThatCode(sync::close).doesNotThrowAnyException();
        assertThat(sync.state()).isEqualTo(PreorderSync.State.FAILED);
        assertThat(store.publishCalls()).isZero();
    }

    @Test
    void anExceptionInStartLeavesTheEngineStopped() {
        supply.snapshotFailure = new IllegalStateException("database unavailable");
        PreorderSync sync = builder(new FaultInjectingStore("shop-a")).build();

        assertThatThrownBy(sync::start).hasMessageContaining("database unavailable");

        assertThat(sync.state()).isEqualTo(PreorderSync.State.STOPPED);
        assertThatThrownBy(() -> sync.preOrderTaken(order("SO-1", "RED", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    }

    @Test
    void anErrorInTheLoopFailsTheEngineVisiblyAndCloseIsClean() throws Exception {
        supply.add(future("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        AtomicBoolean armed = new AtomicBoolean();
        PreorderSync sync = builder(store).bookListener(event -> {
            if (armed.get()) {
                throw new StackOverflowError("listener recursion (test)");
            }
        }).build();
        sync.start();
        assertThat(sync.state()).isEqualTo(PreorderSync.State.RUNNING);
        awaitState(() -> store.onHand("RED") == 10);

        armed.set(true);
        sync.preOrderTaken(order("SO-1", "RED", 1));
        awaitState(() -> sync.state() == PreorderSync.State.FAILED);

        assertThat(sync.state()).isEqualTo(PreorderSync.State.FAILED);
        assertThat(events).filteredOn(SyncEvent.EngineFailed.class::isInstance)
                .containsExactly(new SyncEvent.EngineFailed("java.lang.StackOverflowError: listener recursion (test)"));
        assertThatThrownBy(() -> sync.preOrderTaken(order("SO-2", "RED", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        assertThatCode(sync::close).doesNotThrowAnyException();
        assertThat(sync.state()).isEqualTo(PreorderSync.State.FAILED);
    }

    @Test
    void stateFollowsTheLifecycle() throws Exception {
        supply.add(future("L1", "RED", 10));
        PreorderSync sync = builder(new FaultInjectingStore("shop-a")).build();
        assertThat(sync.state()).isEqualTo(PreorderSync.State.NEW);
        sync.start();
        assertThat(sync.state()).isEqualTo(PreorderSync.State.RUNNING);
        assertThat(sync.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(sync.state()).isEqualTo(PreorderSync.State.STOPPED);
        sync.close();
    }

    private PreorderSync.Builder builder(FaultInjectingStore store) {
        return PreorderSync.builder().supply(supply).preOrders(orders).publisher(store).listener(events::add)
                .clock(Clock.systemUTC());
    }

    private static PreOrder order(String orderId, String sku, long qty) {
        return PreOrder.open(orderId, "1", sku, qty, Instant.parse("2026-06-01T00:00:00Z"), "pos");
    }

    /** A line due next year: these tests run on the real clock, where a fixed ETA would go stale. */
    private static SupplyLine future(String lineId, String sku, long qty) {
        return SupplyLine.open(lineId, "PO-" + lineId, sku, "WH1", qty, LocalDate.now(Clock.systemUTC()).plusYears(1));
    }

    private static void awaitState(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
