package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads: sku search, cursor pagination, nodes, locations, quantities(names:), metafields. */
class QueriesTest {
    static final String VARIANTS = """
            query V($q: String, $first: Int!, $after: String, $loc: ID!) {
              productVariants(first: $first, after: $after, query: $q) {
                edges { cursor node { id sku inventoryPolicy product { id tags }
                  inventoryItem { id tracked inventoryLevel(locationId: $loc) { id
                    quantities(names: ["available", "committed", "on_hand", "incoming"]) { name quantity } } }
                  metafield(namespace: "hotwax", key: "preorder") { id value compareDigest } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    static final String ITEMS = """
            query I($q: String, $first: Int!, $after: String) {
              inventoryItems(first: $first, after: $after, query: $q) {
                nodes { id sku tracked } pageInfo { hasNextPage endCursor }
              }
            }""";
    static final String NODES = """
            query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id
              ... on ProductVariant { sku } ... on InventoryLevel { quantities(names: ["available"]) { quantity } } } }""";
    static final String LOCATIONS = "{ locations(first: 10) { nodes { id name isActive } } }";
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private JsonNode variants(String query, int first, String after) {
        return f.client.post(VARIANTS, vars("q", query, "first", first, "after", after, "loc", f.warehouse.id()))
                .data().path("productVariants");
    }

    @Test
    void skuSearchIsExactAndReturnsEverythingTheAdapterReads() {
        f.sim.orders().placeOrder(f.deny.id(), 2, f.warehouse.id());

        JsonNode page = variants("sku:JKT-DENY", 2, null);

        assertThat(page.path("edges")).hasSize(1);
        JsonNode node = page.path("edges").get(0).path("node");
        assertThat(node.path("id").asText()).isEqualTo(f.deny.id());
        assertThat(node.path("inventoryPolicy").asText()).isEqualTo("DENY");
        assertThat(node.path("product").path("tags").get(0).asText()).isEqualTo("outerwear");
        JsonNode q = node.path("inventoryItem").path("inventoryLevel").path("quantities");
        assertThat(q.findValuesAsText("name")).containsExactly("available", "committed", "on_hand", "incoming");
        assertThat(q.findValues("quantity").stream().map(JsonNode::asInt).toList()).containsExactly(8, 2, 10, 0);
        assertThat(node.path("metafield").isNull()).isTrue();
        assertThat(variants("sku:JKT", 2, null).path("edges")).isEmpty();
    }

    @Test
    void quotedSkusAndOrAreUnderstood() {
        Variant spaced = f.sim.addVariant(f.product.id(), "JKT RED/M", true, InventoryPolicy.DENY);

        assertThat(variants("sku:\"JKT RED/M\"", 5, null).path("edges").get(0).path("node").path("id").asText())
                .isEqualTo(spaced.id());
        assertThat(variants("sku:'JKT-DENY' OR sku:JKT-CONT", 5, null).path("edges")).hasSize(2);
    }

    @Test
    void unsupportedSearchSyntaxFailsLoudly() {
        JsonClient.Reply r = f.client.post(VARIANTS, vars("q", "title:jacket", "first", 5, "after", null, "loc",
                f.warehouse.id()));

        assertThat(r.errors().get(0).path("message").asText()).contains("sku:");
    }

    @Test
    void cursorsWalkEveryVariantExactlyOnce() {
        for (int i = 0; i < 7; i++) {
            f.sim.addVariant(f.product.id(), "BULK-" + i, true, InventoryPolicy.DENY);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = variants(null, 4, after);
            page.path("edges").forEach(e -> seen.add(e.path("node").path("sku").asText()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asText() : null;
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(9).doesNotHaveDuplicates().contains("JKT-DENY", "BULK-6");
    }

    @Test
    void pagesAboveTwoHundredFiftyAreRejected() {
        JsonClient.Reply r = f.client.post("{ productVariants(first: 251) { nodes { id } } }", Map.of());

        assertThat(r.errors().get(0).path("message").asText()).contains("250");
    }

    @Test
    void inventoryItemsSupportSkuSearch() {
        JsonNode items = f.client.post(ITEMS, vars("q", "sku:JKT-CONT", "first", 2, "after", null)).data()
                .path("inventoryItems");

        assertThat(items.path("nodes")).hasSize(1);
        assertThat(items.path("nodes").get(0).path("id").asText()).isEqualTo(f.cont.inventoryItemId());
        assertThat(items.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void nodesResolvesMixedIdsAndNullForUnknown() {
        String levelId = f.client.post(VARIANTS, vars("q", "sku:JKT-DENY", "first", 1, "after", null, "loc",
                f.warehouse.id())).data().path("productVariants").path("edges").get(0).path("node")
                .path("inventoryItem").path("inventoryLevel").path("id").asText();

        JsonNode nodes = f.client.post(NODES, vars("ids", List.of(f.deny.id(), levelId, f.warehouse.id(),
                "gid://shopify/ProductVariant/999"))).data().path("nodes");

        assertThat(nodes.get(0).path("sku").asText()).isEqualTo("JKT-DENY");
        assertThat(nodes.get(1).path("__typename").asText()).isEqualTo("InventoryLevel");
        assertThat(nodes.get(1).path("quantities").get(0).path("quantity").asInt()).isEqualTo(10);
        assertThat(nodes.get(2).path("__typename").asText()).isEqualTo("Location");
        assertThat(nodes.get(3).isNull()).isTrue();
    }

    @Test
    void locationsAreListedByName() {
        JsonClient.Reply reply = f.client.post(LOCATIONS, Map.of());
        JsonNode locs = reply.data()
                .path("locations").path("nodes");

        assertThat(locs.findValuesAsText("name")).containsExactly("Pre-order warehouse", "Retail store");
    }

    @Test
    void unknownQuantityNameIsAnError() {
        String doc = "query L($id: ID!, $loc: ID!) { inventoryItem(id: $id) { inventoryLevel(locationId: $loc) { "
                + "quantities(names: [\"sellable\"]) { quantity } } } }";
        JsonClient.Reply r = f.client.post(doc, vars("id", f.deny.inventoryItemId(), "loc", f.warehouse.id()));

        assertThat(r.errors().get(0).path("message").asText()).contains("sellable");
    }
}
