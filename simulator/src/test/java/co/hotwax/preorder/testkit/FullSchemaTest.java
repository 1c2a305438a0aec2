package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Documents valid against Shopify's full 2026-04 schema are never refused as invalid: what the simulator does not
 * implement answers NOT_SIMULATED naming it, and nothing is applied (issue #13, item 5).
 */
class FullSchemaTest {
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static JsonNode onlyError(JsonClient.Reply r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().has("data")).isFalse();
        return r.errors().get(0);
    }

    @Test
    void aRootFieldOutsideTheSubsetIsNotSimulatedRatherThanUndefined() {
        JsonNode error = onlyError(f.client.post("{ shop { name currencyCode } }", JsonClient.vars()));

        assertThat(error.path("extensions").path("code").asText()).isEqualTo("NOT_SIMULATED");
        assertThat(error.path("message").asText()).contains("'shop'");
        assertThat(error.path("extensions").has("classification")).isFalse();
    }

    @Test
    void shopifysOwnInventoryItemUpdateExampleWithUnitCostNamesTheInputField() {
        // cost is in the simulator's subset (so the field itself runs) but not implemented: a field error.
        JsonClient.Reply r = f.client.post(CatalogWritesTest.ITEM_UPDATE, JsonClient.vars("id",
                f.deny.inventoryItemId(), "input", JsonClient.vars("cost", "145.89", "tracked", false)));
        JsonNode error = r.errors().get(0);

        assertThat(r.data().path("inventoryItemUpdate").isNull()).isTrue();
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("NOT_SIMULATED");
        assertThat(error.path("message").asText()).contains("cost");
        assertThat(f.sim.tracked(f.deny.inventoryItemId())).as("nothing applied").isTrue();
    }

    @Test
    void variantsBulkUpdateWithAPriceIsNotSimulated() {
        // Metafields are simulated (the listing marks use them); a price is not.
        JsonNode error = onlyError(f.client.post(CatalogWritesTest.BULK, JsonClient.vars("productId", f.product.id(),
                "variants", List.of(JsonClient.vars("id", f.deny.id(), "inventoryPolicy", "CONTINUE",
                        "price", "10.00")))));

        assertThat(error.path("extensions").path("code").asText()).isEqualTo("NOT_SIMULATED");
        assertThat(error.path("message").asText()).contains("price");
        assertThat(f.sim.policy(f.deny.id())).isEqualTo(InventoryPolicy.DENY);
    }

    @Test
    void aDocumentInvalidForShopifyIsStillAValidationError() {
        JsonNode error = onlyError(f.client.post("{ shop { nope } }", JsonClient.vars()));

        assertThat(error.path("extensions").path("code").asText()).isEqualTo("undefinedField");
        assertThat(error.path("message").asText()).isEqualTo("Field 'nope' doesn't exist on type 'Shop'");
    }
}
