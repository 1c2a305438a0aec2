package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.gen.client.InventoryActivateGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.InventoryActivateProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.InventoryItemUpdateGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.InventoryItemUpdateProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.InventorySetQuantitiesGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.InventorySetQuantitiesProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.MetafieldsSetGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.MetafieldsSetProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.NodesGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.NodesProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.ProductGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.ProductProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.ProductVariantsBulkUpdateGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.ProductVariantsBulkUpdateProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.ProductVariantsGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.ProductVariantsProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.TagsAddGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.TagsAddProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.client.TagsRemoveGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.TagsRemoveProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.types.InventoryItemInput;
import co.hotwax.preorder.shopify.internal.gen.types.InventoryQuantityInput;
import co.hotwax.preorder.shopify.internal.gen.types.InventorySetQuantitiesInput;
import co.hotwax.preorder.shopify.internal.gen.types.MetafieldInput;
import co.hotwax.preorder.shopify.internal.gen.types.MetafieldsSetInput;
import co.hotwax.preorder.shopify.internal.gen.types.ProductVariantInventoryPolicy;
import co.hotwax.preorder.shopify.internal.gen.types.ProductVariantsBulkInput;
import com.netflix.graphql.dgs.client.codegen.BaseProjectionNode;
import com.netflix.graphql.dgs.client.codegen.GraphQLQuery;
import com.netflix.graphql.dgs.client.codegen.GraphQLQueryRequest;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds every GraphQL document the adapter sends, from the client types DGS codegen generates out of
 * {@code src/main/graphql/shopify-admin-2026-04-adapter.graphqls}. Values are inlined (no variables), so one string
 * is one exact request: resending it on a retry resends the same idempotency key with the same input.
 *
 * <p>Two things codegen cannot do are done on the graphql-java AST afterwards: attaching
 * {@code @idempotent(key:)} (codegen has no directive support) and merging several mutation fields into one
 * document under aliases {@code m0, m1, ...} (one HTTP round trip for many small mutations).
 */
public final class ShopifyDocuments {
    /** Quantity names read for compare-and-set. */
    public static final List<String> QUANTITY_NAMES = List.of("on_hand", "available", "committed");
    /** Variants read per product when checking for listed siblings (Shopify's largest page). */
    static final int SIBLINGS_PAGE = 250;

    /**
     * {@code inventoryActivate} as a bulk mutation runs it: once per JSONL line, the line's {@code item},
     * {@code location} and {@code idempotencyKey} as its variables (2026-04 requires {@code @idempotent} on
     * {@code inventoryActivate}). Written with variables, which codegen's inlined requests do not have.
     */
    public static final String ACTIVATE_IN_BULK = "mutation Activate($item: ID!, $location: ID!, $idempotencyKey: String!) "
            + "{ inventoryActivate(inventoryItemId: $item, locationId: $location) @idempotent(key: $idempotencyKey) "
            + "{ inventoryLevel { id } userErrors { field message } } }";

    /** {@link #listingMarks} as a bulk mutation runs it: one product a line ({@link #listingMarksVariables}). */
    public static final String LISTING_MARKS_IN_BULK = "mutation ListingMarks($productId: ID!, "
            + "$variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, "
            + "variants: $variants) { userErrors { code field message } } }";
    /** {@code tagsAdd} as a bulk mutation runs it: one product a line, variables {@code id} and {@code tags}. */
    public static final String TAGS_ADD_IN_BULK = "mutation TagsAdd($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, "
            + "tags: $tags) { userErrors { field message } } }";

    private final String metafieldNamespace;
    private final String metafieldKey;

    /**
     * Creates the builder of documents.
     *
     * @param metafieldNamespace the pre-order metafield's namespace
     * @param metafieldKey the pre-order metafield's key
     */
    public ShopifyDocuments(String metafieldNamespace, String metafieldKey) {
        this.metafieldNamespace = metafieldNamespace;
        this.metafieldKey = metafieldKey;
    }

    /**
     * One page of variants whose SKU is one of {@code skus}, with what resolution caches.
     *
     * @param skus the SKUs (search syntax quoting is applied)
     * @param first page size, at most 250
     * @param after the cursor of the previous page, or null
     * @return the document
     */
    public String variantsBySku(List<String> skus, int first, String after) {
        ProductVariantsGraphQLQuery.Builder request = ProductVariantsGraphQLQuery.newRequest()
                .queryName("ResolveSkus").first(first).query(skuSearch(skus));
        if (after != null) {
            // Builders mark a field set even for null; the first page sends no cursor at all.
            request.after(after);
        }
        ProductVariantsGraphQLQuery query = request.build();
        ProductVariantsProjectionRoot<?, ?> root = new ProductVariantsProjectionRoot<>();
        root.nodes().id().sku().inventoryPolicy().parent()
                .metafield(metafieldNamespace, metafieldKey).value().parent()
                .product().id().tags().parent()
                .inventoryItem().id().tracked();
        root.pageInfo().hasNextPage().endCursor();
        return serialize(query, root);
    }

    /**
     * Requested cost of {@link #variantsBySku}: 2 for the connection plus, per variant, the variant, its
     * metafield, product and inventory item.
     *
     * @param first page size
     * @return the estimate
     */
    public static double variantsBySkuCost(int first) {
        return 2 + 4.0 * first;
    }

    /**
     * The pre-order metafield of a product's first 250 variants: whether another variant is still listed before the
     * product tag comes off.
     *
     * @param productId the product gid
     * @return the document
     */
    public String productVariantMarks(String productId) {
        ProductGraphQLQuery query = ProductGraphQLQuery.newRequest().queryName("ListedSiblings").id(productId).build();
        ProductProjectionRoot<?, ?> root = new ProductProjectionRoot<>();
        root.variants(SIBLINGS_PAGE, null, null, null, null, null)
                .nodes().id().metafield(metafieldNamespace, metafieldKey).value().parent().parent()
                .pageInfo().hasNextPage();
        return serialize(query, root);
    }

    /**
     * Requested cost of {@link #productVariantMarks}: the product, the connection and per variant its metafield (an
     * upper bound).
     *
     * @return the estimate
     */
    public static double productVariantMarksCost() {
        return 3 + 2.0 * SIBLINGS_PAGE;
    }

    /**
     * The quantities of items at one location, for compare-and-set.
     *
     * @param inventoryItemIds at most 250 item gids
     * @param locationId the location gid
     * @return the document
     */
    public String levels(List<String> inventoryItemIds, String locationId) {
        NodesGraphQLQuery query = NodesGraphQLQuery.newRequest().queryName("ReadLevels").ids(inventoryItemIds).build();
        NodesProjectionRoot<?, ?> root = new NodesProjectionRoot<>();
        root.onInventoryItem().id().tracked()
                .inventoryLevel(locationId, null).quantities(QUANTITY_NAMES).name().quantity();
        return serialize(query, root);
    }

    /**
     * Requested cost of {@link #levels}: per item the item, its level and the quantities list (an upper bound).
     *
     * @param items number of ids
     * @return the estimate
     */
    public static double levelsCost(int items) {
        return 3.0 * items;
    }

    /**
     * An absolute set with compare-and-set on every entry.
     *
     * @param name {@code on_hand} or {@code available}
     * @param reason Shopify's reason string
     * @param entries at most 250 entries; a null {@code changeFrom} sends an explicit {@code changeFromQuantity: null}
     * @param idempotencyKey the key of this logical write
     * @return the document
     */
    public String setQuantities(String name, String reason, List<QuantityEntry> entries, String idempotencyKey) {
        List<InventoryQuantityInput> quantities = entries.stream().map(e -> {
            InventoryQuantityInput.Builder b = InventoryQuantityInput.newBuilder()
                    .inventoryItemId(e.inventoryItemId()).locationId(e.locationId()).quantity(e.quantity());
            // The builder records the field as set even for null: 2026-04 requires the key on every entry.
            b.changeFromQuantity(e.changeFrom());
            return b.build();
        }).collect(Collectors.toList());
        InventorySetQuantitiesInput input = InventorySetQuantitiesInput.newBuilder()
                .name(name).reason(reason).quantities(quantities).build();
        InventorySetQuantitiesGraphQLQuery query = InventorySetQuantitiesGraphQLQuery.newRequest()
                .queryName("SetQuantities").input(input).build();
        InventorySetQuantitiesProjectionRoot<?, ?> root = new InventorySetQuantitiesProjectionRoot<>();
        root.inventoryAdjustmentGroup().id().changes(null, null, LevelsAfterWrite.NAMES).name().quantityAfterChange()
                .item().id().parent().parent().parent().userErrors().code().parent().field().message();
        return withDirectiveOnFields(serialize(query, root), List.of(idempotencyKey));
    }

    /**
     * Activates items at locations, one aliased {@code inventoryActivate} per entry, each with its own key.
     *
     * @param entries item, location and idempotency key per activation
     * @return the document
     */
    public String activate(List<ActivationEntry> entries) {
        List<String> parts = new ArrayList<>();
        for (ActivationEntry e : entries) {
            InventoryActivateGraphQLQuery query = InventoryActivateGraphQLQuery.newRequest()
                    .queryName("Activate").inventoryItemId(e.inventoryItemId()).locationId(e.locationId()).build();
            InventoryActivateProjectionRoot<?, ?> root = new InventoryActivateProjectionRoot<>();
            root.inventoryLevel().id().parent().userErrors().field().message();
            parts.add(serialize(query, root));
        }
        return merge("Activate", parts, entries.stream().map(ActivationEntry::idempotencyKey).collect(Collectors.toList()));
    }

    /**
     * Turns inventory tracking on, one aliased {@code inventoryItemUpdate} per item.
     *
     * @param inventoryItemIds the items
     * @return the document
     */
    public String track(List<String> inventoryItemIds) {
        List<String> parts = new ArrayList<>();
        for (String id : inventoryItemIds) {
            InventoryItemInput input = InventoryItemInput.newBuilder().tracked(true).build();
            InventoryItemUpdateGraphQLQuery query = InventoryItemUpdateGraphQLQuery.newRequest()
                    .queryName("Track").id(id).input(input).build();
            InventoryItemUpdateProjectionRoot<?, ?> root = new InventoryItemUpdateProjectionRoot<>();
            root.inventoryItem().id().parent().userErrors().field().message();
            parts.add(serialize(query, root));
        }
        return merge("Track", parts, null);
    }

    /**
     * Sets {@code inventoryPolicy: DENY}, one aliased {@code productVariantsBulkUpdate} per product.
     *
     * @param variantsByProduct product gid and its variant gids, in a stable order
     * @return the document
     */
    public String denyPolicy(List<ProductVariants> variantsByProduct) {
        List<String> parts = new ArrayList<>();
        for (ProductVariants p : variantsByProduct) {
            List<ProductVariantsBulkInput> variants = p.variantIds().stream()
                    .map(id -> ProductVariantsBulkInput.newBuilder().id(id).inventoryPolicy(ProductVariantInventoryPolicy.DENY).build())
                    .collect(Collectors.toList());
            ProductVariantsBulkUpdateGraphQLQuery query = ProductVariantsBulkUpdateGraphQLQuery.newRequest()
                    .queryName("DenyPolicy").productId(p.productId()).variants(variants).build();
            ProductVariantsBulkUpdateProjectionRoot<?, ?> root = new ProductVariantsBulkUpdateProjectionRoot<>();
            root.userErrors().code().parent().field().message();
            parts.add(serialize(query, root));
        }
        return merge("DenyPolicy", parts, null);
    }

    /**
     * Puts a product's listing marks on its variants in one aliased {@code productVariantsBulkUpdate} per product:
     * per variant only what is missing of {@code inventoryPolicy: DENY}, {@code inventoryItem { tracked: true }}
     * and the pre-order metafield ({@code ProductVariantsBulkInput}, schema 2026-04). One call per product replaces
     * an {@code inventoryItemUpdate} and a share of a {@code metafieldsSet} per variant.
     *
     * @param products product gid and the marks of some of its variants (at most 250 each), in a stable order
     * @return the document
     */
    public String listingMarks(List<ProductMarks> products) {
        List<String> parts = new ArrayList<>();
        for (ProductMarks p : products) {
            List<ProductVariantsBulkInput> variants = new ArrayList<>();
            for (VariantMarks v : p.variants()) {
                ProductVariantsBulkInput.Builder b = ProductVariantsBulkInput.newBuilder().id(v.variantId());
                if (v.deny()) {
                    b.inventoryPolicy(ProductVariantInventoryPolicy.DENY);
                }
                if (v.track()) {
                    b.inventoryItem(InventoryItemInput.newBuilder().tracked(true).build());
                }
                if (v.metafieldValue() != null) {
                    b.metafields(List.of(MetafieldInput.newBuilder().namespace(metafieldNamespace).key(metafieldKey)
                            .type("json").value(v.metafieldValue()).build()));
                }
                variants.add(b.build());
            }
            ProductVariantsBulkUpdateGraphQLQuery query = ProductVariantsBulkUpdateGraphQLQuery.newRequest()
                    .queryName("ListingMarks").productId(p.productId()).variants(variants).build();
            ProductVariantsBulkUpdateProjectionRoot<?, ?> root = new ProductVariantsBulkUpdateProjectionRoot<>();
            root.userErrors().code().parent().field().message();
            parts.add(serialize(query, root));
        }
        return merge("ListingMarks", parts, null);
    }

    /**
     * The variables of one line of {@link #LISTING_MARKS_IN_BULK}: the same input {@link #listingMarks} inlines.
     *
     * @param p the product's marks
     * @return {@code productId} and {@code variants}
     */
    public Map<String, Object> listingMarksVariables(ProductMarks p) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantMarks v : p.variants()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", v.variantId());
            if (v.deny()) {
                input.put("inventoryPolicy", ProductVariantInventoryPolicy.DENY.name());
            }
            if (v.track()) {
                input.put("inventoryItem", Map.of("tracked", true));
            }
            if (v.metafieldValue() != null) {
                input.put("metafields", List.of(Map.of("namespace", metafieldNamespace, "key", metafieldKey,
                        "type", "json", "value", v.metafieldValue())));
            }
            variants.add(input);
        }
        return Map.of("productId", p.productId(), "variants", variants);
    }

    /**
     * Requested cost of one product's {@link #listingMarks} field: Shopify's dynamic cost of
     * {@code productVariantsBulkUpdate}, 10 + 0.2 per variant + 0.4 per variant metafield
     * (shopify.dev/changelog/dynamic-complexity-for-productvariantsbulkcreate-and-productvariantsbulkupdate-mutations),
     * plus 2 for the userErrors selection; an upper bound the first answer corrects.
     *
     * @param marks the product's marks
     * @return the estimate
     */
    public static double listingMarksCost(ProductMarks marks) {
        long metafields = marks.variants().stream().filter(v -> v.metafieldValue() != null).count();
        return 12 + 0.2 * marks.variants().size() + 0.4 * metafields;
    }

    /**
     * Writes the pre-order metafield of up to 25 variants.
     *
     * @param entries owner (variant gid) and JSON value per metafield
     * @return the document
     */
    public String metafieldsSet(List<MetafieldEntry> entries) {
        List<MetafieldsSetInput> inputs = entries.stream().map(e -> MetafieldsSetInput.newBuilder()
                .ownerId(e.ownerId()).namespace(metafieldNamespace).key(metafieldKey).type("json").value(e.value()).build())
                .collect(Collectors.toList());
        MetafieldsSetGraphQLQuery query = MetafieldsSetGraphQLQuery.newRequest().queryName("SetMarks").metafields(inputs).build();
        MetafieldsSetProjectionRoot<?, ?> root = new MetafieldsSetProjectionRoot<>();
        root.userErrors().code().parent().field().message().elementIndex();
        return serialize(query, root);
    }

    /**
     * Adds or removes a tag on products, one aliased {@code tagsAdd}/{@code tagsRemove} per product.
     *
     * @param add true to add, false to remove
     * @param productIds the products
     * @param tag the tag
     * @return the document
     */
    public String tags(boolean add, List<String> productIds, String tag) {
        List<String> parts = new ArrayList<>();
        for (String id : productIds) {
            GraphQLQuery query;
            BaseProjectionNode root;
            if (add) {
                query = TagsAddGraphQLQuery.newRequest().queryName("Tags").id(id).tags(List.of(tag)).build();
                root = new TagsAddProjectionRoot<>().userErrors().field().message().root();
            } else {
                query = TagsRemoveGraphQLQuery.newRequest().queryName("Tags").id(id).tags(List.of(tag)).build();
                root = new TagsRemoveProjectionRoot<>().userErrors().field().message().root();
            }
            parts.add(serialize(query, root));
        }
        return merge(add ? "TagsAdd" : "TagsRemove", parts, null);
    }

    /**
     * Requested cost of a merged mutation document: per mutation field 10, plus at most two selected objects (the
     * result object and the userErrors list). An upper bound, so the first request of a kind is never throttled;
     * the server's own figure replaces it afterwards.
     *
     * @param fields number of aliased fields
     * @return the estimate
     */
    public static double mutationCost(int fields) {
        return 12.0 * fields;
    }

    static String serialize(GraphQLQuery query, BaseProjectionNode projection) {
        GraphQLQueryRequest.GraphQLQueryRequestOptions options =
                new GraphQLQueryRequest.GraphQLQueryRequestOptions(GraphQlScalars.all(), graphql.GraphQLContext.getDefault());
        // With trackInputFieldSet, only fields explicitly set (to null too) are written; unset ones stay absent.
        options.setAllowNullablePropertyInputValues(true);
        return new GraphQLQueryRequest(query, projection, options).serialize();
    }

    /**
     * Escapes a SKU for Shopify's search syntax: quoted, with backslashes and quotes escaped.
     *
     * @param skus the SKUs
     * @return {@code sku:"A" OR sku:"B"}
     */
    static String skuSearch(List<String> skus) {
        return skus.stream()
                .map(s -> "sku:\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" OR "));
    }

    /** Adds {@code @idempotent(key:)} to the root fields of a single-field document. */
    static String withDirectiveOnFields(String document, List<String> keys) {
        return merge(null, List.of(document), keys);
    }

    /**
     * Merges single-root-field documents into one operation, aliasing the fields {@code m0, m1, ...} when an
     * operation name is given (so responses are read the same way for one field or many), and attaching {@code @idempotent(key:)} with the i-th key when keys are given.
     */
    private static String merge(String operationName, List<String> documents, List<String> keys) {
        Parser parser = new Parser();
        List<Field> fields = new ArrayList<>();
        OperationDefinition first = null;
        for (int i = 0; i < documents.size(); i++) {
            Document doc = parser.parseDocument(documents.get(i));
            OperationDefinition op = (OperationDefinition) doc.getDefinitions().get(0);
            if (first == null) {
                first = op;
            }
            Field field = (Field) op.getSelectionSet().getSelections().get(0);
            String alias = operationName != null ? "m" + i : field.getAlias();
            String key = keys == null ? null : keys.get(i);
            fields.add(field.transform(b -> {
                b.alias(alias);
                if (key != null) {
                    b.directives(List.of(Directive.newDirective().name("idempotent")
                            .arguments(List.of(new Argument("key", StringValue.of(key)))).build()));
                }
            }));
        }
        if (first == null) {
            throw new IllegalArgumentException("no document to merge");
        }
        String name = operationName == null ? first.getName() : operationName;
        OperationDefinition merged = first.transform(b -> b.name(name).selectionSet(new SelectionSet(new ArrayList<>(fields))));
        return AstPrinter.printAstCompact(Document.newDocument().definition(merged).build());
    }

    /**
     * One entry of a quantity write.
     *
     * @param inventoryItemId the item gid
     * @param locationId the location gid
     * @param quantity the target
     * @param changeFrom the value just read (compare-and-set), or null for an explicit opt-out
     */
    public record QuantityEntry(String inventoryItemId, String locationId, int quantity, Integer changeFrom) {
    }

    /**
     * One activation.
     *
     * @param inventoryItemId the item gid
     * @param locationId the location gid
     * @param idempotencyKey the key of this activation
     */
    public record ActivationEntry(String inventoryItemId, String locationId, String idempotencyKey) {
    }

    /**
     * A product and some of its variants.
     *
     * @param productId the product gid
     * @param variantIds the variant gids
     */
    public record ProductVariants(String productId, List<String> variantIds) {
        /** Copies the list. */
        public ProductVariants {
            variantIds = List.copyOf(variantIds);
        }
    }

    /**
     * The marks one variant still needs.
     *
     * @param variantId the variant gid
     * @param deny whether {@code inventoryPolicy: DENY} is to be set
     * @param track whether tracking is to be turned on
     * @param metafieldValue the pre-order metafield's JSON value to write, or null to leave it
     */
    public record VariantMarks(String variantId, boolean deny, boolean track, String metafieldValue) {
    }

    /**
     * A product and the marks some of its variants still need.
     *
     * @param productId the product gid
     * @param variants the variants' marks
     */
    public record ProductMarks(String productId, List<VariantMarks> variants) {
        /** Copies the list. */
        public ProductMarks {
            variants = List.copyOf(variants);
        }
    }

    /**
     * One metafield write.
     *
     * @param ownerId the variant gid
     * @param value the JSON value
     */
    public record MetafieldEntry(String ownerId, String value) {
    }
}
