package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PreOrder;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Several stores sharing one PO pool. */
class MultiStoreTest {

    @Test
    void publishedSharesNeverAddUpToMoreThanPUnderRandomChanges() {
        for (long seed = 0; seed < 40; seed++) {
            Fixture f = new Fixture();
            SplittableRandom random = new SplittableRandom(seed);
            FakeStore a = new FakeStore("shop-a");
            FakeStore b = new FakeStore("shop-b");
            FakeStore c = new FakeStore("shop-c");
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
                    String channel = new String[] {"shop-a", "shop-b", "shop-c", "pos"}[random.nextInt(4)];
                    PreOrder order = f.order("RED", 1 + random.nextInt(8), channel);
                    sync.preOrderTaken(order);
                    taken += order.quantity();
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
        FakeStore a = new FakeStore("shop-a");
        FakeStore b = new FakeStore("shop-b");
        f.supply.add(Fixture.po("L1", "RED", 100));
        f.orders.add(f.order("RED", 10, "shop-a"), f.order("RED", 4, "shop-b"), f.order("RED", 6, "pos"));
        PreorderSync sync = f.builder().publisher(a, 1).publisher(b, 1).build();
        sync.startManual();
        sync.runUntilIdle(50);
        // P = 80, split 40/40; on_hand adds each store's own open orders.
        assertThat(a.onHand("RED")).isEqualTo(40 + 10);
        assertThat(b.onHand("RED")).isEqualTo(40 + 4);
        assertThat(a.available("RED") + b.available("RED")).isEqualTo(80);
    }
}
