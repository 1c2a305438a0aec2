package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.BulkOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing marks grouped per product ({@link ShopifyPublisherConfig.Builder#groupedMarks}): one
 * {@code productVariantsBulkUpdate} per product carries tracked, DENY and the metafield of every variant listed,
 * before the quantity; a variant Shopify refuses is named and its siblings go on.
 */
class ShopifyPublisherListingMarksTest {
    private static final String TOKEN = "shpat_listing-marks-test";
    private static final String NS = "HC_PREORDER";
    private static final String KEY = "preorder";

    private ProxiedShop fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProxiedShop(TOKEN);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ShopifyPublisher publisher(boolean grouped) {
        return fixture.publisher(fixture.config(TOKEN).groupedMarks(grouped).preflight(false).build(), 5);
    }

    private ShopifyPublisher bulkPublisher(boolean grouped) {
        return fixture.publisher(fixture.config(TOKEN).groupedMarks(grouped).preflight(false).bulkWriteThreshold(4)
                .build(), 5);
    }

    private List<Variant> product(String prefix, int variants) {
        Product product = fixture.shop.addProduct("Product " + prefix, List.of());
        List<Variant> out = new ArrayList<>();
        for (int i = 1; i <= variants; i++) {
            out.add(fixture.shop.addVariant(product.id(), prefix + "-" + i, false, InventoryPolicy.CONTINUE));
        }
        return out;
    }

    private static DesiredState listed(String sku, long sellable) {
        return new DesiredState(sku, null, sellable, 0, true, LocalDate.of(2026, 7, 1), false);
    }

    private List<String> mutationsSince(int from) {
        List<RequestLogEntry> log = fixture.shop.requestLog();
        return log.subList(from, log.size()).stream().flatMap(e -> e.rootFields().stream())
                .filter(f -> !f.equals("productVariants") && !f.equals("nodes") && !f.equals("product")).toList();
    }

    private int available(Variant v) {
        return fixture.shop.quantity(v.inventoryItemId(), fixture.location.id(), "available");
    }

    private void assertListed(Variant v, int available) {
        assertThat(fixture.shop.tracked(v.inventoryItemId())).as(v.sku()).isTrue();
        assertThat(fixture.shop.policy(v.id())).as(v.sku()).isEqualTo(InventoryPolicy.DENY);
        assertThat(fixture.shop.metafield(v.id(), NS, KEY)).as(v.sku())
                .hasValueSatisfying(m -> assertThat(m).contains("\"status\":\"active\"").contains("07/01/2026"));
        assertThat(available(v)).as(v.sku()).isEqualTo(available);
    }

    @Test
    void oneProductVariantsBulkUpdatePerProductCarriesEveryVariantMarkBeforeTheQuantity() {
        List<Variant> jackets = product("JKT", 4);
        List<Variant> hats = product("HAT", 3);
        List<DesiredState> states = new ArrayList<>();
        jackets.forEach(v -> states.add(listed(v.sku(), 5)));
        hats.forEach(v -> states.add(listed(v.sku(), 2)));
        try (ShopifyPublisher publisher = publisher(true)) {
            List<PublishOutcome> outcomes = publisher.publish(states);

            assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
        }
        jackets.forEach(v -> assertListed(v, 5));
        hats.forEach(v -> assertListed(v, 2));
        List<String> mutations = mutationsSince(0);
        // Both products in one request, aliased: one root field each.
        assertThat(mutations.stream().filter("productVariantsBulkUpdate"::equals)).hasSize(2);
        assertThat(mutations).doesNotContain("inventoryItemUpdate", "metafieldsSet");
        assertThat(mutations.lastIndexOf("productVariantsBulkUpdate")).isLessThan(mutations.indexOf("inventoryActivate"));
        assertThat(mutations.lastIndexOf("inventoryActivate")).isLessThan(mutations.indexOf("tagsAdd"));
        assertThat(mutations.lastIndexOf("tagsAdd")).isLessThan(mutations.indexOf("inventorySetQuantities"));
    }

    @Test
    void thePerSkuMarksRemainSelectableAndListTheSame() {
        List<Variant> jackets = product("JKT", 3);
        try (ShopifyPublisher publisher = publisher(false)) {
            List<PublishOutcome> outcomes = publisher.publish(jackets.stream().map(v -> listed(v.sku(), 4)).toList());

            assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
        }
        jackets.forEach(v -> assertListed(v, 4));
        List<String> mutations = mutationsSince(0);
        assertThat(mutations.stream().filter("inventoryItemUpdate"::equals)).hasSize(3);
        assertThat(mutations).containsOnlyOnce("metafieldsSet", "productVariantsBulkUpdate", "tagsAdd");
        assertThat(mutations.indexOf("inventorySetQuantities")).isGreaterThan(mutations.indexOf("metafieldsSet"));
    }

    @Test
    void groupedMarksCostAFractionOfThePerSkuMarks() {
        List<Variant> grouped = product("G", 10);
        List<Variant> perSku = product("P", 10);
        long before = fixture.shop.pointsCharged();
        try (ShopifyPublisher publisher = publisher(true)) {
            publisher.publish(grouped.stream().map(v -> listed(v.sku(), 1)).toList());
        }
        long groupedPoints = fixture.shop.pointsCharged() - before;
        before = fixture.shop.pointsCharged();
        try (ShopifyPublisher publisher = publisher(false)) {
            publisher.publish(perSku.stream().map(v -> listed(v.sku(), 1)).toList());
        }
        long perSkuPoints = fixture.shop.pointsCharged() - before;

        // Per SKU: 10 inventoryItemUpdate fields, a metafieldsSet and a DENY productVariantsBulkUpdate, replaced by
        // one productVariantsBulkUpdate of 10 + 0.2 x 10 + 0.4 x 10 points; reads, activation, tag and quantity are
        // the same in both (measured here: 252 against 181 points).
        assertThat(groupedPoints).as(perSkuPoints + " vs " + groupedPoints).isLessThan(perSkuPoints - 60);
    }

    @Test
    void aVariantShopifyRefusesIsRejectedNamingItsSkuAndItsSiblingsAreListed() {
        List<Variant> jackets = product("JKT", 3);
        Variant foreign = product("OTHER", 1).get(0);
        Variant refused = jackets.get(1);
        AtomicInteger calls = new AtomicInteger();
        fixture.proxy.handler((body, upstream) -> {
            if (body.contains("productVariantsBulkUpdate") && calls.getAndIncrement() == 0) {
                // As if the variant had moved to another product since it was resolved.
                return upstream.forward(body.replace(refused.id() + "\\\"", foreign.id() + "\\\""));
            }
            return upstream.forward(body);
        });
        List<PublishOutcome> outcomes;
        try (ShopifyPublisher publisher = publisher(true)) {
            outcomes = publisher.publish(jackets.stream().map(v -> listed(v.sku(), 3)).toList());
        }

        assertThat(outcomes.get(1).status()).isEqualTo(PublishOutcome.Status.REJECTED);
        assertThat(outcomes.get(1).reason()).contains("JKT-2").contains("MUST_BE_FOR_THIS_PRODUCT");
        assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        assertThat(outcomes.get(2).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        assertListed(jackets.get(0), 3);
        assertListed(jackets.get(2), 3);
        // Never sold without its marks: the refused variant got no quantity and no DENY.
        assertThat(fixture.shop.policy(refused.id())).isEqualTo(InventoryPolicy.CONTINUE);
        assertThat(mutationsSince(0).stream().filter("inventoryActivate"::equals)).as("the others only").hasSize(2);
        assertThat(calls.get()).as("the siblings were sent again without it").isEqualTo(2);
    }

    @Test
    void aCatalogListingPutsEachStepOnWithOneBulkMutationBeforeTheQuantities() {
        List<Variant> jackets = product("JKT", 4);
        List<Variant> hats = product("HAT", 3);
        List<DesiredState> states = new ArrayList<>();
        jackets.forEach(v -> states.add(listed(v.sku(), 3)));
        hats.forEach(v -> states.add(listed(v.sku(), 2)));
        try (ShopifyPublisher publisher = bulkPublisher(true)) {
            List<PublishOutcome> outcomes = publisher.publish(states);

            assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
        }
        jackets.forEach(v -> assertListed(v, 3));
        hats.forEach(v -> assertListed(v, 2));
        assertThat(fixture.shop.tags(jackets.get(0).productId())).contains("HC:Pre-Order");
        List<String> mutations = mutationsSince(0);
        // Variant marks, activation and tag: one bulk mutation each, no request of their own.
        assertThat(mutations).doesNotContain("productVariantsBulkUpdate", "inventoryActivate", "tagsAdd");
        assertThat(mutations.stream().filter("bulkOperationRunMutation"::equals)).hasSize(3);
        assertThat(mutations.lastIndexOf("bulkOperation")).isLessThan(mutations.indexOf("inventorySetQuantities"));
        assertThat(fixture.shop.bulk().mutationsCreated()).isEqualTo(3);
    }

    @Test
    void productsAFailedBulkMutationLeftUndoneAreMarkedByRequestsOfTheirOwn() {
        List<Variant> singles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            singles.add(product("ONE" + i, 1).get(0));
        }
        // The first bulk mutation is the variant marks': it fails half-way, with its partial data.
        fixture.shop.bulk().failNextMutation(BulkOutcome.FAILED_WITH_PARTIAL_DATA);
        try (ShopifyPublisher publisher = bulkPublisher(true)) {
            List<PublishOutcome> outcomes = publisher.publish(singles.stream().map(v -> listed(v.sku(), 2)).toList());

            assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
        }
        singles.forEach(v -> assertListed(v, 2));
        // Three lines ran in bulk; the other three products are sent as requests (aliased in one document).
        assertThat(mutationsSince(0).stream().filter("productVariantsBulkUpdate"::equals)).hasSize(3);
    }

    @Test
    void itemsAFailedBulkActivationLeftWithoutAResultAreActivatedOneByOne() {
        List<Variant> jackets = product("JKT", 6);
        // With the per-SKU marks the activation is the first bulk mutation.
        fixture.shop.bulk().failNextMutation(BulkOutcome.FAILED_WITH_PARTIAL_DATA);
        try (ShopifyPublisher publisher = bulkPublisher(false)) {
            List<PublishOutcome> outcomes = publisher.publish(jackets.stream().map(v -> listed(v.sku(), 2)).toList());

            assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
        }
        jackets.forEach(v -> assertListed(v, 2));
        assertThat(mutationsSince(0).stream().filter("inventoryActivate"::equals)).hasSize(3);
    }

    @Test
    void aBulkMutationThatTimedOutWithoutDataLeavesEveryItemToTheOneByOnePath() {
        List<Variant> jackets = product("JKT", 4);
        fixture.shop.bulk().failNextMutation(BulkOutcome.FAILED_TIMEOUT);
        try (ShopifyPublisher publisher = bulkPublisher(false)) {
            List<PublishOutcome> outcomes = publisher.publish(jackets.stream().map(v -> listed(v.sku(), 1)).toList());

            assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
        }
        jackets.forEach(v -> assertListed(v, 1));
        // The two lines that ran before the failure are activated again: activating a stocked item changes nothing.
        assertThat(mutationsSince(0).stream().filter("inventoryActivate"::equals)).hasSize(4);
    }
}
