package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PreOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine dropped at any step (no stop, no state file) and a new one started over the same store and feeds
 * converge to the state an uninterrupted run reaches, never sell a unit twice, and write nothing already right.
 */
class CrashRestartTest {
    private static final String[] SKUS = {"RED", "BLUE", "GREEN"};

    @Test
    void aRestartAfterACrashAtAnyStepConverges() {
        for (long seed = 0; seed < 30; seed++) {
            Fixture f = new Fixture();
            SplittableRandom random = new SplittableRandom(seed);
            FaultInjectingStore store = new FaultInjectingStore("shop-a").maxBatch(1);
            Map<String, Long> supply = new HashMap<>();
            for (String sku : SKUS) {
                supply.put(sku, 20L + random.nextInt(30));
                f.supply.add(Fixture.po("L-" + sku, sku, supply.get(sku)));
            }
            PreorderSync first = f.manual(store);
            int crashAt = random.nextInt(12);
            List<PreOrder> shopperOrders = new ArrayList<>();
            for (int step = 0; step < crashAt; step++) {
                first.step();
                String sku = SKUS[random.nextInt(SKUS.length)];
                long qty = 1 + random.nextInt(4);
                // A shopper buys in the store; the OMS imports it into the feed (maybe later than the sale).
                if (store.sell(sku, qty)) {
                    PreOrder order = f.order(sku, qty, "shop-a");
                    shopperOrders.add(order);
                    f.orders.add(order);
                }
            }
            // Crash: the first engine is dropped without stop(); nothing of its memory survives.
            PreorderSync second = f.manual(store);
            int writesBefore = store.writes().size();
            second.runUntilIdle(200);

            long[] sold = new long[SKUS.length];
            for (PreOrder o : shopperOrders) {
                sold[List.of(SKUS).indexOf(o.sku())] += o.quantity();
            }
            for (int i = 0; i < SKUS.length; i++) {
                String sku = SKUS[i];
                long p = supply.get(sku) - sold[i];
                assertThat(sold[i]).as("seed %d: %s never oversold", seed, sku).isLessThanOrEqualTo(supply.get(sku));
                assertThat(store.available(sku)).as("seed %d: %s converged to P", seed, sku).isEqualTo(p);
                assertThat(store.onHand(sku)).as("seed %d: %s on_hand = P + open orders", seed, sku)
                        .isEqualTo(supply.get(sku));
            }
            // The second engine corrects each SKU with at most one write: nothing is applied twice.
            Map<String, Integer> writesPerSku = new HashMap<>();
            store.writes().subList(writesBefore, store.writes().size())
                    .forEach(w -> writesPerSku.merge(w.key(), 1, Integer::sum));
            assertThat(writesPerSku.values()).as("seed %d", seed).allSatisfy(n -> assertThat(n).isEqualTo(1));
            // Publishing everything once more writes nothing at all.
            f.clock.advance(java.time.Duration.ofHours(1));
            int settled = store.writes().size();
            second.runUntilIdle(200);
            assertThat(store.writes()).as("seed %d", seed).hasSize(settled);
        }
    }

    @Test
    void aWriteAppliedWhoseResponseWasLostIsNotAppliedAgain() {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 30));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.settled(store);
        store.loseResponses(true);
        sync.preOrderTaken(f.order("RED", 5, "pos"));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).as("applied although the engine saw a failure").isEqualTo(25);
        assertThat(sync.metrics().retried()).isEqualTo(1);

        store.loseResponses(false);
        store.sell("RED", 2);
        f.clock.advance(java.time.Duration.ofMinutes(1));
        sync.runUntilIdle(100);
        assertThat(store.writesOf("RED")).as("the retry found the store right and wrote nothing").hasSize(2);
        assertThat(store.available("RED")).as("the in-flight sale is not sold again").isEqualTo(23);
        assertThat(f.events(SyncEvent.Published.class)).last()
                .isEqualTo(new SyncEvent.Published("shop-a", "RED", 25, false));
    }
}
