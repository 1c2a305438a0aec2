package co.hotwax.preorder.testkit.internal;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each expected number is derived by hand in a comment from the rules in {@link QueryCost}. Every operation runs
 * against a small inline schema and, when the shared folder is present, against Shopify's full 2026-04 schema
 * (where the operation must also validate), which must give the same numbers.
 */
class QueryCostTest {
    private static final String VARIANTS_BY_SKU = """
            query VariantsBySku($q: String!) {
              productVariants(first: 250, query: $q) { nodes { id sku inventoryItem { id } } }
            }""";
    private static final String SET_QUANTITIES = """
            mutation Set($input: InventorySetQuantitiesInput!) {
              inventorySetQuantities(input: $input) @idempotent(key: "k-1") {
                inventoryAdjustmentGroup { id }
                userErrors { code field message }
              }
            }""";

    private final QueryCost cost = new QueryCost();

    private static GraphQLSchema schema(String which) {
        if (which.equals("inline")) {
            return ShopifySchemas.inline();
        }
        var full = ShopifySchemas.full();
        assumeTrue(full.isPresent(), "the full 2026-04 schema is not beside this checkout");
        return full.get();
    }

    private static Document parse(GraphQLSchema schema, String query, boolean validate) {
        Document document = Parser.parse(query);
        if (validate) {
            assertThat(ParseAndValidate.validate(schema, document)).as("validation of %s", query).isEmpty();
        }
        return document;
    }

    private Document doc(String which, GraphQLSchema schema, String query) {
        // The inline schema does not declare @idempotent; only the full schema validates every operation.
        return parse(schema, query, !which.equals("inline"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inline", "full"})
    void skuSearchRequestsAFullPageButCostsOnlyWhatCameBack(String which) {
        GraphQLSchema schema = schema(which);
        Document document = doc(which, schema, VARIANTS_BY_SKU);
        Map<String, Object> variables = Map.of("q", "sku:RED-M OR sku:BLUE-L");

        // 2 + 250 nodes x max(1, inventoryItem 1 + id 0 + sku 0) = 252
        assertThat(cost.requestedCost(schema, document, "VariantsBySku", variables)).isEqualTo(252);

        Map<String, Object> data = Map.of("productVariants", Map.of("nodes", List.of(
                variant("1", "RED-M"), variant("2", "BLUE-L"))));
        // 2 + 2 returned nodes x 1 = 4
        assertThat(cost.actualCost(schema, document, "VariantsBySku", variables, data)).isEqualTo(4);
        // nothing found: just the connection's 2
        assertThat(cost.actualCost(schema, document, "VariantsBySku", variables,
                Map.of("productVariants", Map.of("nodes", List.of())))).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inline", "full"})
    void nestedConnectionsMultiplyAndPageSizesComeFromVariables(String which) {
        GraphQLSchema schema = schema(which);
        Document document = doc(which, schema, """
                query Levels($n: Int!) {
                  productVariants(first: $n) {
                    nodes { id sku inventoryItem { id inventoryLevels(first: 5) { nodes { id location { id } } } } }
                  }
                }""");

        // inventoryLevels: 2 + 5 x max(1, location 1) = 7; inventoryItem: 1 + 7 = 8; variants: 2 + 10 x 8 = 82
        assertThat(cost.requestedCost(schema, document, null, Map.of("n", 10))).isEqualTo(82);

        Map<String, Object> level = Map.of("id", "L", "location", Map.of("id", "loc"));
        Map<String, Object> item = Map.of("id", "I", "inventoryLevels", Map.of("nodes", List.of(level, level)));
        Map<String, Object> data = Map.of("productVariants", Map.of("nodes",
                List.of(Map.of("id", "V", "sku", "S", "inventoryItem", item))));
        // one variant: inventoryItem 1 + (2 + 2 levels x 1) = 5; variants: 2 + 5 = 7
        assertThat(cost.actualCost(schema, document, null, Map.of("n", 10), data)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inline", "full"})
    void aMutationCostsTenPlusTheObjectsItSelects(String which) {
        GraphQLSchema schema = schema(which);
        Document document = doc(which, schema, SET_QUANTITIES);
        Map<String, Object> variables = Map.of("input", Map.of("name", "on_hand", "reason", "correction",
                "quantities", List.of()));

        // 10 + inventoryAdjustmentGroup 1 + userErrors (a plain list, counted once) 1 = 12
        assertThat(cost.requestedCost(schema, document, "Set", variables)).isEqualTo(12);

        Map<String, Object> applied = new HashMap<>();
        applied.put("inventorySetQuantities", Map.of("inventoryAdjustmentGroup", Map.of("id", "G"),
                "userErrors", List.of()));
        // 10 + group 1 + empty userErrors 0 = 11
        assertThat(cost.actualCost(schema, document, "Set", variables, applied)).isEqualTo(11);

        Map<String, Object> stale = new HashMap<>();
        stale.put("inventoryAdjustmentGroup", null);
        stale.put("userErrors", List.of(Map.of("code", "CHANGE_FROM_QUANTITY_STALE", "field", List.of("input"),
                "message", "stale")));
        // 10 + null group 0 + one user error 1 = 11
        assertThat(cost.actualCost(schema, document, "Set", variables, Map.of("inventorySetQuantities", stale)))
                .isEqualTo(11);

        Map<String, Object> nullPayload = new HashMap<>();
        nullPayload.put("inventorySetQuantities", null);
        // the mutation field still costs its 10
        assertThat(cost.actualCost(schema, document, "Set", variables, nullPayload)).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inline", "full"})
    void aliasedMutationsEachCostTen(String which) {
        GraphQLSchema schema = schema(which);
        Document document = doc(which, schema, """
                mutation Two($a: InventorySetQuantitiesInput!, $b: InventorySetQuantitiesInput!) {
                  first: inventorySetQuantities(input: $a) @idempotent(key: "k-a") { userErrors { code } }
                  second: inventorySetQuantities(input: $b) @idempotent(key: "k-b") { userErrors { code } }
                }""");

        // 2 x (10 + userErrors 1) = 22
        assertThat(cost.requestedCost(schema, document, "Two", Map.of())).isEqualTo(22);
        Map<String, Object> data = Map.of("first", Map.of("userErrors", List.of()),
                "second", Map.of("userErrors", List.of(Map.of("code", "INVALID_NAME"))));
        // first 10 + 0; second 10 + 1 (read under its alias) = 21
        assertThat(cost.actualCost(schema, document, "Two", Map.of(), data)).isEqualTo(21);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inline", "full"})
    void nodesByIdCostsPerIdAndTakesTheDearestTypeCondition(String which) {
        GraphQLSchema schema = schema(which);
        Document document = doc(which, schema, """
                query Lookup($ids: [ID!]!) {
                  nodes(ids: $ids) {
                    id
                    ... on ProductVariant { sku product { id } inventoryItem { id } }
                    ...Item
                  }
                }
                fragment Item on InventoryItem { sku variant { id } }""");
        List<String> ids = List.of("gid://shopify/ProductVariant/1", "gid://shopify/ProductVariant/2",
                "gid://shopify/InventoryItem/3", "gid://shopify/ProductVariant/404");

        // per node: max(ProductVariant: product 1 + inventoryItem 1 = 2, InventoryItem: variant 1, others 0) = 2;
        // 4 ids x 2 = 8
        assertThat(cost.requestedCost(schema, document, "Lookup", Map.of("ids", ids))).isEqualTo(8);

        List<Object> data = new ArrayList<>();
        data.add(Map.of("id", "1", "sku", "A", "product", Map.of("id", "P"), "inventoryItem", Map.of("id", "I")));
        data.add(Map.of("id", "2", "sku", "B", "product", Map.of("id", "P"), "inventoryItem", Map.of("id", "I")));
        data.add(Map.of("id", "3", "sku", "C", "variant", Map.of("id", "V")));
        data.add(null);
        // 2 + 2 + 1 + (not found) max(1, 0) = 6
        assertThat(cost.actualCost(schema, document, "Lookup", Map.of("ids", ids), Map.of("nodes", data)))
                .isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inline", "full"})
    void literalIdListsAndEdgesAreCountedToo(String which) {
        GraphQLSchema schema = schema(which);
        Document literal = doc(which, schema, """
                { nodes(ids: ["gid://shopify/Product/1", "gid://shopify/Product/2", "gid://shopify/Product/3"]) {
                    ... on Product { id title } } }""");
        // 3 ids x max(1, 0) = 3
        assertThat(cost.requestedCost(schema, literal, null, null)).isEqualTo(3);

        Document edges = doc(which, schema, """
                query Page { productVariants(last: 3) {
                  edges { cursor node { id product { id } } } pageInfo { hasNextPage endCursor } } }""");
        // 2 (pageInfo included) + 3 x max(1, product 1) = 5
        assertThat(cost.requestedCost(schema, edges, "Page", Map.of())).isEqualTo(5);
        Map<String, Object> edge = Map.of("cursor", "c", "node", Map.of("id", "V", "product", Map.of("id", "P")));
        // 2 + 1 edge x 1 = 3
        assertThat(cost.actualCost(schema, edges, "Page", Map.of(), Map.of("productVariants",
                Map.of("edges", List.of(edge), "pageInfo", Map.of("hasNextPage", false))))).isEqualTo(3);
    }

    @Test
    void theActualCostNeverExceedsTheRequestedCostWhenPagesAreHonoured() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        GraphQLSchema schema = ShopifySchemas.inline();
        Document document = parse(schema, """
                query Levels($n: Int!) {
                  productVariants(first: $n) {
                    nodes { id product { id } inventoryItem { inventoryLevels(first: 5) { nodes { location { id } } } } }
                  }
                }""", true);
        for (int round = 0; round < 200; round++) {
            int first = 1 + random.nextInt(20);
            List<Object> variants = new ArrayList<>();
            for (int v = random.nextInt(first + 1); v > 0; v--) {
                List<Object> levels = new ArrayList<>();
                for (int l = random.nextInt(6); l > 0; l--) {
                    levels.add(Map.of("location", Map.of("id", "loc")));
                }
                Map<String, Object> variant = new HashMap<>();
                variant.put("id", "V");
                variant.put("product", random.nextBoolean() ? Map.of("id", "P") : null);
                variant.put("inventoryItem", Map.of("inventoryLevels", Map.of("nodes", levels)));
                variants.add(variant);
            }
            Map<String, Object> variables = Map.of("n", first);
            int requested = cost.requestedCost(schema, document, "Levels", variables);
            int actual = cost.actualCost(schema, document, "Levels", variables,
                    Map.of("productVariants", Map.of("nodes", variants)));

            // per variant: product 1 + inventoryItem (1 + levels 2 + 5 x 1) = 9; 2 + first x 9
            assertThat(requested).as("requested, seed %d round %d", seed, round).isEqualTo(2 + first * 9);
            assertThat(actual).as("actual vs requested, seed %d round %d", seed, round)
                    .isBetween(2, requested);
        }
    }

    @Test
    void aConnectionWithoutFirstOrLastCountsAsAFullPage() {
        GraphQLSchema schema = ShopifySchemas.inline();
        Document document = parse(schema, "{ productVariants(query: \"sku:X\") { nodes { id } } }", true);

        // 2 + 250 (assumed page) x max(1, 0) = 252
        assertThat(cost.requestedCost(schema, document, null, Map.of())).isEqualTo(252);
    }

    @Test
    void namedFragmentsOnAConcreteTypeCount() {
        GraphQLSchema schema = ShopifySchemas.inline();
        Document document = parse(schema, """
                query Q { productVariants(first: 2) { nodes { ...V } } }
                fragment V on ProductVariant { id inventoryItem { id variant { id } } }""", true);

        // per node: inventoryItem 1 + variant 1 = 2; 2 + 2 x 2 = 6
        assertThat(cost.requestedCost(schema, document, "Q", Map.of())).isEqualTo(6);
    }

    @Test
    void aDocumentAboveTheSingleQueryLimitIsReportedWithShopifysMessage() {
        GraphQLSchema schema = ShopifySchemas.inline();
        Document document = parse(schema, """
                { productVariants(first: 250) {
                    nodes { inventoryItem { inventoryLevels(first: 10) { nodes { location { id } } } } } } }""",
                true);

        // levels: 2 + 10 x 1 = 12; inventoryItem: 1 + 12 = 13; variants: 2 + 250 x 13 = 3,252
        int requested = cost.requestedCost(schema, document, null, null);
        assertThat(requested).isEqualTo(3_252).isGreaterThan(QueryCost.MAX_SINGLE_QUERY_COST);
        assertThat(QueryCost.maxCostExceededMessage(requested))
                .isEqualTo("Query cost is 3252, which exceeds the single query max cost limit (1000).");
        assertThat(QueryCost.MAX_COST_EXCEEDED_CODE).isEqualTo("MAX_COST_EXCEEDED");
    }

    @Test
    void typenameAndIntrospectionAreFreeAndTypenamePicksTheTypeInActualCost() {
        GraphQLSchema schema = ShopifySchemas.inline();
        Document document = parse(schema, """
                { node(id: "gid://shopify/InventoryItem/1") {
                    __typename
                    ... on ProductVariant { product { id } inventoryItem { id } }
                    ... on InventoryItem { variant { id } } } }""", true);

        // node 1 + max(ProductVariant 2, InventoryItem 1) = 3
        assertThat(cost.requestedCost(schema, document, null, null)).isEqualTo(3);
        // __typename says InventoryItem: node 1 + variant 1 = 2
        assertThat(cost.actualCost(schema, document, null, null, Map.of("node",
                Map.of("__typename", "InventoryItem", "variant", Map.of("id", "V"))))).isEqualTo(2);
    }

    @Test
    void typenameInsideAConnectionOrAtTheMutationRootIsFree() {
        GraphQLSchema schema = ShopifySchemas.inline();
        Document query = parse(schema, "{ productVariants(first: 4) { __typename nodes { __typename id } } }", true);
        Document mutation = parse(schema, "mutation { __typename }", true);

        // 2 + 4 x max(1, 0) = 6
        assertThat(cost.requestedCost(schema, query, null, null)).isEqualTo(6);
        assertThat(cost.requestedCost(schema, mutation, null, null)).isZero();
    }

    @Test
    void anAmbiguousOrUnknownOperationOrFieldIsRefused() {
        GraphQLSchema schema = ShopifySchemas.inline();
        Document two = Parser.parse("query A { node(id: \"1\") { id } } query B { node(id: \"2\") { id } }");

        assertThatThrownBy(() -> cost.requestedCost(schema, two, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 operations");
        assertThatThrownBy(() -> cost.requestedCost(schema, two, "C", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C");
        assertThat(cost.requestedCost(schema, two, "B", null)).isEqualTo(1);
        assertThatThrownBy(() -> cost.requestedCost(schema, Parser.parse("{ node(id: \"1\") { handle { id } } }"),
                null, null)).hasMessageContaining("handle");
        assertThat(cost.actualCost(schema, two, "A", null, null)).isZero();
    }

    private static Map<String, Object> variant(String id, String sku) {
        return Map.of("id", "gid://shopify/ProductVariant/" + id, "sku", sku,
                "inventoryItem", Map.of("id", "gid://shopify/InventoryItem/" + id));
    }
}
