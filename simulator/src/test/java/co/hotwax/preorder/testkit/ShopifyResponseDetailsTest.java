package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Details Shopify's own JavaScript client saw differ (issue #13, item 8), and selling plans (item 6). */
class ShopifyResponseDetailsTest {
    @Test
    void responsesCarryARequestIdAndTheServedApiVersion() {
        try (SimFixture f = new SimFixture()) {
            JsonClient.Reply a = f.client.post("{ location { id } }", JsonClient.vars());
            JsonClient.Reply b = f.client.post("{ location { id } }", JsonClient.vars());
            assertThat(a.raw().headers().firstValue("X-Shopify-API-Version")).hasValue("2026-04");
            assertThat(a.raw().headers().firstValue("X-Request-Id")).isPresent()
                    .isNotEqualTo(b.raw().headers().firstValue("X-Request-Id"));
        }
    }

    @Test
    void dateTimesHaveWholeSeconds() {
        try (SimFixture f = new SimFixture()) {
            String updated = f.client.post("query L($id: ID!) { inventoryItem(id: $id) { inventoryLevels(first: 1) "
                    + "{ nodes { quantities(names: [\"available\"]) { updatedAt } } } } }",
                    JsonClient.vars("id", f.deny.inventoryItemId())).data().findValue("updatedAt").asText();
            assertThat(updated).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        }
    }

    @Test
    void validationErrorsUseShopifysWordingWithoutClassification() {
        try (SimFixture f = new SimFixture()) {
            JsonNode error = f.client.post("{ shopp { id } }", JsonClient.vars()).errors().get(0);
            assertThat(error.path("message").asText()).isEqualTo("Field 'shopp' doesn't exist on type 'QueryRoot'");
            assertThat(error.path("extensions").path("typeName").asText()).isEqualTo("QueryRoot");
            assertThat(error.path("extensions").has("classification")).isFalse();
            JsonNode missing = f.client.post("{ inventoryItem { id } }", JsonClient.vars()).errors().get(0);
            assertThat(missing.path("message").asText())
                    .isEqualTo("Field 'inventoryItem' is missing required arguments: id");
        }
    }

    @Test
    void sellingPlanGroupsOnVariantsAreVisibleToAPreflight() {
        try (SimFixture f = new SimFixture()) {
            f.sim.addSellingPlanGroup("Other app pre-order", SellingPlanReserve.ON_FULFILLMENT, List.of(f.deny.id()));
            f.sim.setRequiresSellingPlan(f.product.id(), true);
            JsonNode v = f.client.post("""
                    query V($id: ID!) { productVariant(id: $id) { product { requiresSellingPlan }
                      sellingPlanGroups(first: 5) { nodes { name sellingPlans(first: 5) { nodes { category
                        inventoryPolicy { reserve } } } } } } }""", JsonClient.vars("id", f.deny.id())).data()
                    .path("productVariant");
            assertThat(v.path("product").path("requiresSellingPlan").asBoolean()).isTrue();
            JsonNode plan = v.path("sellingPlanGroups").path("nodes").get(0).path("sellingPlans").path("nodes").get(0);
            assertThat(plan.path("category").asText()).isEqualTo("PRE_ORDER");
            assertThat(plan.path("inventoryPolicy").path("reserve").asText()).isEqualTo("ON_FULFILLMENT");
            assertThat(f.client.post("query V($id: ID!) { productVariant(id: $id) { sellingPlanGroups(first: 5) "
                    + "{ nodes { id } } } }", JsonClient.vars("id", f.cont.id())).data()
                    .findValue("nodes")).isEmpty();
        }
    }
}
