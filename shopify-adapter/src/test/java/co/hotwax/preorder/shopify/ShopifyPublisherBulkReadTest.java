package co.hotwax.preorder.shopify;

import co.hotwax.preorder.shopify.internal.BatchPreparation;
import co.hotwax.preorder.shopify.internal.ExportedCatalog;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.BulkBehaviour;
import co.hotwax.preorder.testkit.BulkOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.SellingPlanReserve;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads through a bulk export above the threshold (SKU resolution, the level read before each compare-and-set, the
 * preflight's per-SKU checks), against the simulator over HTTP: the export is started by the first publish and
 * never waited for, so each test lets virtual time pass for it to land.
 */
class ShopifyPublisherBulkReadTest {
    private static final String TOKEN = "shpat_bulk-test";
    private static final int SKUS = 40;

    private final VirtualClock time = new VirtualClock();
    private final List<ShopifySimulator> started = new ArrayList<>();
    private long seeds = 7;

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
        return publisher(shop, threshold, false);
    }

    private ShopifyPublisher publisher(Shop shop, int threshold, boolean preflight) {
        ShopifyPublisherConfig config = ShopifyPublisherConfig.builder().shopDomain(shop.sim().shopDomain())
                .endpoint(shop.sim().graphqlEndpoint("2026-04")).accessToken(() -> TOKEN)
                .defaultLocationId(shop.location().id()).bulkReadThreshold(threshold)
                .preflight(preflight).build();
        // A seed per publisher: a restarted one replaying the first one's idempotency keys would be refused.
        return ShopifyPublisher.builder(config).clock(time).sleeper(time).random(new SplittableRandom(seeds++)).build();
    }

    private static List<DesiredState> listAll() {
        return listAll(5);
    }

    private static List<DesiredState> listAll(int sellable) {
        List<DesiredState> states = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            states.add(new DesiredState("SKU-" + i, null, sellable, 0, true, LocalDate.of(2026, 7, 1), false));
        }
        return states;
    }

    private static void assertAllApplied(List<PublishOutcome> outcomes) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.toString())
                .isEqualTo(PublishOutcome.Status.APPLIED));
    }

    private static long calls(ShopifySimulator sim, String rootField) {
        return sim.requestLog().stream().filter(e -> e.rootFields().contains(rootField)).count();
    }

    /** The first publish starts the export and goes on per request; the export lands while time passes. */
    private static void startExport(ShopifyPublisher publisher, List<DesiredState> states) {
        assertAllApplied(publisher.publish(states.subList(0, 1)));
    }

    @Test
    void aboveTheThresholdTheFirstPublishStartsTheExportAndTheRestIsReadFromIt() {
        Shop perRequest = shop();
        Shop bulk = shop();
        try (ShopifyPublisher before = publisher(perRequest, Integer.MAX_VALUE);
                ShopifyPublisher after = publisher(bulk, 10)) {
            assertAllApplied(before.publish(listAll()));
            startExport(after, listAll());
            assertThat(bulk.sim().bulk().created()).isEqualTo(1);
            long searches = calls(bulk.sim(), "productVariants");
            time.advance(Duration.ofSeconds(10));
            assertAllApplied(after.publish(listAll().subList(1, SKUS)));
            assertThat(calls(bulk.sim(), "productVariants")).as("no search once the export landed").isEqualTo(searches);
        }
        assertThat(perRequest.sim().bulk().created()).isZero();
        assertThat(calls(bulk.sim(), "bulkOperation")).isPositive();
        assertThat(calls(bulk.sim(), "productVariantsCount")).isEqualTo(1);
        for (Variant v : bulk.variants()) {
            assertThat(bulk.sim().quantity(v.inventoryItemId(), bulk.location().id(), "available")).isEqualTo(5);
            assertThat(bulk.sim().policy(v.id())).isEqualTo(InventoryPolicy.DENY);
        }
        assertThat(bulk.sim().pointsCharged()).isLessThan(perRequest.sim().pointsCharged());
    }

    @Test
    void aRestartReadsLevelsAndPreflightFromTheExportNotPerRequest() {
        Shop shop = shop();
        try (ShopifyPublisher first = publisher(shop, Integer.MAX_VALUE, true)) {
            assertAllApplied(first.publish(listAll()));
        }
        List<PublishOutcome> outcomes;
        try (ShopifyPublisher restarted = publisher(shop, 10, true)) {
            startExport(restarted, listAll());
            time.advance(Duration.ofSeconds(10));
            long levelReads = calls(shop.sim(), "nodes");
            long variantReads = calls(shop.sim(), "productVariants");
            long storeReads = calls(shop.sim(), "locations");
            outcomes = new ArrayList<>();
            for (int from = 1; from < SKUS; from += 10) {
                outcomes.addAll(restarted.publish(listAll().subList(from, Math.min(SKUS, from + 10))));
            }
            assertThat(calls(shop.sim(), "locations")).as("the store read reused within a minute").isEqualTo(storeReads);
            assertThat(calls(shop.sim(), "nodes")).as("levels from the export").isEqualTo(levelReads);
            assertThat(calls(shop.sim(), "productVariants")).as("SKUs and checks from the export")
                    .isEqualTo(variantReads);
        }
        assertAllApplied(outcomes);
        // Nothing to write: the export's levels matched; and an export's read reports no in-flight units.
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.wrote()).isFalse();
            assertThat(o.inFlight()).isEqualTo(PublishOutcome.UNKNOWN);
        });
    }

    @Test
    void aLevelThatMovedSinceTheExportFailsTheCompareAndSetAndIsReadAgain() {
        Shop shop = shop();
        try (ShopifyPublisher first = publisher(shop, Integer.MAX_VALUE)) {
            assertAllApplied(first.publish(listAll()));
        }
        try (ShopifyPublisher restarted = publisher(shop, 10)) {
            startExport(restarted, listAll());
            time.advance(Duration.ofSeconds(10));
            // After the export: a merchant's edit (on_hand moves) and a shopper's order (committed moves).
            Variant edited = shop.variants().get(7);
            shop.sim().stock(edited.inventoryItemId(), shop.location().id(), 9);
            assertThat(shop.sim().orders().checkout("SKU-8", 1).accepted()).isTrue();
            long levelReads = calls(shop.sim(), "nodes");
            assertAllApplied(restarted.publish(listAll(6).subList(1, SKUS)));
            assertThat(calls(shop.sim(), "nodes")).as("one re-read after the stale write").isEqualTo(levelReads + 1);
        }
        assertThat(shop.sim().quantity(shop.variants().get(7).inventoryItemId(), shop.location().id(), "available"))
                .isEqualTo(6);
        // The order placed after the export is still subtracted: the exported committed was 0, the target
        // on_hand = 6 + min(openOrders 0, committed) = 6 and the order's unit stays committed.
        assertThat(shop.sim().quantity(shop.variants().get(8).inventoryItemId(), shop.location().id(), "available"))
                .isEqualTo(5);
    }

    @Test
    void belowTheThresholdNoBulkQueryIsRun() {
        Shop shop = shop();
        try (ShopifyPublisher publisher = publisher(shop, SKUS)) {
            assertAllApplied(publisher.publish(listAll()));
            time.advance(Duration.ofSeconds(10));
            assertAllApplied(publisher.publish(listAll(6)));
        }
        assertThat(shop.sim().bulk().created()).isZero();
        assertThat(calls(shop.sim(), "productVariants")).isPositive();
    }

    @Test
    void aFailedCanceledOrPartialExportFallsBackToPerRequestReadsAndIsTriedAgainLater() {
        for (BulkOutcome outcome : BulkOutcome.values()) {
            Shop shop = shop();
            shop.sim().bulk().failNext(outcome);
            try (ShopifyPublisher publisher = publisher(shop, 10)) {
                startExport(publisher, listAll());
                time.advance(Duration.ofSeconds(10));
                long searches = calls(shop.sim(), "productVariants");
                assertAllApplied(publisher.publish(listAll().subList(1, SKUS)));
                assertThat(calls(shop.sim(), "productVariants")).as(outcome.name()).isGreaterThan(searches);
                assertThat(shop.sim().bulk().created()).as(outcome.name()).isEqualTo(1);
                time.advance(Duration.ofMinutes(11));
                assertAllApplied(publisher.publish(listAll(6)));
                assertThat(shop.sim().bulk().created()).as(outcome.name() + ": tried again").isEqualTo(2);
            }
        }
    }

    @Test
    void aBulkQueryLimitReachedIsNotWaitedForAndTheExportIsTriedAgainLater() {
        // One of each type before 2026-01 (OPERATION_IN_PROGRESS); five from 2026-01, the default (LIMIT_REACHED).
        for (int limit : new int[] {1, 5}) {
            Shop shop = shop(limit == 1 ? new BulkBehaviour(Duration.ofSeconds(1), 1_000, 1) : BulkBehaviour.defaults(), 4);
            for (int i = 0; i < limit; i++) {
                shop.sim().bulk().startForeign(1_000);
            }
            Duration slept = time.slept();
            try (ShopifyPublisher publisher = publisher(shop, 10)) {
                assertAllApplied(publisher.publish(listAll()));
                assertThat(shop.sim().bulk().created()).as("refused at %d", limit).isEqualTo(limit);
                assertThat(time.slept().minus(slept)).isLessThan(Duration.ofMinutes(1));
                time.advance(Duration.ofMinutes(11));
                assertAllApplied(publisher.publish(listAll(6).subList(0, 1)));
                assertThat(shop.sim().bulk().created()).as("started once the others ended").isEqualTo(limit + 1);
            }
            assertThat(calls(shop.sim(), "productVariants")).isPositive();
        }
    }

    @Test
    void aRestartAdoptsTheExportItsCrashedPredecessorLeftRunningInsteadOfStartingASecond() {
        Shop shop = shop();
        // A bulk query of this app for another job: listed too, never adopted (not the export's query).
        shop.sim().bulk().startForeign(10_000);
        ShopifyPublisher crashed = publisher(shop, 10);
        startExport(crashed, listAll());
        assertThat(shop.sim().bulk().created()).isEqualTo(2);
        long runs = calls(shop.sim(), "bulkOperationRunQuery");
        // The publisher crashes: discarded without a word, its export left running in the shop.
        time.advance(Duration.ofMillis(500));
        try (ShopifyPublisher restarted = publisher(shop, 10)) {
            assertAllApplied(restarted.publish(listAll().subList(1, 2)));
            assertThat(calls(shop.sim(), "bulkOperations")).as("looked for its own export").isEqualTo(2);
            assertThat(calls(shop.sim(), "bulkOperationRunQuery")).as("no second export").isEqualTo(runs);
            time.advance(Duration.ofSeconds(10));
            long searches = calls(shop.sim(), "productVariants");
            assertAllApplied(restarted.publish(listAll().subList(2, SKUS)));
            assertThat(calls(shop.sim(), "productVariants")).as("answered by the adopted export").isEqualTo(searches);
        }
        assertThat(shop.sim().bulk().created()).isEqualTo(2);
        assertThat(calls(shop.sim(), "bulkOperationCancel")).isZero();
    }

    @Test
    void aRestartAdoptsAnExportThatCompletedWhileItWasDown() {
        Shop shop = shop();
        ShopifyPublisher crashed = publisher(shop, 10);
        startExport(crashed, listAll());
        time.advance(Duration.ofMinutes(5));
        try (ShopifyPublisher restarted = publisher(shop, 10)) {
            long searches = calls(shop.sim(), "productVariants");
            assertAllApplied(restarted.publish(listAll().subList(1, SKUS)));
            assertThat(calls(shop.sim(), "productVariants")).as("read from the adopted file at once")
                    .isEqualTo(searches);
        }
        assertThat(shop.sim().bulk().created()).isEqualTo(1);
    }

    @Test
    void anExportOlderThanTheRefreshAgeIsNotAdopted() {
        Shop shop = shop();
        ShopifyPublisher crashed = publisher(shop, 10);
        startExport(crashed, listAll());
        time.advance(ExportedCatalog.REFRESH_AFTER.plusMinutes(1));
        try (ShopifyPublisher restarted = publisher(shop, 10)) {
            assertAllApplied(restarted.publish(listAll().subList(1, 2)));
        }
        assertThat(shop.sim().bulk().created()).as("a fresh export").isEqualTo(2);
    }

    @Test
    void anExportThatNeverEndsIsCanceledAfterTheBoundedWait() {
        Shop shop = shop(new BulkBehaviour(Duration.ofHours(2), 1_000, 1), 4);
        try (ShopifyPublisher publisher = publisher(shop, 10)) {
            startExport(publisher, listAll());
            time.advance(Duration.ofMinutes(10));
            assertThat(publisher.publish(listAll().subList(1, SKUS))).as("deferred beyond the budget while it runs")
                    .filteredOn(o -> o.status() == PublishOutcome.Status.APPLIED)
                    .hasSize(BatchPreparation.READ_BUDGET_WHILE_EXPORTING);
            assertThat(calls(shop.sim(), "bulkOperationCancel")).isZero();
            time.advance(Duration.ofMinutes(25));
            assertAllApplied(publisher.publish(listAll(6)));
        }
        assertThat(calls(shop.sim(), "bulkOperationCancel")).isEqualTo(1);
        assertThat(calls(shop.sim(), "productVariants")).isPositive();
    }

    @Test
    void whileTheExportRunsACallReadsOnlyItsBudgetPerRequestAndRetriesTheRestUntilItLands() {
        Shop shop = shop();
        try (ShopifyPublisher publisher = publisher(shop, 10, true)) {
            startExport(publisher, listAll());
            List<DesiredState> states = new ArrayList<>(listAll().subList(1, SKUS));
            // SKU-0 is known since the first call: last in the call, beyond the budget, it is still written.
            states.add(listAll().get(0));
            long searches = calls(shop.sim(), "productVariants");
            List<PublishOutcome> outcomes = publisher.publish(states);

            int budget = BatchPreparation.READ_BUDGET_WHILE_EXPORTING;
            assertAllApplied(outcomes.subList(0, budget));
            assertThat(outcomes.subList(budget, SKUS - 1)).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(PublishOutcome.Status.RETRY);
                assertThat(o.reason()).isEqualTo(BatchPreparation.WAITING_FOR_EXPORT);
                assertThat(o.wrote()).isFalse();
            });
            assertThat(outcomes.get(SKUS - 1).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(calls(shop.sim(), "productVariants") - searches)
                    .as("one search and one preflight read for the budget's SKUs, not one per 50 of all 40")
                    .isLessThanOrEqualTo(2);
            for (Variant v : shop.variants().subList(budget + 1, SKUS)) {
                assertThat(shop.sim().policy(v.id())).as("deferred, untouched").isEqualTo(InventoryPolicy.CONTINUE);
            }

            time.advance(Duration.ofSeconds(10));
            long afterDeferral = calls(shop.sim(), "productVariants");
            assertAllApplied(publisher.publish(states));
            assertThat(calls(shop.sim(), "productVariants")).as("the export answers the deferred SKUs")
                    .isEqualTo(afterDeferral);
        }
        for (Variant v : shop.variants()) {
            assertThat(shop.sim().quantity(v.inventoryItemId(), shop.location().id(), "available")).isEqualTo(5);
            assertThat(shop.sim().policy(v.id())).isEqualTo(InventoryPolicy.DENY);
        }
    }

    @Test
    void skusDeferredWhileTheExportRunsComeBackAtItsNextPollAndRideTheFirstCallAfterItLands() {
        // 20 s queued, then well under a second of objects: several polls (1, 2, 4, then every 5 s) before it lands.
        Shop shop = shop(new BulkBehaviour(Duration.ofSeconds(20), 1_000, 1), 4);
        try (ShopifyPublisher publisher = publisher(shop, 10)) {
            Instant started = time.instant();
            startExport(publisher, listAll());
            List<DesiredState> waiting = new ArrayList<>(listAll().subList(1, SKUS));
            long searchesBeforeLast = 0;
            for (int round = 0; round < 20 && !waiting.isEmpty(); round++) {
                searchesBeforeLast = calls(shop.sim(), "productVariants");
                List<PublishOutcome> outcomes = publisher.publish(waiting);
                List<DesiredState> deferred = new ArrayList<>();
                Duration after = Duration.ZERO;
                for (int i = 0; i < outcomes.size(); i++) {
                    PublishOutcome o = outcomes.get(i);
                    if (o.status() == PublishOutcome.Status.RETRY) {
                        assertThat(o.reason()).isEqualTo(BatchPreparation.WAITING_FOR_EXPORT);
                        assertThat(o.retryAfter()).as("until the next poll").isPositive()
                                .isLessThanOrEqualTo(Duration.ofSeconds(5));
                        deferred.add(waiting.get(i));
                        after = o.retryAfter();
                    } else {
                        assertThat(o.status()).as(o.toString()).isEqualTo(PublishOutcome.Status.APPLIED);
                    }
                }
                waiting = deferred;
                // As the engine does: sent again when the publisher said.
                time.advance(after);
            }
            assertThat(waiting).as("all applied").isEmpty();
            assertThat(calls(shop.sim(), "productVariants")).as("the last round was answered by the export")
                    .isEqualTo(searchesBeforeLast);
            assertThat(Duration.between(started, time.instant()))
                    .as("landed at about 20 s; its next poll at most 5 s later")
                    .isLessThanOrEqualTo(Duration.ofSeconds(26));
        }
        for (Variant v : shop.variants()) {
            assertThat(shop.sim().policy(v.id())).isEqualTo(InventoryPolicy.DENY);
        }
    }

    @Test
    void aSkuOnTwoVariantsIsStillReportedAsAmbiguous() {
        Shop shop = shop();
        shop.sim().addVariant(shop.sim().addProduct("Twin", List.of()).id(), "SKU-3", false, InventoryPolicy.CONTINUE);
        List<PublishOutcome> outcomes;
        try (ShopifyPublisher publisher = publisher(shop, 10)) {
            startExport(publisher, listAll());
            time.advance(Duration.ofSeconds(10));
            outcomes = publisher.publish(listAll().subList(1, SKUS));
        }
        assertThat(shop.sim().bulk().created()).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> o.sku().equals("SKU-3")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.REJECTED));
        assertThat(outcomes).filteredOn(o -> !o.sku().equals("SKU-3"))
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.APPLIED));
    }

    @Test
    void aSellingPlanThatReservesOnFulfilmentIsFoundInTheExport() {
        Shop shop = shop();
        shop.sim().addSellingPlanGroup("Deferred", SellingPlanReserve.ON_FULFILLMENT, List.of(shop.variants().get(5).id()));
        List<PublishOutcome> outcomes;
        try (ShopifyPublisher publisher = publisher(shop, 10, true)) {
            startExport(publisher, listAll());
            time.advance(Duration.ofSeconds(10));
            long preflightReads = calls(shop.sim(), "productVariants");
            outcomes = publisher.publish(listAll().subList(1, SKUS));
            assertThat(calls(shop.sim(), "productVariants")).isEqualTo(preflightReads);
        }
        assertThat(outcomes).filteredOn(o -> o.sku().equals("SKU-5")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(o.reason()).contains("selling plan").contains("Deferred");
        });
        assertThat(outcomes).filteredOn(o -> !o.sku().equals("SKU-5"))
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.APPLIED));
    }

    @Test
    void theHourlyRecheckWaitsForANewExportInsteadOfReadingEachSkuPerRequest() {
        Shop shop = shop();
        try (ShopifyPublisher publisher = publisher(shop, 10, true)) {
            startExport(publisher, listAll());
            time.advance(Duration.ofSeconds(10));
            assertAllApplied(publisher.publish(listAll().subList(1, SKUS)));
            assertThat(shop.sim().bulk().created()).isEqualTo(1);
            time.advance(Duration.ofMinutes(61));
            long preflightReads = calls(shop.sim(), "productVariants");
            assertAllApplied(publisher.publish(listAll(6)));
            assertThat(shop.sim().bulk().created()).as("a new export for the re-check").isEqualTo(2);
            time.advance(Duration.ofSeconds(10));
            assertAllApplied(publisher.publish(listAll(7)));
            assertThat(calls(shop.sim(), "productVariants")).as("re-checks answered by the export")
                    .isEqualTo(preflightReads);
        }
    }
}
