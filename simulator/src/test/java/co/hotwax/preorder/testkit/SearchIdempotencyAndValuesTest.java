package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search syntax, the 24-hour idempotency window and metafield value validation (issue #13, items 4 and 8). */
class SearchIdempotencyAndValuesTest {
    static final String SEARCH = "query S($q: String) { productVariants(first: 50, query: $q) { nodes { sku } } }";

    private static List<String> skus(SimFixture f, String query) {
        return f.client.post(SEARCH, JsonClient.vars("q", query)).data().findValuesAsText("sku");
    }

    @Test
    void searchIsCaseInsensitiveWithPrefixesProductIdsAndOr() {
        try (SimFixture f = new SimFixture()) {
            Product other = f.sim.addProduct("Boots", List.of());
            f.sim.addVariant(other.id(), "BOOT-1", true, InventoryPolicy.DENY);

            assertThat(skus(f, "sku:jkt-deny")).containsExactly("JKT-DENY");
            assertThat(skus(f, "sku:JKT*")).containsExactly("JKT-DENY", "JKT-CONT");
            assertThat(skus(f, "product_id:" + other.id().substring(other.id().lastIndexOf('/') + 1)))
                    .containsExactly("BOOT-1");
            assertThat(skus(f, "sku:boot* OR sku:'JKT-CONT'")).containsExactlyInAnyOrder("BOOT-1", "JKT-CONT");
            assertThat(skus(f, "sku:JKT* AND product_id:" + other.id())).isEmpty();
            assertThat(f.client.post(SEARCH, JsonClient.vars("q", "title:Boots")).errors().get(0).path("message")
                    .asText()).contains("supports only");
        }
    }

    @Test
    void anIdempotencyKeyIsForgottenAfterTwentyFourHoursOfTheSimulatorsClock() {
        VirtualClock clock = new VirtualClock();
        try (SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
                .clock(clock))) {
            var input = JsonClient.vars("name", "available", "reason", "correction", "changes", List.of(
                    JsonClient.vars("inventoryItemId", f.deny.inventoryItemId(), "locationId", f.warehouse.id(),
                            "delta", 1, "changeFromQuantity", null)));
            f.client.post(SimFixture.ADJUST, JsonClient.vars("key", "same", "input", input));
            clock.advance(Duration.ofHours(23));
            f.client.post(SimFixture.ADJUST, JsonClient.vars("key", "same", "input", input));
            assertThat(f.available(f.deny)).as("replayed within 24 h").isEqualTo(11);

            clock.advance(Duration.ofHours(1).plusSeconds(1));
            f.client.post(SimFixture.ADJUST, JsonClient.vars("key", "same", "input", input));
            assertThat(f.available(f.deny)).as("applied again after 24 h").isEqualTo(12);
        }
    }

    @Test
    void metafieldValuesAreValidatedAgainstTheirType() {
        try (SimFixture f = new SimFixture()) {
            for (List<String> bad : List.of(List.of("number_integer", "twelve"), List.of("json", "{not json"),
                    List.of("boolean", "yes"), List.of("date", "2026-13-01"))) {
                JsonClient.Reply r = f.client.post(CatalogWritesTest.METAFIELDS, JsonClient.vars("metafields",
                        List.of(JsonClient.vars("ownerId", f.deny.id(), "namespace", "hotwax", "key", "limit",
                                "type", bad.get(0), "value", bad.get(1)))));
                assertThat(r.data().path("metafieldsSet").path("userErrors").get(0).path("code").asText())
                        .as(bad.toString()).isEqualTo("INVALID_VALUE");
            }
            assertThat(f.sim.metafield(f.deny.id(), "hotwax", "limit")).isEmpty();
            JsonClient.Reply ok = f.client.post(CatalogWritesTest.METAFIELDS, JsonClient.vars("metafields",
                    List.of(JsonClient.vars("ownerId", f.deny.id(), "namespace", "hotwax", "key", "limit",
                            "type", "json", "value", "{\"cap\": 12}"))));
            assertThat(ok.data().path("metafieldsSet").path("userErrors")).isEmpty();
        }
    }
}
