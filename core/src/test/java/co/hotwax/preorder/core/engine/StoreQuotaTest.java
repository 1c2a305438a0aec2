package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.ConfigLookup;
import co.hotwax.preorder.spi.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fixed quotas: a store takes at most its part of every shared pool, counting what it has already sold, and the
 * stores without a quota share the rest by weight.
 */
class StoreQuotaTest {
    private final Fixture f = new Fixture();
    private final FaultInjectingStore us = new FaultInjectingStore("shop-us");
    private final FaultInjectingStore eu = new FaultInjectingStore("shop-eu");

    /** A PO of 100 RED shared by the stores the builder has; started and settled. */
    private PreorderSync settled(PreorderSync.Builder builder) {
        f.supply.add(Fixture.po("L1", "RED", 100));
        PreorderSync sync = builder.build();
        sync.startManual();
        sync.runUntilIdle(50);
        return sync;
    }

    @Test
    void aUnitQuotaIsAPartitionTheStoreSellsNoMoreOnceItsOrdersReachIt() {
        PreorderSync sync = settled(f.builder().publisher(us).publisher(eu, Quota.units(40)));
        assertThat(eu.available("RED")).isEqualTo(40);
        assertThat(us.available("RED")).as("the store without a quota gets the rest").isEqualTo(60);

        assertThat(eu.sell("RED", 30)).isTrue();
        sync.preOrderTaken(f.order("RED", 30, "shop-eu"));
        sync.runUntilIdle(50);
        assertThat(eu.available("RED")).as("40 less the 30 it sold").isEqualTo(10);
        assertThat(us.available("RED")).isEqualTo(60);

        // Sold but not imported yet: still counted against EU's quota (its available shows it), not against US.
        assertThat(eu.sell("RED", 10)).isTrue();
        assertThat(eu.sell("RED", 1)).as("the quota is used up").isFalse();
        sync.preOrderTaken(f.order("RED", 10, "shop-eu"));
        sync.runUntilIdle(50);
        assertThat(eu.available("RED")).isZero();
        assertThat(us.available("RED")).isEqualTo(60);
    }

    @Test
    void aPercentageFollowsThePoolWhenThePoIsCut() {
        PreorderSync sync = settled(f.builder().publisher(us, 3).publisher(eu, Quota.percent(25)));
        assertThat(eu.available("RED")).isEqualTo(25);
        assertThat(us.available("RED")).isEqualTo(75);

        sync.supplyChanged(Fixture.po("L1", "RED", 60));
        sync.runUntilIdle(50);
        assertThat(eu.available("RED")).as("25% of 60").isEqualTo(15);
        assertThat(us.available("RED")).isEqualTo(45);
    }

    @Test
    void unitsTheQuotasLeaveOverGoToNoStoreWhenEveryStoreHasOne() {
        PreorderSync sync = settled(f.builder().defaultQuota(Quota.units(30)).publisher(us)
                .publisher(eu, Quota.units(20)));
        assertThat(us.available("RED")).as("the default quota").isEqualTo(30);
        assertThat(eu.available("RED")).as("its own quota wins over the default").isEqualTo(20);

        // P drops below the quotas: split in proportion to what each quota still allows (30:20).
        sync.supplyChanged(Fixture.po("L1", "RED", 25));
        sync.runUntilIdle(50);
        assertThat(us.available("RED")).isEqualTo(15);
        assertThat(eu.available("RED")).isEqualTo(10);
    }

    @Test
    void aStoreAloneWithAQuotaIsCappedAtIt() {
        settled(f.builder().publisher(us, Quota.fraction(1, 3)));
        assertThat(us.available("RED")).isEqualTo(33);
    }

    @Test
    void quotaFractionsAboveTheWholePoolAreRefusedNamingTheStoresAndTheirValues() {
        f.supply.add(Fixture.po("L1", "RED", 100));
        assertThatThrownBy(() -> f.builder().publisher(new FaultInjectingStore("shop-us"), Quota.percent(60))
                .publisher(new FaultInjectingStore("shop-eu"), Quota.fraction(1, 2)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop-us 60%").hasMessageContaining("shop-eu 1/2")
                .hasMessageContaining("more than the whole pool");
        assertThatThrownBy(() -> f.builder().defaultQuota(Quota.percent(40)).publisher(new FaultInjectingStore("a"))
                .publisher(new FaultInjectingStore("b")).publisher(new FaultInjectingStore("c")).build())
                .hasMessageContaining("a 40%, b 40%, c 40%");
        assertThatThrownBy(() -> f.builder().defaultQuota(Quota.units(5)).publisher(new FaultInjectingStore("shop-us"), 3)
                .build()).hasMessageContaining("shop-us has weight 3").hasMessageContaining("default quota (5 units)");
        assertThatThrownBy(() -> f.builder().publisher(new FaultInjectingStore("shop-us"), (Quota) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("shop-us");
        assertThatThrownBy(() -> Quota.units(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> Quota.percent(101)).hasMessageContaining("101");
        assertThatThrownBy(() -> Quota.fraction(4, 3)).hasMessageContaining("4/3");
    }

    @Test
    void quotasComeFromSettingsWithTheirKeyNamedWhenInvalid() {
        PreorderSyncConfig.StoreFactory factory = (id, keys) -> new FaultInjectingStore(keys.requiredString("shop"));
        Map<String, String> settings = Map.of("p.stores", "us,eu,ca", "p.store.us.shop", "us",
                "p.store.eu.shop", "eu", "p.store.eu.quota", "25%", "p.store.ca.shop", "ca",
                "p.store.ca.quota", "1/5", "p.engine.default-quota", "40");
        PreorderSyncConfig config = PreorderSyncConfig.from(ConfigLookup.of(settings), "p.", factory);
        assertThat(config.stores()).extracting(PreorderSyncConfig.Store::quota)
                .containsExactly(null, Quota.percent(25), Quota.fraction(1, 5));

        settled(config.applyTo(f.builder()));
        assertThat(((FaultInjectingStore) config.stores().get(0).publisher()).available("RED")).as("the default quota of 40 units").isEqualTo(40);
        assertThat(((FaultInjectingStore) config.stores().get(1).publisher()).available("RED")).isEqualTo(25);
        assertThat(((FaultInjectingStore) config.stores().get(2).publisher()).available("RED")).isEqualTo(20);

        assertRejected(Map.of("p.stores", "eu", "p.store.eu.shop", "eu", "p.store.eu.quota", "lots"),
                "p.store.eu.quota", "'lots'");
        assertRejected(Map.of("p.stores", "eu", "p.store.eu.shop", "eu", "p.store.eu.quota", "150%"),
                "p.store.eu.quota", "150");
        assertRejected(Map.of("p.stores", "eu", "p.store.eu.shop", "eu", "p.store.eu.quota", "-5"),
                "p.store.eu.quota", "-5");
        assertRejected(Map.of("p.stores", "eu", "p.store.eu.shop", "eu", "p.store.eu.quota", "10",
                "p.store.eu.weight", "2"), "p.store.eu.quota", "store eu has both a weight (2) and a quota (10 units)");
        assertRejected(Map.of("p.stores", "eu", "p.store.eu.shop", "eu", "p.store.eu.weight", "2",
                "p.engine.default-quota", "10%"), "p.store.eu.weight", "store eu has a weight (2), but");
        assertRejected(Map.of("p.stores", "eu", "p.store.eu.shop", "eu", "p.engine.default-quota", "2/0"),
                "p.engine.default-quota", "denominator");
    }

    private static void assertRejected(Map<String, String> values, String key, String reason) {
        PreorderSyncConfig.StoreFactory factory = (id, keys) -> new FaultInjectingStore(keys.requiredString("shop"));
        assertThatThrownBy(() -> PreorderSyncConfig.from(ConfigLookup.of(values), "p.", factory))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).item()).isEqualTo(key))
                .hasMessageContaining(reason);
    }
}
