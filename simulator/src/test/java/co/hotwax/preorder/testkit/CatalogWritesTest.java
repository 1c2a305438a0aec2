package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pre-order marks: tracked, inventoryPolicy, metafields (limit, compareDigest) and tags. */
class CatalogWritesTest {
    static final String ITEM_UPDATE = """
            mutation U($id: ID!, $input: InventoryItemInput!) {
              inventoryItemUpdate(id: $id, input: $input) { inventoryItem { id tracked } userErrors { field message } }
            }""";
    static final String BULK = """
            mutation B($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkUpdate(productId: $productId, variants: $variants) {
                productVariants { id inventoryPolicy } userErrors { code field message }
              }
            }""";
    static final String METAFIELDS = """
            mutation M($metafields: [MetafieldsSetInput!]!) {
              metafieldsSet(metafields: $metafields) {
                metafields { id namespace key value compareDigest } userErrors { code field message elementIndex }
              }
            }""";
    static final String TAGS_ADD = """
            mutation T($id: ID!, $tags: [String!]!) {
              tagsAdd(id: $id, tags: $tags) { node { id ... on Product { tags } } userErrors { field message } }
            }""";
    static final String TAGS_REMOVE = """
            mutation T($id: ID!, $tags: [String!]!) {
              tagsRemove(id: $id, tags: $tags) { node { id } userErrors { field message } }
            }""";
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void inventoryItemUpdateSetsTracked() {
        JsonNode p = f.client.post(ITEM_UPDATE, vars("id", f.deny.inventoryItemId(), "input",
                vars("tracked", false))).data().path("inventoryItemUpdate");

        assertThat(p.path("inventoryItem").path("tracked").asBoolean()).isFalse();
        assertThat(f.sim.tracked(f.deny.inventoryItemId())).isFalse();
    }

    @Test
    void inventoryItemUpdateOfUnknownItemIsAUserError() {
        JsonNode p = f.client.post(ITEM_UPDATE, vars("id", "gid://shopify/InventoryItem/404", "input",
                vars("tracked", true))).data().path("inventoryItemUpdate");

        assertThat(p.path("userErrors").get(0).path("field").get(0).asText()).isEqualTo("id");
    }

    @Test
    void bulkUpdateSetsThePolicy() {
        JsonNode p = f.client.post(BULK, vars("productId", f.product.id(), "variants", List.of(vars("id",
                f.cont.id(), "inventoryPolicy", "DENY")))).data().path("productVariantsBulkUpdate");

        assertThat(p.path("userErrors")).isEmpty();
        assertThat(p.path("productVariants").get(0).path("inventoryPolicy").asText()).isEqualTo("DENY");
        assertThat(f.sim.policy(f.cont.id())).isEqualTo(InventoryPolicy.DENY);
    }

    @Test
    void bulkUpdateIsAllOrNothing() {
        Product other = f.sim.addProduct("Other", List.of());
        Variant foreign = f.sim.addVariant(other.id(), "OTHER-1", true, InventoryPolicy.CONTINUE);

        JsonNode p = f.client.post(BULK, vars("productId", f.product.id(), "variants", List.of(
                vars("id", f.deny.id(), "inventoryPolicy", "CONTINUE"),
                vars("id", foreign.id(), "inventoryPolicy", "DENY")))).data().path("productVariantsBulkUpdate");

        assertThat(p.path("userErrors").get(0).path("code").asText()).isEqualTo("MUST_BE_FOR_THIS_PRODUCT");
        assertThat(f.sim.policy(f.deny.id())).isEqualTo(InventoryPolicy.DENY);
    }

    @Test
    void bulkUpdateSetsTrackedPolicyAndAVariantMetafieldInOneCall() {
        Variant loose = f.sim.addVariant(f.product.id(), "JKT-LOOSE", false, InventoryPolicy.CONTINUE);
        JsonNode p = f.client.post(BULK, vars("productId", f.product.id(), "variants", List.of(vars("id", loose.id(),
                "inventoryPolicy", "DENY", "inventoryItem", vars("tracked", true), "metafields", List.of(vars(
                        "namespace", "hotwax", "key", "preorder", "type", "json", "value", "{\"status\":\"active\"}"))))))
                .data().path("productVariantsBulkUpdate");

        assertThat(p.path("userErrors")).isEmpty();
        assertThat(f.sim.policy(loose.id())).isEqualTo(InventoryPolicy.DENY);
        assertThat(f.sim.tracked(loose.inventoryItemId())).isTrue();
        assertThat(f.sim.metafield(loose.id(), "hotwax", "preorder")).contains("{\"status\":\"active\"}");
    }

    @Test
    void aBadVariantMetafieldNamesItsVariantAndNothingIsApplied() {
        JsonNode p = f.client.post(BULK, vars("productId", f.product.id(), "variants", List.of(
                vars("id", f.deny.id(), "metafields", List.of(vars("namespace", "hotwax", "key", "preorder",
                        "type", "json", "value", "{}"))),
                vars("id", f.cont.id(), "inventoryPolicy", "DENY", "metafields", List.of(vars("namespace", "hotwax",
                        "key", "preorder", "type", "json", "value", "not json"))))))
                .data().path("productVariantsBulkUpdate");

        JsonNode error = p.path("userErrors").get(0);
        assertThat(error.path("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(error.path("field").toString()).isEqualTo("[\"variants\",\"1\",\"metafields\",\"0\",\"value\"]");
        assertThat(f.sim.policy(f.cont.id())).isEqualTo(InventoryPolicy.CONTINUE);
        assertThat(f.sim.metafield(f.deny.id(), "hotwax", "preorder")).isEmpty();
    }

    @Test
    void aNewVariantMetafieldWithoutAKeyIsBlank() {
        JsonNode p = f.client.post(BULK, vars("productId", f.product.id(), "variants", List.of(vars("id", f.deny.id(),
                "metafields", List.of(vars("namespace", "hotwax", "type", "json", "value", "{}"))))))
                .data().path("productVariantsBulkUpdate");

        assertThat(p.path("userErrors").get(0).path("code").asText()).isEqualTo("BLANK");
        assertThat(p.path("userErrors").get(0).path("field").toString()).contains("\"key\"");
    }

    @Test
    void bulkUpdateOfUnknownProduct() {
        JsonNode p = f.client.post(BULK, vars("productId", "gid://shopify/Product/404", "variants", List.of(
                vars("id", f.deny.id())))).data().path("productVariantsBulkUpdate");

        assertThat(p.path("userErrors").get(0).path("code").asText()).isEqualTo("PRODUCT_DOES_NOT_EXIST");
    }

    private Map<String, Object> metafield(String value, Object... extra) {
        Map<String, Object> m = vars("ownerId", f.deny.id(), "namespace", "hotwax", "key", "preorder", "value",
                value, "type", "json");
        m.putAll(vars(extra));
        return m;
    }

    @Test
    void metafieldsSetCreatesThenUpdatesWithCompareDigest() {
        JsonNode created = f.client.post(METAFIELDS, vars("metafields", List.of(metafield("{\"v\":1}",
                "compareDigest", null)))).data().path("metafieldsSet");
        assertThat(created.path("userErrors")).isEmpty();
        String digest = created.path("metafields").get(0).path("compareDigest").asText();

        JsonNode updated = f.client.post(METAFIELDS, vars("metafields", List.of(metafield("{\"v\":2}",
                "compareDigest", digest)))).data().path("metafieldsSet");
        assertThat(updated.path("userErrors")).isEmpty();
        assertThat(f.sim.metafield(f.deny.id(), "hotwax", "preorder")).contains("{\"v\":2}");

        JsonNode stale = f.client.post(METAFIELDS, vars("metafields", List.of(metafield("{\"v\":3}",
                "compareDigest", digest)))).data().path("metafieldsSet");
        assertThat(stale.path("userErrors").get(0).path("code").asText()).isEqualTo("STALE_OBJECT");
        assertThat(stale.path("userErrors").get(0).path("elementIndex").asInt()).isZero();
        assertThat(f.sim.metafield(f.deny.id(), "hotwax", "preorder")).contains("{\"v\":2}");
    }

    @Test
    void nullCompareDigestOnlyCreates() {
        f.client.post(METAFIELDS, vars("metafields", List.of(metafield("\"a\""))));

        JsonNode p = f.client.post(METAFIELDS, vars("metafields", List.of(metafield("\"b\"", "compareDigest",
                null)))).data().path("metafieldsSet");

        assertThat(p.path("userErrors").get(0).path("code").asText()).isEqualTo("STALE_OBJECT");
        assertThat(f.sim.metafield(f.deny.id(), "hotwax", "preorder")).contains("\"a\"");
    }

    @Test
    void moreThan25MetafieldsAreRefusedAndNothingIsWritten() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            Map<String, Object> m = metafield(Integer.toString(i));
            m.put("key", "key" + i);
            many.add(m);
        }

        JsonNode p = f.client.post(METAFIELDS, vars("metafields", many)).data().path("metafieldsSet");

        assertThat(p.path("userErrors").get(0).path("code").asText()).isEqualTo("LESS_THAN_OR_EQUAL_TO");
        assertThat(f.sim.metafield(f.deny.id(), "hotwax", "key0")).isEmpty();
    }

    @Test
    void metafieldValidationIsAtomic() {
        Map<String, Object> bad = metafield("\"x\"");
        bad.put("key", "k");
        JsonNode p = f.client.post(METAFIELDS, vars("metafields", List.of(metafield("\"ok\""), bad)))
                .data().path("metafieldsSet");

        assertThat(p.path("userErrors").get(0).path("elementIndex").asInt()).isEqualTo(1);
        assertThat(f.sim.metafield(f.deny.id(), "hotwax", "preorder")).isEmpty();
    }

    @Test
    void tagsAddAndRemoveAcceptCommaSeparatedValues() {
        JsonNode added = f.client.post(TAGS_ADD, vars("id", f.product.id(), "tags", List.of("HC:Pre-Order, promo")))
                .data().path("tagsAdd");
        assertThat(added.path("userErrors")).isEmpty();
        assertThat(f.sim.tags(f.product.id())).containsExactly("outerwear", "HC:Pre-Order", "promo");

        f.client.post(TAGS_REMOVE, vars("id", f.product.id(), "tags", List.of("HC:Pre-Order")));

        assertThat(f.sim.tags(f.product.id())).containsExactly("outerwear", "promo");
    }

    @Test
    void tagsOnAVariantAreRefused() {
        JsonNode p = f.client.post(TAGS_ADD, vars("id", f.deny.id(), "tags", List.of("x"))).data().path("tagsAdd");

        assertThat(p.path("userErrors").get(0).path("message").asText()).contains("products only");
    }
}
