package co.hotwax.preorder.core.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine restarts while one store refuses every write for its setup (a revoked access scope): that store still
 * shows what the previous engine wrote, so the other stores must not be raised into those units (issue 13 item 7,
 * bug C; the simulation's multi-store seed 0).
 */
class RestartWhileAStoreRefusesTest {

    @Test
    void theOtherStoresAreNotRaisedIntoUnitsTheRefusingStoreStillShows() {
        Fixture f = new Fixture();
        FaultInjectingStore a = new FaultInjectingStore("shop-a");
        FaultInjectingStore b = new FaultInjectingStore("shop-b");
        f.supply.add(Fixture.po("L1", "RED", 100));
        PreorderSync first = f.builder().publisher(a, 1).publisher(b, 1).build();
        first.startManual();
        first.runUntilIdle(50);
        assertThat(a.available("RED") + b.available("RED")).isEqualTo(100);

        // The engine crashes; B's app loses a scope; 40 units go to another channel: 60 remain, B still shows 50.
        b.refuseChannel("Required access: `read_locations` access scope.");
        f.orders.add(f.order("RED", 40, "pos"));
        PreorderSync second = f.builder().publisher(a, 1).publisher(b, 1).build();
        a.afterPublish = () -> assertThat(a.available("RED") + b.available("RED"))
                .as("what the stores together sell, after a call to A").isLessThanOrEqualTo(60);
        second.startManual();
        second.runUntilIdle(50);
        f.clock.advance(Duration.ofMinutes(10));
        second.runUntilIdle(50);

        assertThat(b.available("RED")).as("B refused every write").isEqualTo(50);
        assertThat(a.available("RED")).as("A holds what B may still sell: 60 - 50").isLessThanOrEqualTo(10);

        // The scope is granted again: the next reconciliation reaches B, and A gets its share.
        b.refuseChannel(null);
        f.clock.advance(Duration.ofHours(2));
        second.runUntilIdle(100);
        assertThat(b.available("RED")).isEqualTo(30);
        assertThat(a.available("RED")).isEqualTo(30);
    }
}
