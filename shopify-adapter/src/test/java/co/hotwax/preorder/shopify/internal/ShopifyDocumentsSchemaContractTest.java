package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ActivationEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.MetafieldEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ProductMarks;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ProductVariants;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.QuantityEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.VariantMarks;
import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kind of document the adapter can send validates against Shopify's full Admin API 2026-04 schema (the
 * shared reference copy, found by walking up from the module; skipped when absent, never copied into the repo).
 * This is what keeps the codegen subset honest: a field or argument that only exists in our subset fails here.
 */
class ShopifyDocumentsSchemaContractTest {
    private static final String SCHEMA = "shared/reference/shopify-schema/admin-2026-04.graphql";
    private static GraphQLSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        Path found = null;
        for (Path d = dir; d != null && found == null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(SCHEMA))) {
                found = d.resolve(SCHEMA);
            }
        }
        assumeTrue(found != null, "the full 2026-04 schema is not beside the checkout; skipping the contract test");
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(found)));
    }

    /** One instance of each document the adapter builds, in each of its shapes. */
    static Map<String, String> everyDocument() {
        ShopifyDocuments d = new ShopifyDocuments("HC_PREORDER", "preorder");
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("variantsBySku first page", d.variantsBySku(List.of("A-1", "B \"2\""), 100, null));
        docs.put("variantsBySku next page", d.variantsBySku(List.of("A-1"), 250, "eyJsYXN0X2lkIjo0Mn0="));
        docs.put("productVariantMarks", d.productVariantMarks("gid://shopify/Product/1"));
        docs.put("levels", d.levels(List.of("gid://shopify/InventoryItem/1", "gid://shopify/InventoryItem/2"), "gid://shopify/Location/9"));
        docs.put("setQuantities on_hand CAS", d.setQuantities("on_hand", "correction",
                List.of(new QuantityEntry("gid://shopify/InventoryItem/1", "gid://shopify/Location/9", 4, 3)), "k-1"));
        docs.put("setQuantities available explicit null", d.setQuantities("available", "correction",
                List.of(new QuantityEntry("gid://shopify/InventoryItem/1", "gid://shopify/Location/9", 4, null)), "k-2"));
        docs.put("activate", d.activate(List.of(new ActivationEntry("gid://shopify/InventoryItem/1", "gid://shopify/Location/9", "k-3"),
                new ActivationEntry("gid://shopify/InventoryItem/2", "gid://shopify/Location/9", "k-4"))));
        docs.put("track", d.track(List.of("gid://shopify/InventoryItem/1", "gid://shopify/InventoryItem/2")));
        docs.put("denyPolicy", d.denyPolicy(List.of(new ProductVariants("gid://shopify/Product/1",
                List.of("gid://shopify/ProductVariant/1", "gid://shopify/ProductVariant/2")))));
        docs.put("listingMarks", d.listingMarks(List.of(new ProductMarks("gid://shopify/Product/1", List.of(
                new VariantMarks("gid://shopify/ProductVariant/1", true, true, "{\"status\":\"active\"}"),
                new VariantMarks("gid://shopify/ProductVariant/2", false, false, "{}"),
                new VariantMarks("gid://shopify/ProductVariant/3", true, false, null))),
                new ProductMarks("gid://shopify/Product/2", List.of(
                        new VariantMarks("gid://shopify/ProductVariant/4", false, true, null))))));
        docs.put("metafieldsSet", d.metafieldsSet(List.of(new MetafieldEntry("gid://shopify/ProductVariant/1", "{\"status\":\"active\"}"))));
        docs.put("tagsAdd", d.tags(true, List.of("gid://shopify/Product/1"), "HC:Pre-Order"));
        docs.put("tagsRemove", d.tags(false, List.of("gid://shopify/Product/1", "gid://shopify/Product/2"), "HC:Pre-Order"));
        docs.put("activate in bulk", ShopifyDocuments.ACTIVATE_IN_BULK);
        docs.put("listing marks in bulk", ShopifyDocuments.LISTING_MARKS_IN_BULK);
        docs.put("tagsAdd in bulk", ShopifyDocuments.TAGS_ADD_IN_BULK);
        docs.put("bulk mutation stage", BulkMutationRunner.stageDocument(1234));
        docs.put("bulk mutation run", BulkMutationRunner.runDocument(ShopifyDocuments.ACTIVATE_IN_BULK,
                "tmp/1/bulk/variables.jsonl"));
        docs.put("bulk operation poll", BulkOperationPoller.pollDocument("gid://shopify/BulkOperation/1"));
        docs.put("bulk operation cancel", BulkOperationCalls.cancelDocument("gid://shopify/BulkOperation/1"));
        PreflightDocuments preflight = new PreflightDocuments("HC_PREORDER", "preorder");
        docs.put("preflight store", preflight.store());
        docs.put("preflight location flags", preflight.locationFlags(List.of("gid://shopify/Location/1", "gid://shopify/Location/2")));
        docs.put("preflight skus first page", preflight.variants(List.of("A-1", "B \"2\""), 10, null));
        docs.put("preflight skus next page", preflight.variants(List.of("A-1"), 10, "eyJsYXN0X2lkIjo0Mn0="));
        BulkVariantExport bulk = new BulkVariantExport(null, null, null, "HC_PREORDER", "preorder");
        docs.put("bulk export inner query", bulk.innerQuery());
        docs.put("bulk export run", bulk.runDocument());
        docs.put("bulk export adoption", BulkVariantExport.listDocument(java.time.Instant.parse("2026-05-01T10:00:00Z")));
        docs.put("variant count", VariantResolver.countDocument(1_001));
        return docs;
    }

    @Test
    void everyDocumentValidatesAgainstTheFullSchema() {
        everyDocument().forEach((name, doc) -> {
            List<ValidationError> errors = ParseAndValidate.validate(schema, new Parser().parseDocument(doc), Locale.ENGLISH);
            assertThat(errors).as("%s:%n%s", name, doc).isEmpty();
        });
    }

    @Test
    void aFieldOutsideTheSchemaIsCaught() {
        List<ValidationError> errors = ParseAndValidate.validate(schema,
                new Parser().parseDocument("query { productVariants(first: 1) { nodes { id notAField } } }"), Locale.ENGLISH);
        assertThat(errors).isNotEmpty();
    }
}
