package co.hotwax.preorder.testkit.internal;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Schemas for cost tests: a small inline Shopify-shaped one, and the full 2026-04 schema when it can be found. */
final class ShopifySchemas {
    static final String FULL_SCHEMA = "shared/reference/shopify-schema/admin-2026-04.graphql";

    /** The fields these tests select, with Shopify's real names, nullability and connection shapes. */
    static final String INLINE_SDL = """
            schema { query: QueryRoot mutation: Mutation }
            interface Node { id: ID! }
            type PageInfo { hasNextPage: Boolean! endCursor: String }
            type QueryRoot {
              productVariants(first: Int, after: String, last: Int, before: String, query: String): ProductVariantConnection!
              nodes(ids: [ID!]!): [Node]!
              node(id: ID!): Node
            }
            type ProductVariantConnection { edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo! }
            type ProductVariantEdge { cursor: String! node: ProductVariant! }
            type ProductVariant implements Node { id: ID! sku: String product: Product! inventoryItem: InventoryItem! }
            type Product implements Node { id: ID! title: String! tags: [String!]! }
            type InventoryItem implements Node {
              id: ID! sku: String tracked: Boolean!
              variant: ProductVariant!
              inventoryLevels(first: Int, after: String, last: Int, before: String): InventoryLevelConnection!
            }
            type InventoryLevelConnection { edges: [InventoryLevelEdge!]! nodes: [InventoryLevel!]! pageInfo: PageInfo! }
            type InventoryLevelEdge { cursor: String! node: InventoryLevel! }
            type InventoryLevel implements Node { id: ID! location: Location! }
            type Location implements Node { id: ID! name: String! }
            type InventoryAdjustmentGroup implements Node { id: ID! reason: String! }
            enum InventorySetQuantitiesUserErrorCode { INVALID_NAME CHANGE_FROM_QUANTITY_STALE }
            type InventorySetQuantitiesUserError {
              code: InventorySetQuantitiesUserErrorCode field: [String!] message: String!
            }
            type InventorySetQuantitiesPayload {
              inventoryAdjustmentGroup: InventoryAdjustmentGroup
              userErrors: [InventorySetQuantitiesUserError!]!
            }
            input InventoryQuantityInput {
              inventoryItemId: ID! locationId: ID! quantity: Int! changeFromQuantity: Int
            }
            input InventorySetQuantitiesInput {
              name: String! reason: String! referenceDocumentUri: String quantities: [InventoryQuantityInput!]!
            }
            type Mutation {
              inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
            }
            """;

    private static GraphQLSchema full;

    private ShopifySchemas() {
    }

    static GraphQLSchema inline() {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(INLINE_SDL));
    }

    /** The full schema, parsed once per test run; empty when no shared folder is beside the checkout. */
    static synchronized Optional<GraphQLSchema> full() {
        if (full == null) {
            Optional<Path> file = locate();
            if (file.isEmpty()) {
                return Optional.empty();
            }
            full = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(file.get().toFile()));
        }
        return Optional.of(full);
    }

    /** Walks up from the module directory, since CI clones the repository beside {@code shared/}. */
    static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FULL_SCHEMA);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
