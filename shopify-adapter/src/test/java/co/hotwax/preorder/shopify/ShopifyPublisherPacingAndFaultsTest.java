package co.hotwax.preorder.shopify;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.FaultPlan;
import co.hotwax.preorder.testkit.FaultRates;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher and the simulator sharing one virtual clock: pacing keeps a small bucket from ever answering
 * THROTTLED, and seeded transport faults (429, 5xx, resets, writes applied whose response was lost) never leave a
 * wrong quantity or an oversold unit.
 */
class ShopifyPublisherPacingAndFaultsTest {
    private static final String TOKEN = "shpat_pacing-test";

    private static ShopifyPublisher publisher(ShopifySimulator shop, Location location, VirtualClock time, long seed,
                                              ShopifyPlan plan) {
        return ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                        .shopDomain(shop.shopDomain())
                        .endpoint(shop.graphqlEndpoint("2026-04").resolve("/"))
                        .accessToken(() -> TOKEN)
                        .defaultLocationId(location.id())
                        .plan(plan)
                        .maxAttempts(8)
                        .build())
                .clock(time).sleeper(time).random(new SplittableRandom(seed)).build();
    }

    private static List<Variant> catalog(ShopifySimulator shop, int n) {
        List<Variant> variants = new ArrayList<>();
        for (int p = 0; p < n / 10; p++) {
            Product product = shop.addProduct("P" + p, List.of());
            for (int v = 0; v < 10; v++) {
                variants.add(shop.addVariant(product.id(), "S-" + p + "-" + v, false, InventoryPolicy.CONTINUE));
            }
        }
        return variants;
    }

    @Test
    void pacedPublishingIsNeverThrottled() {
        VirtualClock time = new VirtualClock();
        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep)
                .plan(ShopifyPlan.STANDARD).start()) {
            Location location = shop.addLocation("Pre-order");
            List<Variant> variants = catalog(shop, 500);
            try (ShopifyPublisher publisher = publisher(shop, location, time, 3, ShopifyPlan.STANDARD)) {
                for (int round = 0; round < 4; round++) {
                    for (int from = 0; from < variants.size(); from += 250) {
                        List<DesiredState> states = new ArrayList<>();
                        for (Variant v : variants.subList(from, from + 250)) {
                            states.add(new DesiredState(v.sku(), null, 5 + round, 0, true, LocalDate.of(2026, 9, 1), false));
                        }
                        assertThat(publisher.publish(states)).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
                    }
                }
                assertThat(publisher.throttledResponses()).isZero();
            }
            assertThat(shop.stats().throttled()).isZero();
            // The work needs more points than a full bucket holds: pacing really waited.
            assertThat(time.slept()).isGreaterThan(Duration.ZERO);
            assertThat(shop.quantity(variants.get(499).inventoryItemId(), location.id(), "available")).isEqualTo(8);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 20261126L})
    void seededTransportFaultsNeverLeaveAWrongQuantityOrAnOversell(long seed) {
        VirtualClock time = new VirtualClock();
        FaultRates rates = FaultRates.builder().http429(0.05).http500(0.03).http502(0.03).http503(0.03).reset(0.03)
                .appliedResponseLost(0.08).retryAfterSeconds(1).build();
        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep)
                .plan(ShopifyPlan.PLUS).faults(FaultPlan.seeded(seed, rates)).start()) {
            Location location = shop.addLocation("Pre-order");
            List<Variant> variants = catalog(shop, 60);
            SplittableRandom shoppers = new SplittableRandom(seed);
            try (ShopifyPublisher publisher = publisher(shop, location, time, seed, ShopifyPlan.PLUS)) {
                for (int round = 0; round < 6; round++) {
                    List<DesiredState> states = new ArrayList<>();
                    for (Variant v : variants) {
                        states.add(new DesiredState(v.sku(), null, 3, 0, true, null, false));
                    }
                    List<PublishOutcome> outcomes = publisher.publish(states);
                    assertThat(outcomes).as("seed %d round %d", seed, round)
                            .noneMatch(o -> o.status() == PublishOutcome.Status.REJECTED);
                    // Shoppers try to buy more than is there; only what was published can sell.
                    for (int i = 0; i < 20; i++) {
                        Variant v = variants.get(shoppers.nextInt(variants.size()));
                        shop.orders().placeOrder(v.id(), 1 + shoppers.nextInt(2), location.id());
                    }
                }
                // A last round on a healthy channel must settle everything.
                List<DesiredState> finalStates = new ArrayList<>();
                for (Variant v : variants) {
                    finalStates.add(new DesiredState(v.sku(), null, 3, 0, true, null, false));
                }
                publisher.publish(finalStates);
            }
            for (Variant v : variants) {
                long committed = shop.quantity(v.inventoryItemId(), location.id(), "committed");
                long available = shop.quantity(v.inventoryItemId(), location.id(), "available");
                // The OMS never saw an order here (openOrders 0): every committed unit is in flight.
                assertThat(available).as("seed %d sku %s", seed, v.sku()).isLessThanOrEqualTo(Math.max(0, 3 - committed));
            }
            assertThat(shop.stats().faultsInjected()).as("seed %d: faults were injected", seed).isGreaterThan(0);
        }
    }
}
