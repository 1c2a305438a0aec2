package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import static co.hotwax.preorder.core.Fixtures.JUN_01;
import static co.hotwax.preorder.core.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild whose per-pool work runs on an injected executor gives exactly the single-threaded result. */
class RebuildExecutorTest {
    private static final long SEED = 42;
    private static final int SKUS = 6_000;

    private final List<SupplyLine> lines = new ArrayList<>();
    private final List<PreOrder> orders = new ArrayList<>();
    private final List<String> orderKeys = new ArrayList<>();

    RebuildExecutorTest() {
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int s = 0; s < SKUS; s++) {
            String sku = "SKU-" + s;
            for (int l = 0; l < 2; l++) {
                SupplyStatus status = rng.nextInt(8) == 0 ? SupplyStatus.CLOSED : SupplyStatus.OPEN;
                lines.add(new SupplyLine(sku + "/L" + l, "PO" + l, sku, "WH", rng.nextInt(10), 0, 0,
                        JUN_01.plusDays(rng.nextInt(-40, 60)), status, 0));
            }
            for (int o = 0; o < 3; o++) {
                PreOrderStatus status = rng.nextInt(6) == 0 ? PreOrderStatus.RELEASED : PreOrderStatus.OPEN;
                PreOrder p = new PreOrder(sku + "-O" + o, "1", sku, 1 + rng.nextInt(5),
                        NOW.minusSeconds(rng.nextInt(10_000)), "shop", status,
                        rng.nextInt(5) == 0 ? sku + "/L1" : null, null);
                orders.add(p);
                orderKeys.add(p.key());
            }
        }
    }

    @Test
    void parallelRebuildEqualsSingleThreadedRebuild() {
        Fixtures.EventLog serialLog = new Fixtures.EventLog();
        PreorderBook serial = PreorderBook.builder().clock(new VirtualClock(NOW)).listener(serialLog)
                .build();
        serial.rebuild(lines, orders, List.of());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Fixtures.EventLog parallelLog = new Fixtures.EventLog();
            PreorderBook parallel = PreorderBook.builder().clock(new VirtualClock(NOW))
                    .listener(parallelLog).rebuildExecutor(pool).build();
            parallel.rebuild(lines, orders, List.of());
            assertThat(parallel.poolCount()).as("seed %s", SEED).isEqualTo(SKUS);
            assertThat(IncrementalEqualsRecomputeTest.snapshot(parallel, orderKeys)).as("seed %s", SEED)
                    .isEqualTo(IncrementalEqualsRecomputeTest.snapshot(serial, orderKeys));
            assertThat(parallelLog.events).as("seed %s", SEED).isEqualTo(serialLog.events);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingExecutorLeavesTheBookUnchanged() {
        PreorderBook book = PreorderBook.builder().clock(new VirtualClock(NOW))
                .rebuildExecutor(task -> {
                    throw new RejectedExecutionException("full");
                }).build();
        book.upsertSupplyLine(Fixtures.po("X", "ONE", 5, JUN_01));
        assertThatThrownBy(() -> book.rebuild(lines, orders, List.of()))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(book.poolKeys()).containsExactly(new PoolKey("ONE", null));
        assertThat(book.pool("ONE", null).orElseThrow().preorderable()).isEqualTo(5);
    }
}
