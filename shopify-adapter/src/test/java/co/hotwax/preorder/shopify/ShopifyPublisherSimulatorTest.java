package co.hotwax.preorder.shopify;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.OrderResult;
import co.hotwax.preorder.testkit.OversellLedger;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher against the testkit's Shopify simulator, over real HTTP on loopback. */
class ShopifyPublisherSimulatorTest {
    private static final String TOKEN = "shpat_RECOGNIZABLE-secret-42";
    private static final String NS = "HC_PREORDER";
    private static final String KEY = "preorder";
    private static final String TAG = "HC:Pre-Order";

    private ProxiedShop fixture;
    private ShopifySimulator shop;
    private InterceptingProxy proxy;
    private Location location;
    private VirtualClock time;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProxiedShop(TOKEN);
        shop = fixture.shop;
        proxy = fixture.proxy;
        location = fixture.location;
        time = fixture.time;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ShopifyPublisher publisher() {
        return publisher(PublishMode.DEDICATED_LOCATION, TOKEN);
    }

    private ShopifyPublisher publisher(PublishMode mode, String token) {
        return fixture.publisher(fixture.config(token).mode(mode).build(), 11);
    }

    private Variant variant(String sku, boolean tracked, InventoryPolicy policy) {
        Product product = shop.addProduct("Product " + sku, List.of());
        return shop.addVariant(product.id(), sku, tracked, policy);
    }

    private static DesiredState listed(String sku, long sellable, long openOrders) {
        return new DesiredState(sku, null, sellable, openOrders, true, LocalDate.of(2026, 7, 1), false);
    }

    private static DesiredState delisted(String sku, long openOrders) {
        return new DesiredState(sku, null, 0, openOrders, false, null, false);
    }

    private static void assertAllApplied(List<PublishOutcome> outcomes) {
        assertThat(outcomes).as(() -> "first failure: " + outcomes.stream()
                .filter(o -> o.status() != PublishOutcome.Status.APPLIED).findFirst().map(Object::toString).orElse("none"))
                .extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
    }

    private int available(Variant v) {
        return shop.quantity(v.inventoryItemId(), location.id(), "available");
    }

    private List<String> mutationsSince(int from) {
        List<RequestLogEntry> log = shop.requestLog();
        return log.subList(from, log.size()).stream().flatMap(e -> e.rootFields().stream())
                .filter(f -> !f.equals("productVariants") && !f.equals("nodes") && !f.equals("product"))
                .collect(Collectors.toList());
    }

    @Test
    void listingPutsEveryMarkOnBeforeTheQuantity() {
        Variant v = variant("JKT-1", false, InventoryPolicy.CONTINUE);
        try (ShopifyPublisher publisher = publisher()) {
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("JKT-1", 5, 0)));

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.status()).as(o.toString()).isEqualTo(PublishOutcome.Status.APPLIED);
                assertThat(o.wrote()).isTrue();
            });
        }
        assertThat(shop.tracked(v.inventoryItemId())).isTrue();
        assertThat(shop.policy(v.id())).isEqualTo(InventoryPolicy.DENY);
        assertThat(shop.metafield(v.id(), NS, KEY)).hasValueSatisfying(m -> assertThat(m).contains("\"status\":\"active\"")
                .contains("07/01/2026"));
        assertThat(shop.tags(v.productId())).contains(TAG);
        assertThat(available(v)).isEqualTo(5);
        List<String> mutations = mutationsSince(0);
        // Tracked, DENY and the metafield in one productVariantsBulkUpdate (ShopifyPublisherListingMarksTest).
        assertThat(mutations.indexOf("inventorySetQuantities")).isGreaterThan(mutations.indexOf("inventoryActivate"))
                .isGreaterThan(mutations.indexOf("productVariantsBulkUpdate"))
                .isGreaterThan(mutations.indexOf("tagsAdd"));
        assertThat(mutations).containsOnlyOnce("inventoryActivate", "productVariantsBulkUpdate", "tagsAdd",
                "inventorySetQuantities");
    }

    @Test
    void publishingTheSameStateTwiceWritesNothingTheSecondTime() {
        variant("JKT-1", true, InventoryPolicy.DENY);
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("JKT-1", 5, 0)));
            int before = shop.requestLog().size();

            List<PublishOutcome> again = publisher.publish(List.of(listed("JKT-1", 5, 0)));

            assertThat(again).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(PublishOutcome.Status.APPLIED);
                assertThat(o.wrote()).isFalse();
            });
            assertThat(mutationsSince(before)).isEmpty();
        }
    }

    @Test
    void delistingZeroesTheQuantityBeforeTheMarksComeOff() {
        Variant v = variant("JKT-1", true, InventoryPolicy.DENY);
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("JKT-1", 5, 0)));
            int before = shop.requestLog().size();

            List<PublishOutcome> outcomes = publisher.publish(List.of(delisted("JKT-1", 0)));

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.APPLIED));
            assertThat(mutationsSince(before)).containsExactly("inventorySetQuantities", "metafieldsSet", "tagsRemove");
        }
        assertThat(available(v)).isZero();
        assertThat(shop.metafield(v.id(), NS, KEY)).hasValueSatisfying(m -> assertThat(m).contains("\"status\":\"inactive\""));
        assertThat(shop.tags(v.productId())).doesNotContain(TAG);
        assertThat(shop.policy(v.id())).isEqualTo(InventoryPolicy.DENY);
    }

    @Test
    void shoppersBuyingBetweenReadAndWriteAreNeverSoldTwice() {
        long seed = 20261126L;
        SplittableRandom random = new SplittableRandom(seed);
        Variant v = variant("JKT-1", true, InventoryPolicy.DENY);
        int capacity = 40;
        OversellLedger ledger = new OversellLedger();
        AtomicInteger tick = new AtomicInteger();
        ledger.declareCapacity("JKT-1", Instant.EPOCH, capacity);
        AtomicInteger boughtDuringRace = new AtomicInteger();
        AtomicBoolean buyAfterRead = new AtomicBoolean(false);
        proxy.handler((body, upstream) -> {
            InterceptingProxy.Reply reply = upstream.forward(body);
            if (buyAfterRead.get() && body.contains("ReadLevels")) {
                // The adapter has read; its write is not sent yet. Shoppers check out in between.
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    if (buy(ledger, tick, v, 1 + random.nextInt(3))) {
                        boughtDuringRace.incrementAndGet();
                    }
                }
            }
            return reply;
        });
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("JKT-1", capacity, 0)));
            buyAfterRead.set(true);
            // The OMS lags one publish behind Shopify: it has seen only the orders placed before the previous one.
            int knownUnits = 0;
            for (int round = 0; round < 15; round++) {
                int soldUnits = shop.orders().all().stream().mapToInt(o -> o.quantity()).sum();
                List<PublishOutcome> outcomes = publisher.publish(List.of(listed("JKT-1", Math.max(0, capacity - knownUnits), knownUnits)));
                assertThat(outcomes.get(0).status()).as("seed %d round %d: %s", seed, round, outcomes).isEqualTo(PublishOutcome.Status.APPLIED);
                knownUnits = soldUnits;
            }
            // Everyone else tries to buy what is left.
            while (buy(ledger, tick, v, 1)) {
                // keep buying
            }
        }
        assertThat(boughtDuringRace.get()).as("seed %d: shoppers did buy during the race", seed).isGreaterThan(0);
        assertThat(ledger.totalOversold()).as("seed %d: %s", seed, ledger.report()).isZero();
        // Nothing withheld either: every unit of capacity was sold.
        assertThat(ledger.soldNet("JKT-1")).as("seed %d", seed).isEqualTo(capacity);
    }

    private boolean buy(OversellLedger ledger, AtomicInteger tick, Variant v, int quantity) {
        OrderResult result = shop.orders().placeOrder(v.id(), quantity, location.id());
        int n = tick.incrementAndGet();
        ledger.recordOrder(v.sku(), result.order().orElse("refused-" + n), quantity, Instant.EPOCH.plusSeconds(n), result.accepted());
        return result.accepted();
    }

    @Test
    void aStaleCompareAndSetIsReReadAndRecomputedNeverOverwritten() {
        Variant a = variant("A-1", true, InventoryPolicy.DENY);
        Variant b = variant("B-1", true, InventoryPolicy.DENY);
        AtomicBoolean editOnce = new AtomicBoolean(false);
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("A-1", 5, 0), listed("B-1", 5, 0)));
            editOnce.set(true);
            proxy.handler((body, upstream) -> {
                if (body.contains("inventorySetQuantities") && editOnce.getAndSet(false)) {
                    // A merchant edits A's stock by hand after the on_hand our write expects was seen (read or
                    // remembered from the last publish) and before the write lands.
                    shop.stock(a.inventoryItemId(), location.id(), 9);
                }
                return upstream.forward(body);
            });
            int before = shop.requestLog().size();

            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 7, 0), listed("B-1", 6, 0)));

            assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
            List<RequestLogEntry> writes = shop.requestLog().subList(before, shop.requestLog().size()).stream()
                    .filter(e -> e.rootFields().contains("inventorySetQuantities")).toList();
            assertThat(writes.size()).isGreaterThanOrEqualTo(2);
            assertThat(writes.stream().map(RequestLogEntry::idempotencyKey).distinct().count()).isEqualTo(writes.size());
        }
        assertThat(available(a)).isEqualTo(7);
        assertThat(available(b)).isEqualTo(6);
    }

    @Test
    void aWriteAppliedWhoseResponseWasLostIsRetriedWithTheSameKeyAndAppliedOnce() {
        Variant v = variant("JKT-1", true, InventoryPolicy.DENY);
        AtomicBoolean loseOne = new AtomicBoolean(true);
        proxy.handler((body, upstream) -> {
            InterceptingProxy.Reply reply = upstream.forward(body);
            if (body.contains("inventorySetQuantities") && loseOne.getAndSet(false)) {
                return new InterceptingProxy.Reply(502, "<html>gateway lost the answer</html>", Map.of());
            }
            return reply;
        });
        try (ShopifyPublisher publisher = publisher()) {
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("JKT-1", 8, 0)));
            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        }
        List<RequestLogEntry> writes = shop.requestLog().stream().filter(e -> e.rootFields().contains("inventorySetQuantities")).toList();
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1).idempotencyKey()).isEqualTo(writes.get(0).idempotencyKey());
        assertThat(shop.stats().writesApplied()).isGreaterThan(0);
        assertThat(available(v)).isEqualTo(8);
        assertThat(shop.quantity(v.inventoryItemId(), location.id(), "on_hand")).isEqualTo(8);
    }

    @Test
    void honoursRetryAfterOn429() {
        variant("JKT-1", true, InventoryPolicy.DENY);
        AtomicBoolean once = new AtomicBoolean(true);
        proxy.handler((body, upstream) -> once.getAndSet(false)
                ? new InterceptingProxy.Reply(429, "{\"errors\":\"Exceeded 2 calls per second for api client\"}", Map.of("Retry-After", "3"))
                : upstream.forward(body));
        try (ShopifyPublisher publisher = publisher()) {
            assertThat(publisher.publish(List.of(listed("JKT-1", 2, 0))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        }
        assertThat(time.sleeps()).anySatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3250)));
    }

    @Test
    void missingAndDuplicateSkusAreRejectedNamingThemAndTheOthersGoOn() {
        Variant ok = variant("OK-1", true, InventoryPolicy.DENY);
        variant("DUP-1", true, InventoryPolicy.DENY);
        variant("DUP-1", true, InventoryPolicy.DENY);
        try (ShopifyPublisher publisher = publisher()) {
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("NOPE-1", 3, 0), listed("DUP-1", 3, 0), listed("OK-1", 3, 0)));

            assertThat(outcomes).extracting(PublishOutcome::sku).containsExactly("NOPE-1", "DUP-1", "OK-1");
            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcomes.get(0).reason()).contains("NOPE-1");
            assertThat(outcomes.get(1).status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcomes.get(1).reason()).contains("DUP-1").contains("2 variants");
            assertThat(outcomes.get(2).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        }
        assertThat(available(ok)).isEqualTo(3);
    }

    @Test
    void aFullBatchResolvesAcrossPagesAndWritesInOneMutation() {
        List<Variant> variants = new ArrayList<>();
        Product product = shop.addProduct("Many", List.of());
        for (int i = 0; i < 300; i++) {
            variants.add(shop.addVariant(product.id(), String.format("SKU-%03d", i), true, InventoryPolicy.DENY));
        }
        List<DesiredState> states = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            states.add(listed(variants.get(i).sku(), i + 1, 0));
        }
        ShopifyPublisherConfig config = ShopifyPublisherConfig.builder()
                .shopDomain(shop.shopDomain()).endpoint(proxy.base()).accessToken(() -> TOKEN)
                // Counts the resolution's searches alone; the preflight's own searches are ShopifyPublisherPreflightTest's.
                .defaultLocationId(location.id()).resolutionPageSize(20).preflight(false).build();
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(config).clock(time).sleeper(time).random(new SplittableRandom(3)).build()) {
            int before = shop.requestLog().size();
            List<PublishOutcome> outcomes = publisher.publish(states);

            assertAllApplied(outcomes);
            assertThat(mutationsSince(before).stream().filter("inventorySetQuantities"::equals)).hasSize(1);
            // 250 items reach the bulk threshold: the metafields, the activations and the tag go in three bulk
            // mutations (ShopifyPublisherListingMarksTest), no request of their own.
            assertThat(mutationsSince(before).stream().filter("bulkOperationRunMutation"::equals)).hasSize(3);
            assertThat(mutationsSince(before)).doesNotContain("productVariantsBulkUpdate", "inventoryActivate");
            assertThat(shop.requestLog().subList(before, shop.requestLog().size()).stream()
                    .filter(e -> e.rootFields().contains("productVariants")).count())
                    .as("5 searches of 50 SKUs, 3 pages of 20 each").isEqualTo(15);
        }
        assertThat(available(variants.get(0))).isEqualTo(1);
        assertThat(available(variants.get(249))).isEqualTo(250);
    }

    @Test
    void moreThan250StatesAreSplitIntoFullMutations() {
        Product product = shop.addProduct("Many", List.of());
        List<DesiredState> states = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Variant v = shop.addVariant(product.id(), "BIG-" + i, true, InventoryPolicy.DENY);
            shop.stock(v.inventoryItemId(), location.id(), 0);
            states.add(listed(v.sku(), 7, 0));
        }
        try (ShopifyPublisher publisher = publisher()) {
            int before = shop.requestLog().size();
            List<PublishOutcome> outcomes = publisher.publish(states);

            assertThat(outcomes).hasSize(300);
            assertAllApplied(outcomes);
            assertThat(mutationsSince(before).stream().filter("inventorySetQuantities"::equals)).hasSize(2);
        }
    }

    @Test
    void anEntryShopifyRefusesIsRejectedAndTheRestAreResentWithoutIt() {
        Variant a = variant("A-1", true, InventoryPolicy.DENY);
        Variant b = variant("B-1", true, InventoryPolicy.DENY);
        Variant c = variant("C-1", true, InventoryPolicy.DENY);
        for (Variant v : List.of(a, b, c)) {
            shop.stock(v.inventoryItemId(), location.id(), 0);
        }
        AtomicBoolean corruptOnce = new AtomicBoolean(true);
        proxy.handler((body, upstream) -> {
            if (body.contains("inventorySetQuantities") && corruptOnce.getAndSet(false)) {
                // Shopify refuses B's entry (as for an item deleted a moment ago); the batch applies nothing.
                return upstream.forward(body.replace(b.inventoryItemId() + "\\\"", "gid://shopify/InventoryItem/987654321\\\""));
            }
            return upstream.forward(body);
        });
        try (ShopifyPublisher publisher = publisher()) {
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 1, 0), listed("B-1", 2, 0), listed("C-1", 3, 0)));

            assertThat(outcomes.get(1).status()).as(outcomes.toString()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcomes.get(1).reason()).contains("B-1").contains("INVALID_INVENTORY_ITEM");
            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(outcomes.get(2).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        }
        assertThat(available(a)).isEqualTo(1);
        assertThat(available(b)).isZero();
        assertThat(available(c)).isEqualTo(3);
    }

    @Test
    void aWrongTokenGivesRetryOutcomesThatNeverShowAnyToken() {
        variant("JKT-1", true, InventoryPolicy.DENY);
        String wrong = "shpat_WRONG-but-still-secret-99";
        try (ShopifyPublisher publisher = publisher(PublishMode.DEDICATED_LOCATION, wrong)) {
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("JKT-1", 2, 0)));

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(PublishOutcome.Status.RETRY);
                assertThat(o.reason()).contains("401").doesNotContain(wrong).doesNotContain(TOKEN);
                assertThat(o.toString()).doesNotContain(wrong);
            });
            assertThat(publisher.toString()).doesNotContain(wrong);
        }
    }

    @Test
    void theTagComesOffOnlyWithTheProductsLastListedVariant() {
        Product product = shop.addProduct("Jacket", List.of());
        Variant small = shop.addVariant(product.id(), "JKT-S", true, InventoryPolicy.DENY);
        Variant large = shop.addVariant(product.id(), "JKT-L", true, InventoryPolicy.DENY);
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("JKT-S", 2, 0), listed("JKT-L", 2, 0)));
            assertThat(shop.tags(product.id())).contains(TAG);

            publisher.publish(List.of(delisted("JKT-S", 0)));
            assertThat(shop.tags(product.id())).as("JKT-L is still listed").contains(TAG);

            publisher.publish(List.of(delisted("JKT-L", 0)));
            assertThat(shop.tags(product.id())).doesNotContain(TAG);
        }
        assertThat(available(small)).isZero();
        assertThat(available(large)).isZero();
    }

    @Test
    void afterARestartTheTagStaysWhileASiblingUnknownToTheCacheIsListed() {
        Product product = shop.addProduct("Jacket", List.of());
        shop.addVariant(product.id(), "JKT-S", true, InventoryPolicy.DENY);
        shop.addVariant(product.id(), "JKT-L", true, InventoryPolicy.DENY);
        try (ShopifyPublisher before = publisher()) {
            before.publish(List.of(listed("JKT-S", 2, 0), listed("JKT-L", 2, 0)));
        }
        // A new process: its cache has never seen JKT-L.
        try (ShopifyPublisher after = publisher()) {
            assertAllApplied(after.publish(List.of(delisted("JKT-S", 0))));
        }
        assertThat(shop.tags(product.id())).contains(TAG);
    }

    @Test
    void facilitiesPublishToTheirMappedLocationsAndAnUnmappedOneIsRejected() {
        Location east = shop.addLocation("East");
        Variant v = variant("JKT-1", true, InventoryPolicy.DENY);
        ShopifyPublisherConfig config = ShopifyPublisherConfig.builder()
                .shopDomain(shop.shopDomain()).endpoint(proxy.base()).accessToken(() -> TOKEN)
                .defaultLocationId(location.id()).facilityLocation("WH-EAST", east.id()).build();
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(config).clock(time).sleeper(time).random(new SplittableRandom(3)).build()) {
            List<PublishOutcome> outcomes = publisher.publish(List.of(
                    new DesiredState("JKT-1", null, 4, 0, true, null, false),
                    new DesiredState("JKT-1", "WH-EAST", 6, 0, true, null, false),
                    new DesiredState("JKT-1", "WH-NOWHERE", 1, 0, true, null, false)));

            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(outcomes.get(1).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(outcomes.get(2).status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcomes.get(2).reason()).contains("WH-NOWHERE");
        }
        assertThat(available(v)).isEqualTo(4);
        assertThat(shop.quantity(v.inventoryItemId(), east.id(), "available")).isEqualTo(6);
    }

    @Test
    void theOptionalRequestRateCapSpacesRequestsOnTheInjectedClock() {
        variant("JKT-1", false, InventoryPolicy.CONTINUE);
        ShopifyPublisherConfig config = ShopifyPublisherConfig.builder()
                .shopDomain(shop.shopDomain()).endpoint(proxy.base()).accessToken(() -> TOKEN)
                .defaultLocationId(location.id()).maxRequestsPerSecond(2).build();
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(config).clock(time).sleeper(time).random(new SplittableRandom(3)).build()) {
            assertThat(publisher.publish(List.of(listed("JKT-1", 2, 0))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            int requests = publisher.requestsSent();
            assertThat(requests).isGreaterThan(3);
            // n requests at 2 per second need at least (n - 1) / 2 seconds.
            assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofMillis(500L * (requests - 1) - 1));
        }
    }

    @Test
    void sharedLocationWritesAvailableLeavingInFlightOrdersOut() {
        Variant v = variant("JKT-1", true, InventoryPolicy.DENY);
        try (ShopifyPublisher publisher = publisher(PublishMode.SHARED_LOCATION, TOKEN)) {
            publisher.publish(List.of(listed("JKT-1", 10, 0)));
            assertThat(shop.orders().placeOrder(v.id(), 4, location.id()).accepted()).isTrue();

            // The OMS knows 1 of the 4 units: 3 are in flight.
            publisher.publish(List.of(listed("JKT-1", 9, 1)));
        }
        assertThat(available(v)).isEqualTo(6);
    }
}
