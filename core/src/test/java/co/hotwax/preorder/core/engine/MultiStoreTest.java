package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PreOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Several stores sharing one PO pool. */
class MultiStoreTest {

    @Test
    void publishedSharesNeverAddUpToMoreThanPUnderRandomChanges() {
        for (long seed = 0; seed < 40; seed++) {
            Fixture f = new Fixture();
            SplittableRandom random = new SplittableRandom(seed);
            FaultInjectingStore a = new FaultInjectingStore("shop-a");
            FaultInjectingStore b = new FaultInjectingStore("shop-b");
            FaultInjectingStore c = new FaultInjectingStore("shop-c");
            FaultInjectingStore[] stores = {a, b, c};
            long ordered = 50 + random.nextInt(200);
            f.supply.add(Fixture.po("L1", "RED", ordered));
            PreorderSync sync = f.builder().publisher(a, 3).publisher(b, 2).publisher(c, 1).build();
            sync.startManual();
            sync.runUntilIdle(50);
            long taken = 0;
            for (int i = 0; i < 30; i++) {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    ordered = Math.max(0, ordered + random.nextInt(-40, 41));
                    sync.supplyChanged(Fixture.po("L1", "RED", ordered));
                } else {
                    int store = random.nextInt(4);
                    PreOrder order = f.order("RED", 1 + random.nextInt(8), store == 3 ? "pos" : stores[store].channelId());
                    // A store sale happens in the store first (refused when short), then reaches the OMS.
                    if (store == 3 || stores[store].sell("RED", order.quantity())) {
                        sync.preOrderTaken(order);
                        taken += order.quantity();
                    }
                }
                sync.runUntilIdle(50);
                long p = Math.max(0, ordered - taken);
                long sum = a.available("RED") + b.available("RED") + c.available("RED");
                assertThat(sum).as("seed %d step %d", seed, i).isLessThanOrEqualTo(p);
                assertThat(sum).as("seed %d step %d: the whole P is shared out", seed, i).isEqualTo(p);
            }
        }
    }

    @Test
    void eachStoreCarriesItsOwnOpenOrders() {
        Fixture f = new Fixture();
        FaultInjectingStore a = new FaultInjectingStore("shop-a");
        FaultInjectingStore b = new FaultInjectingStore("shop-b");
        f.supply.add(Fixture.po("L1", "RED", 100));
        f.orders.add(f.order("RED", 10, "shop-a"), f.order("RED", 4, "shop-b"), f.order("RED", 6, "pos"));
        PreorderSync sync = f.builder().publisher(a, 1).publisher(b, 1).build();
        sync.startManual();
        sync.runUntilIdle(50);
        // P = 80, split 40/40; on_hand adds each store's own open orders.
        assertThat(a.onHand("RED")).isEqualTo(40 + 10);
        assertThat(b.onHand("RED")).isEqualTo(40 + 4);
    }

    @Test
    void urgentWorkOfEveryStoreGoesBeforeAnyNormalWork() {
        Fixture f = new Fixture();
        FaultInjectingStore a = new FaultInjectingStore("shop-a").maxBatch(1);
        FaultInjectingStore b = new FaultInjectingStore("shop-b").maxBatch(1);
        f.supply.add(Fixture.po("X1", "X", 11), Fixture.po("Y1", "Y", 10));
        PreorderSync sync = f.builder(a, b).build();
        sync.startManual();
        sync.runUntilIdle(50);
        int seenA = a.publishCalls();
        int seenB = b.publishCalls();

        // X: P 11 -> 10 moves shares (6,5) -> (5,5): urgent for shop-a only. Y: P 10 -> 12, (5,5) -> (6,6): normal.
        List<String> calls = new ArrayList<>();
        a.afterPublish = () -> calls.add("shop-a " + a.batches().get(a.publishCalls() - 1));
        b.afterPublish = () -> calls.add("shop-b " + b.batches().get(b.publishCalls() - 1));
        sync.supplyChanged(Fixture.po("Y1", "Y", 12));
        sync.preOrderTaken(f.order("X", 1, "pos"));
        sync.step();
        // In the step, shop-a's decrease goes out before either store's increase, and the increases follow in the
        // same step rather than waiting for a step with no decrease anywhere (a stream of sales never gives one).
        assertThat(calls).as("shop-b's increase waits for shop-a's decrease")
                .containsExactly("shop-a [X]", "shop-a [Y]", "shop-b [Y]");
        assertThat(a.publishCalls() - seenA + b.publishCalls() - seenB).isEqualTo(3);

        sync.runUntilIdle(50);
        assertThat(a.available("X") + b.available("X")).isEqualTo(10);
        assertThat(a.available("Y") + b.available("Y")).isEqualTo(12);
    }
}
