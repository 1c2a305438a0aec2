package co.hotwax.preorder.shopify;

import co.hotwax.preorder.shopify.PreflightFinding.Severity;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.SellingPlanReserve;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store preflight against the simulator: a store that passes, and one finding per misconfiguration (scopes,
 * locations, the API version served, stocking, selling plans, a metafield or tag owned by something else).
 */
class ShopifyPublisherPreflightTest {
    private static final String TOKEN = "shpat_preflight-secret-7";

    private ProxiedShop fixture;
    private ShopifySimulator shop;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProxiedShop(TOKEN);
        shop = fixture.shop;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ShopifyPublisher publisher(boolean allowUnsafe) {
        // Each publisher its own seed: two with the same seed would send the same idempotency keys.
        return fixture.publisher(fixture.config(TOKEN).allowUnsafeListing(allowUnsafe).build(), allowUnsafe ? 5 : 3);
    }

    private Variant variant(String sku, boolean tracked, InventoryPolicy policy, List<String> tags) {
        return shop.addVariant(shop.addProduct("Product " + sku, tags).id(), sku, tracked, policy);
    }

    private static DesiredState listed(String sku, long sellable) {
        return new DesiredState(sku, null, sellable, 0, true, LocalDate.of(2026, 7, 1), false);
    }

    private static PreflightFinding find(List<PreflightFinding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + check + " in " + findings));
    }

    @Test
    void aStoreSetUpForPreOrdersPasses() {
        variant("OK-1", true, InventoryPolicy.DENY, List.of());
        try (ShopifyPublisher p = publisher(false)) {
            PreflightReport report = p.preflight(List.of("OK-1"));
            // INFO at most: not stocked yet, and the proxy in front of the simulator drops the version header.
            assertThat(report.worst()).as("%s", report).isLessThan(Severity.WARNING);
            assertThat(find(report.store(), "preorder-location").severity()).isEqualTo(Severity.OK);
            assertThat(find(report.skus().get("OK-1"), "stocked-at").reason()).contains("stocked nowhere");
        }
    }

    @Test
    void storeLevelFindingsNameTheProblemAndTheFix() {
        shop.revokeScope("write_inventory");
        Location warehouse = shop.addLocation("Warehouse");
        shop.setFulfillsOnlineOrders(fixture.location.id(), false);
        try (ShopifyPublisher p = publisher(false)) {
            PreflightReport report = p.preflight(List.of());
            PreflightFinding scopes = find(report.store(), "access-scopes");
            assertThat(scopes.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(scopes.reason()).contains("write_inventory");
            assertThat(scopes.fix()).contains("write_inventory");
            PreflightFinding location = find(report.store(), "preorder-location");
            assertThat(location.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(location.fix()).contains("Fulfill online orders");
            PreflightFinding others = find(report.store(), "other-online-locations");
            assertThat(others.severity()).isEqualTo(Severity.WARNING);
            assertThat(others.reason()).contains("1 other").contains(warehouse.name());
            assertThat(report.storeBlocked()).isTrue();
            assertThat(report.all()).allSatisfy(f -> assertThat(f.describe()).doesNotContain(TOKEN));
        }
    }

    @Test
    void aDeactivatedOrUnknownPreOrderLocationIsABlocker() {
        shop.setActive(fixture.location.id(), false);
        try (ShopifyPublisher p = publisher(false)) {
            assertThat(find(p.preflight(List.of()).store(), "preorder-location").reason()).contains("deactivated");
        }
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).defaultLocationId("gid://shopify/Location/999999").build(), 3)) {
            PreflightFinding f = find(p.preflight(List.of()).store(), "preorder-location");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.reason()).contains("no location");
        }
    }

    @Test
    void perSkuFindings() {
        Location warehouse = shop.addLocation("Warehouse");
        shop.addLocation("High street", false);
        Variant elsewhere = variant("ELSEWHERE-1", true, InventoryPolicy.DENY, List.of());
        shop.stock(elsewhere.id(), warehouse.id(), 0);
        Variant planned = variant("PLAN-1", false, InventoryPolicy.CONTINUE, List.of("HC:Pre-Order"));
        shop.addSellingPlanGroup("Other app pre-order", SellingPlanReserve.ON_FULFILLMENT, List.of(planned.id()));
        Variant twin = variant("TWIN-1", true, InventoryPolicy.DENY, List.of());
        shop.addVariant(twin.productId(), "TWIN-1", true, InventoryPolicy.DENY);
        try (ShopifyPublisher p = publisher(false)) {
            PreflightReport report = p.preflight(List.of("ELSEWHERE-1", "PLAN-1", "TWIN-1", "NOPE-1"));
            PreflightFinding stocked = find(report.skus().get("ELSEWHERE-1"), "stocked-elsewhere");
            assertThat(stocked.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(stocked.reason()).contains("Warehouse").contains("available 0");
            assertThat(stocked.fix()).contains("allowUnsafeListing");
            List<PreflightFinding> plan = report.skus().get("PLAN-1");
            assertThat(find(plan, "selling-plan").severity()).isEqualTo(Severity.BLOCKER);
            assertThat(find(plan, "selling-plan").reason()).contains("ON_FULFILLMENT".toLowerCase().replace('_', ' ').substring(0, 2))
                    .contains("fulfilment");
            assertThat(find(plan, "tracked").severity()).isEqualTo(Severity.INFO);
            assertThat(find(plan, "policy").reason()).contains("CONTINUE");
            assertThat(find(plan, "tag-owner").severity()).isEqualTo(Severity.WARNING);
            assertThat(find(report.skus().get("TWIN-1"), "unique").reason()).contains("2 variants");
            assertThat(find(report.skus().get("NOPE-1"), "found").severity()).isEqualTo(Severity.BLOCKER);
            assertThat(report.skuBlocker("ELSEWHERE-1")).isPresent();
        }
    }

    @Test
    void publishRefusesAnUnsafeSkuUntilTheSetupIsFixedOrTheIntegratorOptsIn() {
        Location warehouse = shop.addLocation("Warehouse");
        Variant v = variant("UNSAFE-1", true, InventoryPolicy.DENY, List.of());
        shop.stock(v.id(), warehouse.id(), 0);
        variant("SAFE-1", true, InventoryPolicy.DENY, List.of());
        try (ShopifyPublisher p = publisher(false)) {
            List<PublishOutcome> out = p.publish(List.of(listed("UNSAFE-1", 5), listed("SAFE-1", 5)));
            assertThat(out.get(0).status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(out.get(0).reason()).contains("stocked at Warehouse").contains("fix:");
            assertThat(out.get(0).channelProblem()).isFalse();
            assertThat(out.get(1).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(shop.policy(v.id())).isEqualTo(InventoryPolicy.DENY);
            assertThat(shop.metafield(v.id(), "HC_PREORDER", "preorder")).isEmpty();

            shop.setFulfillsOnlineOrders(warehouse.id(), false); // the merchant fixes the setup
            assertThat(p.publish(List.of(listed("UNSAFE-1", 5))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(shop.quantity(v.inventoryItemId(), fixture.location.id(), "available")).isEqualTo(5);
        }
        Variant w = variant("UNSAFE-2", true, InventoryPolicy.DENY, List.of());
        shop.addSellingPlanGroup("Other app", SellingPlanReserve.ON_FULFILLMENT, List.of(w.id()));
        try (ShopifyPublisher p = publisher(true)) {
            PublishOutcome unsafe = p.publish(List.of(listed("UNSAFE-2", 4))).get(0);
            assertThat(unsafe.status()).as(unsafe.reason()).isEqualTo(PublishOutcome.Status.APPLIED);
        }
    }

    @Test
    void aPassedSkuIsCheckedAgainOnlyAfterTheConfiguredInterval() {
        variant("RE-1", true, InventoryPolicy.DENY, List.of());
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).preflightRecheck(Duration.ofHours(6)).build(),
                3)) {
            assertThat(p.publish(List.of(listed("RE-1", 5))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            long checks = shop.stats().operation("productVariants");
            assertThat(checks).as("the first listing checks the SKU").isPositive();

            fixture.time.advance(Duration.ofHours(5));
            assertThat(p.publish(List.of(listed("RE-1", 4))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(shop.stats().operation("productVariants")).as("within the interval: no re-check")
                    .isEqualTo(checks);

            fixture.time.advance(Duration.ofHours(1));
            assertThat(p.publish(List.of(listed("RE-1", 3))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(shop.stats().operation("productVariants")).as("the interval passed: checked again")
                    .isGreaterThan(checks);
        }
    }

    @Test
    void theRecheckIntervalIsValidated() {
        assertThatThrownBy(() -> fixture.config(TOKEN).preflightRecheck(Duration.ofSeconds(30)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preflightRecheck");
        assertThatThrownBy(() -> fixture.config(TOKEN).preflightRecheck(Duration.ofDays(8)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preflightRecheck");
        assertThatThrownBy(() -> fixture.config(TOKEN).preflightRecheck(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preflightRecheck");
        assertThat(fixture.config(TOKEN).build().preflightRecheck()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aStoreBlockerAnswersEveryItemWithTheChannelProblemUntilFixed() {
        variant("S-1", true, InventoryPolicy.DENY, List.of());
        variant("S-2", true, InventoryPolicy.DENY, List.of());
        shop.setActive(fixture.location.id(), false);
        try (ShopifyPublisher p = publisher(false)) {
            List<PublishOutcome> out = p.publish(List.of(listed("S-1", 1), listed("S-2", 2)));
            assertThat(out).allSatisfy(o -> {
                assertThat(o.channelProblem()).isTrue();
                assertThat(o.reason()).contains("deactivated").contains("reactivate");
            });
            assertThat(out.get(0).reason()).isEqualTo(out.get(1).reason());
            shop.setActive(fixture.location.id(), true);
            assertThat(p.publish(List.of(listed("S-1", 1))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        }
    }

    @Test
    void preflightOffListsWithoutChecking() {
        Location warehouse = shop.addLocation("Warehouse");
        Variant v = variant("OFF-1", true, InventoryPolicy.DENY, List.of());
        shop.stock(v.id(), warehouse.id(), 0);
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).preflight(false).build(), 3)) {
            assertThat(p.publish(List.of(listed("OFF-1", 3))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        }
    }

    @Test
    void anUnreadableShopIsTheDocumentedException() {
        try (ShopifyPublisher p = fixture.publisher(fixture.config("shpat_wrong").build(), 3)) {
            assertThatThrownBy(() -> p.preflight(List.of())).isInstanceOf(ShopifyUnavailableException.class)
                    .hasMessageNotContaining("shpat_wrong");
        }
    }

    /** A publisher talking to the simulator directly (no proxy), which answers with the version it served. */
    private ShopifyPublisher direct(String version) {
        URI base = shop.graphqlEndpoint("2026-04").resolve("/");
        return fixture.publisher(fixture.config(TOKEN).endpoint(base).apiVersion(version).build(), 7);
    }

    @Test
    void theVersionShopifyServedIsCheckedAgainstTheConfiguredOne() {
        try (ShopifyPublisher p = direct("2026-07")) {
            PreflightReport report = p.preflight(List.of());
            assertThat(report.apiVersion()).isEqualTo("2026-07");
            PreflightFinding version = find(report.store(), "api-version");
            assertThat(version.severity()).isEqualTo(Severity.OK);
            assertThat(version.reason()).contains("2026-07");
        }
        // Shopify answers a request for a retired version with the oldest supported one instead of an error
        // (shopify.dev/docs/api/usage/versioning): the proxy plays that answer, the simulator's body with the
        // header of another version.
        fixture.proxy.handler((body, upstream) -> {
            InterceptingProxy.Reply reply = upstream.forward(body);
            Map<String, String> headers = new HashMap<>(reply.headers());
            headers.put("X-Shopify-API-Version", "2026-07");
            return new InterceptingProxy.Reply(reply.status(), reply.body(), headers);
        });
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 8)) {
            PreflightReport report = p.preflight(List.of());
            PreflightFinding version = find(report.store(), "api-version");
            assertThat(version.severity()).isEqualTo(Severity.WARNING);
            assertThat(version.reason()).contains("requested 2026-04").contains("served 2026-07");
            assertThat(version.fix()).contains("2026-07");
            assertThat(report.storeBlocked()).as("a version mismatch warns, it does not block").isFalse();
            assertThat(p.checkSetup().problems()).anySatisfy(problem -> {
                assertThat(problem.check()).isEqualTo("api-version");
                assertThat(problem.blocking()).isFalse();
            });
        }
    }

    @Test
    void aMetafieldOrTagOwnedBySomethingElseIsAWarningAndOursIsNot() throws Exception {
        Variant foreign = shop.addVariant(shop.addProduct("Foreign", List.of()).id(), "FOREIGN-1", true, InventoryPolicy.DENY);
        setMetafield(foreign.id(), "single_line_text_field", "ships in spring");
        Variant tagged = shop.addVariant(shop.addProduct("Tagged", List.of("HC:Pre-Order")).id(), "TAGGED-1", true,
                InventoryPolicy.DENY);
        Variant ours = shop.addVariant(shop.addProduct("Ours", List.of("HC:Pre-Order")).id(), "OURS-1", true,
                InventoryPolicy.DENY);
        setMetafield(ours.id(), "json", "{\"status\":\"inactive\",\"preorderType\":\"PRE_ORDER\","
                + "\"promise_date\":null,\"last_updated_at\":\"2026-06-01T10:00:00Z\"}");
        Variant free = shop.addVariant(shop.addProduct("Free", List.of()).id(), "FREE-1", true, InventoryPolicy.DENY);
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 9)) {
            PreflightReport report = p.preflight(List.of("FOREIGN-1", "TAGGED-1", "OURS-1", "FREE-1"));
            PreflightFinding metafield = find(report.skus().get("FOREIGN-1"), "metafield-owner");
            assertThat(metafield.severity()).isEqualTo(Severity.WARNING);
            assertThat(metafield.reason()).contains("did not write");
            assertThat(metafield.fix()).contains("namespace");
            PreflightFinding tag = find(report.skus().get("TAGGED-1"), "tag-owner");
            assertThat(tag.severity()).isEqualTo(Severity.WARNING);
            assertThat(tag.reason()).contains("HC:Pre-Order");
            assertThat(find(report.skus().get("OURS-1"), "owner").severity()).isEqualTo(Severity.OK);
            assertThat(find(report.skus().get("FREE-1"), "owner").severity()).isEqualTo(Severity.OK);
            assertThat(report.skuBlocker("FOREIGN-1")).as("ownership warns, it does not block listing").isEmpty();
        }
        assertThat(free.id()).isNotBlank();
    }

    /** Another app writes the metafield, as it would through the Admin API. */
    private void setMetafield(String ownerId, String type, String value) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> metafield = Map.of("ownerId", ownerId, "namespace", "HC_PREORDER", "key", "preorder",
                "type", type, "value", value);
        String body = json.writeValueAsString(Map.of("query", "mutation Set($m: [MetafieldsSetInput!]!) { "
                + "metafieldsSet(metafields: $m) { userErrors { message } } }", "variables", Map.of("m", List.of(metafield))));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(shop.graphqlEndpoint("2026-04"))
                .header("Content-Type", "application/json").header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).at("/data/metafieldsSet/userErrors")).as(response.body()).isEmpty();
        assertThat(shop.metafield(ownerId, "HC_PREORDER", "preorder")).contains(value);
    }
}
