package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.examples.simulation.ScenarioEvent.EngineCrash;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.LocationChange;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.OtherChannelOrder;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.PosSale;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.ScopeChange;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.ShopperAttempt;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.SupplyChange;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioGeneratorTest {

    @Test
    void sameSeedGivesTheSameScenarioAndAnotherSeedAnotherOne() {
        ScenarioShape shape = ScenarioShape.ci();
        Scenario a = new ScenarioGenerator(7, shape).generate();
        Scenario b = new ScenarioGenerator(7, shape).generate();
        Scenario c = new ScenarioGenerator(8, shape).generate();
        assertThat(a).isEqualTo(b);
        assertThat(c.events()).isNotEqualTo(a.events());
    }

    @Test
    void scenarioHasTheShapesCountsInTimeOrderWithinItsSpan() {
        ScenarioShape shape = ScenarioShape.ci();
        for (long seed = 0; seed < 50; seed++) {
            Scenario s = new ScenarioGenerator(seed, shape).generate();
            assertThat(s.skus()).as("seed %d", seed).hasSize(shape.skuCount());
            assertThat(s.count(ShopperAttempt.class)).as("seed %d", seed).isEqualTo(shape.shopperAttempts());
            assertThat(s.count(OtherChannelOrder.class)).as("seed %d", seed)
                    .isEqualTo(shape.otherChannelOrders());
            assertThat(s.count(SupplyChange.class)).as("seed %d", seed).isEqualTo(shape.supplyEvents());
            assertThat(s.count(EngineCrash.class)).as("seed %d", seed).isEqualTo(shape.engineCrashes());
            for (int i = 1; i < s.events().size(); i++) {
                assertThat(s.events().get(i).at()).as("seed %d event %d", seed, i)
                        .isAfterOrEqualTo(s.events().get(i - 1).at());
            }
            assertThat(s.initialSupply()).as("seed %d", seed).isNotEmpty()
                    .allSatisfy(l -> assertThat(s.skus()).contains(l.sku()));
        }
    }

    @Test
    void aMultiStoreShapeGivesTwoToFourStoresWithTheirOwnLagsAndShoppersInEach() {
        ScenarioShape shape = ScenarioShape.multiStore();
        Set<Integer> counts = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Scenario s = new ScenarioGenerator(seed, shape).generate();
            counts.add(s.stores().size());
            assertThat(s.stores()).as("seed %d", seed).allSatisfy(store -> {
                assertThat(store.weight()).isBetween(1, 3);
                assertThat(store.maxImportLag()).isBetween(shape.minImportLag(), shape.maxImportLag());
            });
            for (ScenarioEvent e : s.events()) {
                if (e instanceof ShopperAttempt a) {
                    assertThat(a.importLag()).as("seed %d", seed)
                            .isLessThanOrEqualTo(s.stores().get(a.store()).maxImportLag());
                }
            }
            assertThat(s.events().stream().filter(ShopperAttempt.class::isInstance)
                    .map(e -> ((ShopperAttempt) e).store()).distinct().count())
                    .as("seed %d: every store has shoppers", seed).isEqualTo(s.stores().size());
        }
        assertThat(counts).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(new ScenarioGenerator(3, ScenarioShape.ci()).generate().stores())
                .singleElement().satisfies(store -> {
                    assertThat(store.shopDomain()).isEqualTo(StoreSpec.DEFAULT_DOMAIN);
                    assertThat(store.weight()).isEqualTo(1);
                });
    }

    @Test
    void overManySeedsEveryKindOfPoEventOccurs() {
        Set<SupplyChange.Kind> seen = EnumSet.noneOf(SupplyChange.Kind.class);
        Set<String> otherChannels = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            for (ScenarioEvent e : new ScenarioGenerator(seed, ScenarioShape.ci()).generate().events()) {
                if (e instanceof SupplyChange c) {
                    seen.add(c.kind());
                } else if (e instanceof OtherChannelOrder o) {
                    otherChannels.add(o.channel());
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(SupplyChange.Kind.values());
        assertThat(otherChannels).containsExactlyInAnyOrder("pos", "b2b");
    }

    @Test
    void everyStoreIsAMultiLocationStoreWithMixedCartsPosSalesSettingChangesAndOneScopeRevokedThenGranted() {
        Set<Integer> locationCounts = new HashSet<>();
        Set<String> scopes = new HashSet<>();
        long mixed = 0;
        for (ScenarioShape shape : List.of(ScenarioShape.ci(), ScenarioShape.multiStore())) {
            for (long seed = 0; seed < 40; seed++) {
                Scenario s = new ScenarioGenerator(seed, shape).generate();
                for (StoreSpec store : s.stores()) {
                    StoreLayout layout = store.layout();
                    locationCounts.add(layout.locations().size());
                    assertThat(layout.locations()).as("seed %d", seed).hasSizeBetween(1, 3)
                            .anyMatch(StoreLayout.PhysicalLocation::fulfilsOnlineOrders)
                            .allSatisfy(l -> assertThat(l.stock()).doesNotContainKeys(s.skus().toArray(String[]::new)));
                    assertThat(layout.priority()).as("seed %d", seed).contains(StoreLayout.PREORDER);
                }
                mixed += s.events().stream().filter(e -> e instanceof ShopperAttempt a && !a.inStock().isEmpty())
                        .count();
                assertThat(s.count(PosSale.class)).as("seed %d", seed).isPositive();
                assertThat(s.count(LocationChange.class)).as("seed %d", seed).isGreaterThanOrEqualTo(s.stores().size());
                List<ScopeChange> changes = s.events().stream().filter(ScopeChange.class::isInstance)
                        .map(ScopeChange.class::cast).toList();
                assertThat(changes).as("seed %d", seed).hasSize(2);
                assertThat(changes.get(0).granted()).isFalse();
                assertThat(changes.get(1).granted()).isTrue();
                assertThat(changes.get(1).scope()).isEqualTo(changes.get(0).scope());
                assertThat(changes.get(1).at()).isAfter(changes.get(0).at()).isBeforeOrEqualTo(s.end());
                scopes.add(changes.get(0).scope());
            }
        }
        assertThat(locationCounts).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(scopes).containsExactlyInAnyOrderElementsOf(ScenarioGenerator.REVOCABLE_SCOPES);
        assertThat(mixed).as("mixed carts").isPositive();
    }
}
