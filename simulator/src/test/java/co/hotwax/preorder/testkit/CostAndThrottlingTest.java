package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import co.hotwax.preorder.spi.ShopifyPlan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shopify's cost model over HTTP: extensions.cost everywhere, THROTTLED as 200, refunds, the 1,000 limit. */
class CostAndThrottlingTest {
    private static final String SKU_QUERY = "{ productVariants(first: 5, query: \"sku:JKT-DENY\") { nodes { id sku } } }";
    private final VirtualClock clock = new VirtualClock();
    private final SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
            .clock(clock).limits(new PlanLimits(10, 50)));

    @AfterEach
    void close() {
        f.close();
    }

    private JsonClient.Reply adjust(String key) {
        return f.client.post(SimFixture.ADJUST, vars("key", key, "input", vars("name", "available", "reason",
                "correction", "changes", List.of(vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                        f.warehouse.id(), "delta", 1, "changeFromQuantity", null)))));
    }

    @Test
    void everyResponseCarriesCostAndThrottleStatus() {
        JsonNode cost = f.client.post(SKU_QUERY, Map.of()).body().path("extensions").path("cost");

        assertThat(cost.path("requestedQueryCost").asInt()).isEqualTo(2 + 5);
        assertThat(cost.path("actualQueryCost").asInt()).isEqualTo(2 + 1);
        assertThat(cost.path("throttleStatus").path("maximumAvailable").asDouble()).isEqualTo(50.0);
        assertThat(cost.path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(10.0);
        // The clock did not move: the bucket lost exactly the actual cost (requested debited, difference refunded).
        assertThat(cost.path("throttleStatus").path("currentlyAvailable").asDouble()).isEqualTo(50.0 - 3);
    }

    @Test
    void invalidDocumentsStillCarryCost() {
        JsonNode body = f.client.post("{ shop { name } }", Map.of()).body();

        assertThat(body.path("extensions").path("cost").path("throttleStatus").isObject()).isTrue();
    }

    @Test
    void emptyBucketThrottlesWithHttp200AndAppliesNothingUntilPointsComeBack() {
        int applied = 0;
        JsonClient.Reply reply;
        int i = 0;
        do {
            reply = adjust("k-" + i++);
            if (!reply.errors().isArray()) {
                applied++;
            }
        } while (!reply.errors().isArray() && i < 20);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errors().get(0).path("message").asText()).isEqualTo("Throttled");
        assertThat(reply.errors().get(0).path("extensions").path("code").asText()).isEqualTo("THROTTLED");
        assertThat(reply.body().has("data")).isFalse();
        assertThat(reply.body().path("extensions").path("cost").path("actualQueryCost").isNull()).isTrue();
        assertThat(f.available(f.deny)).isEqualTo(10 + applied);
        assertThat(f.sim.stats().throttled()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        JsonClient.Reply after = adjust("k-after");

        assertThat(after.body().has("errors")).isFalse();
        assertThat(f.available(f.deny)).isEqualTo(10 + applied + 1);
    }

    @Test
    void documentsAboveOneThousandPointsAreRefused() {
        JsonClient.Reply r = f.client.post("""
                { productVariants(first: 250) { nodes { id product { id } inventoryItem { id
                  inventoryLevel(locationId: "gid://shopify/Location/1") { id location { id } } } } } }""",
                Map.of());

        assertThat(r.errors().get(0).path("extensions").path("code").asText()).isEqualTo("MAX_COST_EXCEEDED");
        assertThat(r.errors().get(0).path("message").asText()).contains("exceeds the single query max cost limit");
        assertThat(r.body().path("extensions").path("cost").path("requestedQueryCost").asInt()).isGreaterThan(1000);
    }

    @Test
    void plansSetTheBucket() {
        try (ShopifySimulator plus = ShopifySimulator.builder().accessToken(JsonClient.TOKEN).plan(ShopifyPlan.PLUS)
                .start()) {
            JsonNode status = new JsonClient(plus).post("{ locations(first: 1) { nodes { id } } }", Map.of()).body()
                    .path("extensions").path("cost").path("throttleStatus");

            assertThat(status.path("maximumAvailable").asDouble()).isEqualTo(20_000.0);
            assertThat(status.path("restoreRate").asDouble()).isEqualTo(1_000.0);
        }
    }
}
