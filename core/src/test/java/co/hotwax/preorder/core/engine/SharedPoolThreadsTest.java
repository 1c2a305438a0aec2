package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case on real threads: two stores share one PO of 100 units, shoppers buy in both at once, each order
 * reaches the OMS after a random import lag, and the engine runs its own loop thread. Together the stores never sell
 * more than 100, and once every order is imported they have sold all of it (the shares were rebalanced).
 */
class SharedPoolThreadsTest {
    private static final int RUNS = 12;
    private static final long UNITS = 100;

    @Test
    void twoStoresSharingOnePoNeverSellMoreThanItHolds() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            assertThat(oneRun(run)).as("run %d: units sold of %d", run, UNITS).isEqualTo(UNITS);
        }
    }

    private long oneRun(int run) throws Exception {
        FaultInjectingStore a = new FaultInjectingStore("shop-a");
        FaultInjectingStore b = new FaultInjectingStore("shop-b");
        FaultInjectingFeed.Supply supply = FaultInjectingFeed.supply();
        supply.add(SupplyLine.open("L1", "PO-1", "RED", "WH1", UNITS, LocalDate.now().plusYears(1)));
        PreorderSync sync = PreorderSync.builder().supply(supply).publisher(a, 1 + run % 2).publisher(b, 1)
                .pollInterval(Duration.ofMillis(50)).build();
        AtomicLong sold = new AtomicLong();
        AtomicInteger orderSeq = new AtomicInteger();
        ScheduledExecutorService oms = Executors.newScheduledThreadPool(2);
        List<Thread> shoppers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        sync.start();
        try {
            for (int s = 0; s < 4; s++) {
                FaultInjectingStore store = s % 2 == 0 ? a : b;
                SplittableRandom random = new SplittableRandom(run * 31L + s);
                Thread shopper = new Thread(() -> {
                    while (sold.get() < UNITS && System.nanoTime() < deadline) {
                        long qty = 1 + random.nextInt(3);
                        if (store.sell("RED", qty)) {
                            sold.addAndGet(qty);
                            PreOrder order = PreOrder.open("SO-" + orderSeq.incrementAndGet(), "1", "RED", qty,
                                    Instant.now(), store.channelId());
                            // The OMS imports the order 0-300 ms later, as in the harness.
                            oms.schedule(() -> sync.preOrderTaken(order), random.nextInt(300), TimeUnit.MILLISECONDS);
                        } else {
                            Thread.onSpinWait();
                            Thread.yield();
                        }
                    }
                }, "shopper-" + run + "-" + s);
                shoppers.add(shopper);
                shopper.start();
            }
            for (Thread shopper : shoppers) {
                shopper.join();
            }
        } finally {
            oms.shutdown();
            oms.awaitTermination(5, TimeUnit.SECONDS);
            sync.close();
        }
        long inStores = a.committed("RED") + b.committed("RED");
        assertThat(inStores).as("run %d: units the stores accepted", run).isLessThanOrEqualTo(UNITS);
        return inStores;
    }
}
