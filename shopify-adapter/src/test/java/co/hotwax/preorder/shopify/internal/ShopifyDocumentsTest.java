package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ActivationEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.QuantityEntry;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.ArrayValue;
import graphql.language.NullValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyDocumentsTest {
    private final ShopifyDocuments documents = new ShopifyDocuments("HC_PREORDER", "preorder");

    @Test
    void explicitNullChangeFromQuantitySurvivesWhileIntegersAreKept() {
        String doc = documents.setQuantities("on_hand", "correction", List.of(
                new QuantityEntry("gid://shopify/InventoryItem/1", "gid://shopify/Location/9", 40, 37),
                new QuantityEntry("gid://shopify/InventoryItem/2", "gid://shopify/Location/9", 5, null)), "key-1");

        List<ObjectValue> entries = quantities(rootField(doc));
        assertThat(entries).hasSize(2);
        Map<String, Object> first = fields(entries.get(0));
        Map<String, Object> second = fields(entries.get(1));
        assertThat(first.get("changeFromQuantity")).isInstanceOfSatisfying(IntValue.class,
                v -> assertThat(v.getValue().intValue()).isEqualTo(37));
        assertThat(second).containsKey("changeFromQuantity");
        assertThat(second.get("changeFromQuantity")).isInstanceOf(NullValue.class);
        // Only fields we set appear: no stray nulls for the unset referenceDocumentUri.
        assertThat(doc).doesNotContain("referenceDocumentUri");
    }

    @Test
    void idempotentDirectiveCarriesTheGivenKey() {
        String doc = documents.setQuantities("available", "correction",
                List.of(new QuantityEntry("gid://shopify/InventoryItem/1", "gid://shopify/Location/9", 1, 0)), "3f1c-key");
        Field field = rootField(doc);
        assertThat(field.getName()).isEqualTo("inventorySetQuantities");
        assertThat(field.getDirectives()).singleElement().satisfies(d -> {
            assertThat(d.getName()).isEqualTo("idempotent");
            assertThat(((StringValue) d.getArgument("key").getValue()).getValue()).isEqualTo("3f1c-key");
        });
    }

    @Test
    void activationsAreAliasedWithOneKeyEach() {
        String doc = documents.activate(List.of(
                new ActivationEntry("gid://shopify/InventoryItem/1", "gid://shopify/Location/9", "k1"),
                new ActivationEntry("gid://shopify/InventoryItem/2", "gid://shopify/Location/9", "k2")));
        OperationDefinition op = operation(doc);
        assertThat(op.getOperation()).isEqualTo(OperationDefinition.Operation.MUTATION);
        List<Field> fields = op.getSelectionSet().getSelectionsOfType(Field.class);
        assertThat(fields).extracting(Field::getAlias).containsExactly("m0", "m1");
        assertThat(fields).extracting(f -> ((StringValue) f.getDirectives().get(0).getArgument("key").getValue()).getValue())
                .containsExactly("k1", "k2");
    }

    @Test
    void skuSearchQuotesAndEscapes() {
        assertThat(ShopifyDocuments.skuSearch(List.of("A-1", "we\"ird\\sku")))
                .isEqualTo("sku:\"A-1\" OR sku:\"we\\\"ird\\\\sku\"");
    }

    @Test
    void everyDocumentParsesAndAliasesMergedFields() {
        ShopifyDocumentsSchemaContractTest.everyDocument().forEach((name, doc) ->
                assertThat(operation(doc).getSelectionSet().getSelections()).as(name).isNotEmpty());
        String variants = documents.variantsBySku(List.of("A", "B"), 100, null);
        assertThat(variants).contains("inventoryPolicy").contains("metafield(namespace: \"HC_PREORDER\", key: \"preorder\")")
                .doesNotContain("after");
        assertThat(documents.levels(List.of("gid://shopify/InventoryItem/1"), "gid://shopify/Location/9")).contains("... on InventoryItem");
        assertThat(operation(documents.tags(false, List.of("gid://shopify/Product/1", "gid://shopify/Product/3"), "HC:Pre-Order"))
                .getSelectionSet().getSelectionsOfType(Field.class)).extracting(Field::getAlias).containsExactly("m0", "m1");
    }

    static OperationDefinition operation(String doc) {
        Document parsed = new Parser().parseDocument(doc);
        return (OperationDefinition) parsed.getDefinitions().get(0);
    }

    private static Field rootField(String doc) {
        return operation(doc).getSelectionSet().getSelectionsOfType(Field.class).get(0);
    }

    private static List<ObjectValue> quantities(Field field) {
        ObjectValue input = (ObjectValue) field.getArguments().get(0).getValue();
        return ((ArrayValue) fields(input).get("quantities")).getValues().stream().map(ObjectValue.class::cast)
                .collect(Collectors.toList());
    }

    private static Map<String, Object> fields(ObjectValue value) {
        return value.getObjectFields().stream().collect(Collectors.toMap(ObjectField::getName, ObjectField::getValue));
    }
}
