package co.hotwax.preorder.core.engine;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on its own loop thread, with real threads and the real clock; assertions on state, not timing. */
class ThreadedModeTest {

    @Test
    void omsCallsFromManyThreadsAreAllApplied() throws Exception {
        FaultInjectingFeed.Supply supply = FaultInjectingFeed.supply();
        supply.add(future("L1", "RED", 10_000));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = PreorderSync.builder().supply(supply).publisher(store).build();
        sync.start();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        sync.preOrderTaken(co.hotwax.preorder.spi.PreOrder.open("T" + thread + "-" + i, "1", "RED",
                                2, Instant.parse("2026-06-01T00:00:00Z").plusMillis(i), "pos"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            awaitState(() -> store.onHand("RED") == 2_000 && sync.metrics().pendingPools() == 0);
            assertThat(store.onHand("RED")).isEqualTo(10_000 - 4 * 1000 * 2);
        } finally {
            pool.shutdownNow();
            sync.close();
        }
    }

    @Test
    void theCallsOfOneStepToSeveralStoresRunAtOnce() throws Exception {
        FaultInjectingFeed.Supply supply = FaultInjectingFeed.supply();
        supply.add(future("L1", "RED", 10));
        FaultInjectingStore a = new FaultInjectingStore("shop-a");
        FaultInjectingStore b = new FaultInjectingStore("shop-b");
        CountDownLatch release = new CountDownLatch(1);
        a.entered = new CountDownLatch(1);
        b.entered = new CountDownLatch(1);
        a.release = release;
        b.release = release;
        PreorderSync sync = PreorderSync.builder().supply(supply).publisher(a).publisher(b).build();
        try {
            sync.start();
            // Both calls are in flight together: one after the other, shop-b's would wait for shop-a's release.
            assertThat(a.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(b.entered.await(10, TimeUnit.SECONDS)).as("shop-b called while shop-a's call is open").isTrue();
            release.countDown();
            awaitState(() -> a.available("RED") + b.available("RED") == 10 && sync.metrics().pendingPools() == 0);
            assertThat(a.available("RED")).isEqualTo(5);
            assertThat(b.available("RED")).isEqualTo(5);
        } finally {
            release.countDown();
            sync.close();
        }
    }

    @Test
    void aGracefulStopFinishesTheBatchInFlight() throws Exception {
        FaultInjectingFeed.Supply supply = FaultInjectingFeed.supply();
        supply.add(future("L1", "RED", 10), future("L2", "BLUE", 20));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        store.entered = new CountDownLatch(1);
        store.release = new CountDownLatch(1);
        ExecutorService loop = Executors.newSingleThreadExecutor();
        PreorderSync sync = PreorderSync.builder().supply(supply).publisher(store).executor(loop)
                .clock(Clock.systemUTC()).build();
        sync.start();
        assertThat(store.entered.await(30, TimeUnit.SECONDS)).isTrue();

        ExecutorService stopper = Executors.newSingleThreadExecutor();
        Future<Boolean> stopped = stopper.submit(() -> sync.stop(Duration.ofSeconds(30)));
        store.entered = null;
        store.release.countDown();
        assertThat(stopped.get(30, TimeUnit.SECONDS)).isTrue();

        assertThat(store.onHand("RED")).as("the batch in flight was finished").isEqualTo(10);
        assertThat(store.onHand("BLUE")).isEqualTo(20);
        int calls = store.publishCalls();
        sync.close();
        assertThat(store.publishCalls()).as("nothing published after stop").isEqualTo(calls);
        stopper.shutdownNow();
        loop.shutdownNow();
    }

    /** A line due next year: these tests run on the real clock, where a fixed ETA would go stale. */
    private static co.hotwax.preorder.spi.SupplyLine future(String lineId, String sku, long qty) {
        return co.hotwax.preorder.spi.SupplyLine.open(lineId, "PO-" + lineId, sku, "WH1", qty,
                java.time.LocalDate.now(Clock.systemUTC()).plusYears(1));
    }

    private static void awaitState(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
