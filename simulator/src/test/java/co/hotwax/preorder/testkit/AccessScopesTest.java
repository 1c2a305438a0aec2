package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access scopes per token, Shopify's ACCESS_DENIED shape and revocation mid-run (issue #13, item 2). */
class AccessScopesTest {
    static final String SCOPES = "{ currentAppInstallation { accessScopes { handle } } }";
    static final String VARIANT = "query V($id: ID!) { productVariant(id: $id) { id sku } }";
    static final String LOCATIONS = "{ locations(first: 5) { nodes { id } } }";

    @Test
    void aDefaultSimulatorGrantsEveryScopeItKnows() {
        try (SimFixture f = new SimFixture()) {
            JsonNode handles = f.client.post(SCOPES, JsonClient.vars()).data()
                    .path("currentAppInstallation").path("accessScopes");
            assertThat(handles.findValuesAsText("handle")).contains("write_inventory", "read_products",
                    "read_locations").isEqualTo(f.sim.accessScopes());
        }
    }

    @Test
    void aMissingScopeAnswersShopifysAccessDeniedShapeWithNullData() {
        try (SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
                .accessScopes("read_products"))) {
            JsonClient.Reply r = f.client.post(SimFixture.SET, JsonClient.vars("key", "k1", "input", JsonClient.vars(
                    "name", "available", "reason", "correction", "quantities", List.of(JsonClient.vars(
                            "inventoryItemId", f.deny.inventoryItemId(), "locationId", f.warehouse.id(),
                            "quantity", 3, "changeFromQuantity", null)))));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data().has("inventorySetQuantities")).isTrue();
            assertThat(r.data().path("inventorySetQuantities").isNull()).isTrue();
            JsonNode error = r.errors().get(0);
            assertThat(error.path("message").asText()).isEqualTo("Access denied for inventorySetQuantities field. "
                    + "Required access: `write_inventory` access scope.");
            assertThat(error.path("path").get(0).asText()).isEqualTo("inventorySetQuantities");
            assertThat(error.path("extensions").path("code").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(error.path("extensions").path("requiredAccess").asText())
                    .isEqualTo("`write_inventory` access scope.");
            assertThat(f.available(f.deny)).isEqualTo(10);
            assertThat(f.client.post(LOCATIONS, JsonClient.vars()).errors().get(0).path("extensions").path("code")
                    .asText()).isEqualTo("ACCESS_DENIED");
            assertThat(f.client.post(VARIANT, JsonClient.vars("id", f.deny.id())).errors().isMissingNode()).isTrue();
        }
    }

    @Test
    void aScopeRevokedMidRunDeniesTheNextRequestAndAGrantRestoresIt() {
        try (SimFixture f = new SimFixture()) {
            assertThat(f.client.post(VARIANT, JsonClient.vars("id", f.deny.id())).data().path("productVariant")
                    .path("sku").asText()).isEqualTo("JKT-DENY");

            f.sim.revokeScope("write_products");
            f.sim.revokeScope("read_products");
            JsonClient.Reply denied = f.client.post(VARIANT, JsonClient.vars("id", f.deny.id()));
            assertThat(denied.errors().get(0).path("message").asText()).contains("`read_products`");
            assertThat(f.client.post(SCOPES, JsonClient.vars()).data().findValuesAsText("handle"))
                    .doesNotContain("read_products", "write_products");

            f.sim.grantScope("write_products");
            assertThat(f.client.post(VARIANT, JsonClient.vars("id", f.deny.id())).data().path("productVariant")
                    .path("sku").asText()).as("write_products includes read_products").isEqualTo("JKT-DENY");
        }
    }
}
