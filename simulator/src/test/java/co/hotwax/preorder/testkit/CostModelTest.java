package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented cost model, the logarithmic switch and overrides, over HTTP (issue #13, item 3). */
class CostModelTest {
    /** 250 ids, each node an object with an inventory level object and a quantities list: 250 x (1 + 2). */
    static final String LEVELS = """
            query L($ids: [ID!]!, $loc: ID!) { nodes(ids: $ids) { ... on InventoryItem {
              inventoryLevel(locationId: $loc) { quantities(names: ["available"]) { quantity } } } } }""";
    static final String PAGE = """
            query P { productVariants(first: 250) { nodes { id inventoryItem { id } } } }""";

    private static int requested(ShopifySimulator.Builder builder, String query, boolean withIds) {
        try (SimFixture f = new SimFixture(builder.accessToken(JsonClient.TOKEN))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                ids.add(f.deny.inventoryItemId());
            }
            JsonClient.Reply r = f.client.post(query, withIds
                    ? JsonClient.vars("ids", ids, "loc", f.warehouse.id()) : JsonClient.vars());
            return r.body().path("extensions").path("cost").path("requestedQueryCost").asInt();
        }
    }

    @Test
    void theDocumentedModelChargesEveryNodeObject() {
        CostModel documented = CostModel.documented();
        assertThat(requested(ShopifySimulator.builder().costModel(documented), LEVELS, true)).isEqualTo(750);
        assertThat(requested(ShopifySimulator.builder(), LEVELS, true)).as("default: the first model").isEqualTo(500);
        assertThat(requested(ShopifySimulator.builder().costModel(documented), PAGE, false)).isEqualTo(2 + 250 * 2);
    }

    @Test
    void theLogarithmicSwitchScalesConnectionsByLog2OfThePageSize() {
        assertThat(requested(ShopifySimulator.builder().costModel(CostModel.observedLogarithmic()), PAGE, false))
                .isEqualTo(2 + 8 * 2);
    }

    @Test
    void anOverrideSetsAMeasuredCostForOneRootField() {
        CostModel measured = CostModel.documented().withOverride("productVariants", 25);
        assertThat(requested(ShopifySimulator.builder().costModel(measured), PAGE, false)).isEqualTo(25);
    }

    @Test
    void eachVariantMetafieldAddsTwoFifthsUnderEveryModelInlineOrAsVariables() {
        for (CostModel model : List.of(CostModel.firstSimulator(), CostModel.documented())) {
            try (SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN).costModel(model))) {
                List<Object> variants = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    variants.add(JsonClient.vars("id", f.deny.id(), "metafields", List.of(JsonClient.vars("namespace",
                            "hotwax", "key", "preorder", "type", "json", "value", "{}"))));
                }
                JsonClient.Reply r = f.client.post(CatalogWritesTest.BULK, JsonClient.vars("productId",
                        f.product.id(), "variants", variants));
                // 10 + 0.2 x 10 variants + 0.4 x 10 metafields, then the two lists selected.
                assertThat(r.body().at("/extensions/cost/requestedQueryCost").asInt()).as(model.toString())
                        .isEqualTo(16 + 2);

                JsonClient.Reply inline = f.client.post("mutation { productVariantsBulkUpdate(productId: \""
                        + f.product.id() + "\", variants: [{id: \"" + f.deny.id() + "\", metafields: [{namespace: "
                        + "\"hotwax\", key: \"preorder\", type: \"json\", value: \"{}\"}]}]) { userErrors { code } } }",
                        JsonClient.vars());
                // 10 + ceil(0.2 + 0.4), then userErrors.
                assertThat(inline.body().at("/extensions/cost/requestedQueryCost").asInt()).as(model.toString())
                        .isEqualTo(11 + 1);
            }
        }
    }

    @Test
    void productVariantsBulkUpdateCostsTenPlusAFifthPerVariantAndAboveOneThousandIsRefused() {
        try (SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
                .costModel(CostModel.documented()))) {
            List<Object> variants = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                variants.add(JsonClient.vars("id", f.deny.id(), "inventoryPolicy", "DENY"));
            }
            JsonClient.Reply r = f.client.post(CatalogWritesTest.BULK, JsonClient.vars("productId", f.product.id(),
                    "variants", variants));
            int requested = r.body().path("extensions").path("cost").path("requestedQueryCost").asInt();
            // 10 + ceil(0.2 x 20) for the mutation, 1 each for the productVariants and userErrors lists.
            assertThat(requested).isEqualTo(10 + 4 + 2);

            JsonClient.Reply tooDear = f.client.post("{ a: productVariants(first: 250) { nodes { id product { id } "
                    + "inventoryItem { id inventoryLevel(locationId: \"gid://shopify/Location/1\") { id } } } } }",
                    JsonClient.vars());
            assertThat(tooDear.errors().get(0).path("extensions").path("code").asText())
                    .isEqualTo("MAX_COST_EXCEEDED");
            assertThat(tooDear.data().isMissingNode()).isTrue();
        }
    }
}
