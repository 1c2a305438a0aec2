package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.BulkBehaviour;
import co.hotwax.preorder.testkit.BulkOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** SKU resolution through a bulk query above the threshold, against the simulator over HTTP. */
class ShopifyPublisherBulkReadTest {
    private static final String TOKEN = "shpat_bulk-test";
    private static final int SKUS = 40;

    private final VirtualClock time = new VirtualClock();
    private final List<ShopifySimulator> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ShopifySimulator::close);
    }

    private record Shop(ShopifySimulator sim, Location location, List<Variant> variants) {
    }

    private Shop shop(BulkBehaviour behaviour, int variantsPerProduct) {
        ShopifySimulator sim = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep)
                .bulkBehaviour(behaviour).start();
        started.add(sim);
        Location location = sim.addLocation("Pre-order warehouse");
        Product product = null;
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            if (i % variantsPerProduct == 0) {
                product = sim.addProduct("Product " + i, List.of());
            }
            variants.add(sim.addVariant(product.id(), "SKU-" + i, false, InventoryPolicy.CONTINUE));
        }
        return new Shop(sim, location, variants);
    }

    private Shop shop() {
        return shop(BulkBehaviour.defaults(), 4);
    }

    private ShopifyPublisher publisher(Shop shop, int threshold) {
        ShopifyPublisherConfig config = ShopifyPublisherConfig.builder().shopDomain(shop.sim().shopDomain())
                .endpoint(shop.sim().graphqlEndpoint("2026-04")).accessToken(() -> TOKEN)
                .defaultLocationId(shop.location().id()).bulkReadThreshold(threshold)
                // Resolution alone is measured here; the store preflight's own per-SKU reads would search too.
                .preflight(false).build();
        return ShopifyPublisher.builder(config).clock(time).sleeper(time).random(new SplittableRandom(7)).build();
    }

    private static List<DesiredState> listAll() {
        List<DesiredState> states = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            states.add(new DesiredState("SKU-" + i, null, 5, 0, true, LocalDate.of(2026, 7, 1), false));
        }
        return states;
    }

    private static void assertAllApplied(List<PublishOutcome> outcomes) {
        assertThat(outcomes).hasSize(SKUS).allSatisfy(o -> assertThat(o.status()).as(o.toString())
                .isEqualTo(PublishOutcome.Status.APPLIED));
    }

    private static long calls(ShopifySimulator sim, String rootField) {
        return sim.requestLog().stream().filter(e -> e.rootFields().contains(rootField)).count();
    }

    @Test
    void aboveTheThresholdSkusAreResolvedByOneBulkQueryAndFewerPoints() {
        Shop perRequest = shop();
        Shop bulk = shop();
        try (ShopifyPublisher before = publisher(perRequest, Integer.MAX_VALUE);
                ShopifyPublisher after = publisher(bulk, 10)) {
            assertAllApplied(before.publish(listAll()));
            assertAllApplied(after.publish(listAll()));
        }
        assertThat(perRequest.sim().bulk().created()).isZero();
        assertThat(bulk.sim().bulk().created()).isEqualTo(1);
        assertThat(calls(bulk.sim(), "productVariants")).isZero();
        assertThat(calls(bulk.sim(), "bulkOperation")).isPositive();
        assertThat(calls(perRequest.sim(), "productVariants")).isPositive();
        for (Variant v : bulk.variants()) {
            assertThat(bulk.sim().quantity(v.inventoryItemId(), bulk.location().id(), "available")).isEqualTo(5);
            assertThat(bulk.sim().policy(v.id())).isEqualTo(InventoryPolicy.DENY);
        }
        assertThat(bulk.sim().pointsCharged()).isLessThan(perRequest.sim().pointsCharged());
    }

    @Test
    void belowTheThresholdNoBulkQueryIsRun() {
        Shop shop = shop();
        try (ShopifyPublisher publisher = publisher(shop, SKUS)) {
            assertAllApplied(publisher.publish(listAll()));
        }
        assertThat(shop.sim().bulk().created()).isZero();
        assertThat(calls(shop.sim(), "productVariants")).isPositive();
    }

    @Test
    void aFailedOrCanceledExportFallsBackToPerRequestSearches() {
        for (BulkOutcome outcome : BulkOutcome.values()) {
            Shop shop = shop();
            shop.sim().bulk().failNext(outcome);
            try (ShopifyPublisher publisher = publisher(shop, 10)) {
                assertAllApplied(publisher.publish(listAll()));
            }
            assertThat(shop.sim().bulk().created()).as(outcome.name()).isEqualTo(1);
            assertThat(calls(shop.sim(), "productVariants")).as(outcome.name()).isPositive();
        }
    }

    @Test
    void aBulkQueryAlreadyRunningFallsBackWithoutWaiting() {
        Shop shop = shop();
        shop.sim().bulk().startForeign(1_000_000);
        try (ShopifyPublisher publisher = publisher(shop, 10)) {
            assertAllApplied(publisher.publish(listAll()));
        }
        assertThat(shop.sim().bulk().created()).isEqualTo(1);
        assertThat(calls(shop.sim(), "productVariants")).isPositive();
        assertThat(time.slept()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void anExportThatNeverEndsIsCanceledAfterTheBoundedWait() {
        Shop shop = shop(new BulkBehaviour(Duration.ofHours(2), 1_000, 1), 4);
        try (ShopifyPublisher publisher = publisher(shop, 10)) {
            assertAllApplied(publisher.publish(listAll()));
        }
        assertThat(calls(shop.sim(), "bulkOperationCancel")).isEqualTo(1);
        assertThat(calls(shop.sim(), "productVariants")).isPositive();
        assertThat(time.slept()).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(32));
    }

    @Test
    void aSkuOnTwoVariantsIsStillReportedAsAmbiguous() {
        Shop shop = shop();
        shop.sim().addVariant(shop.sim().addProduct("Twin", List.of()).id(), "SKU-3", false, InventoryPolicy.CONTINUE);
        List<PublishOutcome> outcomes;
        try (ShopifyPublisher publisher = publisher(shop, 10)) {
            outcomes = publisher.publish(listAll());
        }
        assertThat(shop.sim().bulk().created()).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> o.sku().equals("SKU-3")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.REJECTED));
        assertThat(outcomes).filteredOn(o -> !o.sku().equals("SKU-3"))
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.APPLIED));
    }
}
