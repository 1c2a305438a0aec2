package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transport-level behaviour: auth, paths, versions, malformed bodies and invalid documents. */
class HttpProtocolTest {
    private static final String SHOP_QUERY = "{ locations(first: 5) { nodes { id name } } }";
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void missingTokenIs401WithShopifysBody() {
        JsonClient.Reply r = new JsonClient(f.sim.graphqlEndpoint("2026-04"), null).post(SHOP_QUERY, Map.of());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("errors").asText())
                .isEqualTo("[API] Invalid API key or access token (unrecognized login or wrong password)");
    }

    @Test
    void wrongTokenIs401() {
        JsonClient.Reply r = new JsonClient(f.sim.graphqlEndpoint("2026-04"), "shpat_wrong").post(SHOP_QUERY,
                Map.of());

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void wrongPathIs404() {
        URI other = f.sim.graphqlEndpoint("2026-04").resolve("/admin/api/2026-04/products.json");

        assertThat(new JsonClient(other, JsonClient.TOKEN).post(SHOP_QUERY, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void versionsBefore202604Are404AndLaterOnesAnswer() {
        assertThat(new JsonClient(f.sim.graphqlEndpoint("2025-07"), JsonClient.TOKEN).post(SHOP_QUERY, Map.of())
                .status()).isEqualTo(404);
        JsonClient.Reply later = new JsonClient(f.sim.graphqlEndpoint("2026-10"), JsonClient.TOKEN)
                .post(SHOP_QUERY, Map.of());

        assertThat(later.status()).isEqualTo(200);
        assertThat(later.data().path("locations").path("nodes")).hasSize(2);
    }

    @Test
    void configuredVersionsReplaceTheDefault() {
        try (SimFixture only = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
                .apiVersions("2026-07"))) {
            assertThat(new JsonClient(only.sim.graphqlEndpoint("2026-04"), JsonClient.TOKEN)
                    .post(SHOP_QUERY, Map.of()).status()).isEqualTo(404);
            assertThat(new JsonClient(only.sim.graphqlEndpoint("2026-07"), JsonClient.TOKEN)
                    .post(SHOP_QUERY, Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void undefinedFieldIsAValidationErrorShapedLikeShopifys() {
        JsonClient.Reply r = f.client.post("{ shopp { name } }", Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().has("data")).isFalse();
        assertThat(r.errors().get(0).path("extensions").path("code").asText()).isEqualTo("undefinedField");
        assertThat(r.errors().get(0).path("message").asText()).contains("shopp").doesNotContain("Validation error");
        assertThat(r.errors().get(0).path("locations")).isNotEmpty();
    }

    @Test
    void missingRequiredArgumentIsReported() {
        JsonClient.Reply r = f.client.post("{ productVariant { id } }", Map.of());

        assertThat(r.errors().get(0).path("extensions").path("code").asText()).isEqualTo("missingRequiredArguments");
    }

    @Test
    void syntaxErrorIsReportedWithoutData() {
        JsonClient.Reply r = f.client.post("{ locations(first: 1) { nodes { id } ", Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.errors()).isNotEmpty();
        assertThat(r.body().has("data")).isFalse();
    }

    @Test
    void bodyWithoutQueryIs400() throws Exception {
        JsonClient.Reply r = f.client.send("{\"variables\":{}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").path("query").asText()).contains("Required parameter");
    }

    @Test
    void tokenNeverAppearsInToStringOrRequestLog() {
        f.client.post(SHOP_QUERY, Map.of());

        assertThat(f.sim.toString()).doesNotContain(JsonClient.TOKEN);
        assertThat(f.sim.requestLog().toString()).doesNotContain(JsonClient.TOKEN);
        assertThat(ShopifySimulator.builder().accessToken(JsonClient.TOKEN).toString())
                .doesNotContain(JsonClient.TOKEN);
    }

    @Test
    void statsAndRequestLogRecordOperations() {
        f.client.post("query Locs " + SHOP_QUERY, Map.of());

        assertThat(f.sim.stats().requests()).isEqualTo(1);
        assertThat(f.sim.stats().operation("locations")).isEqualTo(1);
        RequestLogEntry entry = f.sim.requestLog().get(0);
        assertThat(entry.rootFields()).containsExactly("locations");
        assertThat(entry.httpStatus()).isEqualTo(200);
    }

    @Test
    void builderRejectsMissingToken() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShopifySimulator.builder().start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessToken");
    }
}
