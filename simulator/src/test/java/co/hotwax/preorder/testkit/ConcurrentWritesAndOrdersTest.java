package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import co.hotwax.preorder.spi.ShopifyPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HTTP deltas and shopper orders interleave on the same level; each is atomic, so nothing is lost: the final
 * available is the start plus every applied delta minus every accepted unit, and DENY never goes below zero.
 */
class ConcurrentWritesAndOrdersTest {
    @Test
    void deltasAndOrdersRacingOnOneLevelLoseNothing() throws Exception {
        long seed = 20260501L;
        SplittableRandom random = new SplittableRandom(seed);
        try (SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
                .plan(ShopifyPlan.ENTERPRISE))) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger sold = new AtomicInteger();
            AtomicInteger added = new AtomicInteger();
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int delta = 1 + random.nextInt(3);
                int writer = w;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        JsonClient.Reply r = f.client.post(SimFixture.ADJUST, vars("key", "w" + writer + "-" + i,
                                "input", vars("name", "available", "reason", "received", "changes", List.of(vars(
                                        "inventoryItemId", f.deny.inventoryItemId(), "locationId", f.warehouse.id(),
                                        "delta", delta, "changeFromQuantity", null)))));
                        if (r.data().path("inventoryAdjustQuantities").path("userErrors").isEmpty()) {
                            added.addAndGet(delta);
                        }
                    }
                    return null;
                }));
            }
            for (int s = 0; s < 3; s++) {
                int quantity = 1 + random.nextInt(2);
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 15; i++) {
                        if (f.sim.orders().placeOrder(f.deny.id(), quantity, f.warehouse.id()).accepted()) {
                            sold.addAndGet(quantity);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : work) {
                w.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(f.available(f.deny)).as("seed %d", seed).isEqualTo(10 + added.get() - sold.get())
                    .isGreaterThanOrEqualTo(0);
            assertThat(f.sim.quantity(f.deny.inventoryItemId(), f.warehouse.id(), "committed")).as("seed %d", seed)
                    .isEqualTo(sold.get());
            assertThat(f.sim.stats().writesApplied()).as("seed %d", seed).isEqualTo(30);
        }
    }
}
