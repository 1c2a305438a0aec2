package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.InventoryPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalog writes the SDK uses to mark pre-order items: {@code inventoryItemUpdate} (tracked),
 * {@code productVariantsBulkUpdate} (inventoryPolicy, inventoryItem, metafields), {@code metafieldsSet} (25 per
 * call, compareDigest) and {@code tagsAdd}/{@code tagsRemove}. Each call is all-or-nothing. Callers hold the shop
 * lock.
 */
public final class CatalogMutations {
    /** Shopify's per-call metafieldsSet limit. */
    public static final int MAX_METAFIELDS = 25;
    /** The namespace used when metafieldsSet omits one (Shopify uses an app-reserved namespace). */
    public static final String APP_NAMESPACE = "$app";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{2,64}");
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_-]{3,255}");

    private final ShopStore store;
    private final WriteObserver observer;

    /** Writes into {@code store}, reporting every write to {@code observer}. */
    public CatalogMutations(ShopStore store, WriteObserver observer) {
        this.store = store;
        this.observer = observer;
    }

    /** {@code inventoryItemUpdate(id:, input:)}: sku and tracked. */
    public Map<String, Object> inventoryItemUpdate(String id, Map<String, Object> input) {
        requireSimulatedItemInput(input);
        UserErrors errors = new UserErrors();
        ItemRecord item = store.item(id).orElse(null);
        if (item == null) {
            errors.add(null, List.of("id"), "The product couldn't be updated because it does not exist.");
            observer.write(null, "inventoryItemUpdate", "refused: unknown item " + id, false);
            return errors.payload("inventoryItem", null);
        }
        applyItemInput(item, input);
        observer.write(item.sku(), "inventoryItemUpdate", "tracked=" + item.tracked(), true);
        return errors.payload("inventoryItem", item);
    }

    /**
     * Input fields the schema accepts but the simulator would ignore ({@code cost}, {@code requiresShipping}) are
     * refused with NOT_SIMULATED before anything is written, so a test never passes because a value was dropped.
     */
    private static void requireSimulatedItemInput(Map<String, Object> input) {
        for (String field : List.of("cost", "requiresShipping")) {
            if (input != null && input.get(field) != null) {
                throw new RequestError(FullSchemaCheck.NOT_SIMULATED, "Not simulated: InventoryItemInput." + field
                        + " is valid in Shopify's schema, but the simulator does not implement it");
            }
        }
    }

    private static void applyItemInput(ItemRecord item, Map<String, Object> input) {
        if (input.get("tracked") != null) {
            item.tracked((Boolean) input.get("tracked"));
        }
        if (input.get("sku") != null) {
            item.sku((String) input.get("sku"));
        }
    }

    /**
     * {@code productVariantsBulkUpdate}: inventoryPolicy, inventoryItem fields and metafields ({@code MetafieldInput}
     * by namespace and key: created or updated, as {@code metafieldsSet} does, validated by the same rules, errors
     * pointing at {@code [variants, i, metafields, j, field]}) of one product's variants.
     */
    public Map<String, Object> productVariantsBulkUpdate(String productId, List<Map<String, Object>> variants,
            boolean allowPartialUpdates) {
        for (Map<String, Object> in : variants) {
            @SuppressWarnings("unchecked")
            Map<String, Object> itemInput = (Map<String, Object>) in.get("inventoryItem");
            requireSimulatedItemInput(itemInput);
            for (Map<String, Object> m : metafieldsOf(in)) {
                if (m.get("id") != null) {
                    throw new RequestError(FullSchemaCheck.NOT_SIMULATED, "Not simulated: MetafieldInput.id is valid"
                            + " in Shopify's schema, but the simulator identifies metafields by namespace and key only");
                }
            }
        }
        UserErrors errors = new UserErrors();
        ProductRecord product = store.product(productId).orElse(null);
        if (product == null) {
            errors.add("PRODUCT_DOES_NOT_EXIST", List.of("productId"), "Product does not exist");
            observer.write(null, "productVariantsBulkUpdate", "refused: unknown product " + productId, false);
            return bulkPayload(errors, null, List.of());
        }
        List<VariantRecord> valid = new ArrayList<>();
        List<Map<String, Object>> validInputs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Map<String, Object> in = variants.get(i);
            String id = (String) in.get("id");
            List<String> field = List.of("variants", Integer.toString(i), "id");
            VariantRecord v = store.variant(id).orElse(null);
            if (id == null) {
                errors.add("PRODUCT_VARIANT_ID_MISSING", field, "Product variant is missing ID attribute.");
            } else if (v == null) {
                errors.add("PRODUCT_VARIANT_DOES_NOT_EXIST", field, "Product variant does not exist");
            } else if (v.product() != product) {
                errors.add("MUST_BE_FOR_THIS_PRODUCT", field, "Product variant does not exist on this product");
            } else if (validVariantMetafields(id, in, i, errors)) {
                valid.add(v);
                validInputs.add(in);
            }
        }
        if (!errors.isEmpty() && !allowPartialUpdates) {
            observer.write(null, "productVariantsBulkUpdate", "refused: " + errors.list(), false);
            return bulkPayload(errors, product, List.of());
        }
        for (int i = 0; i < valid.size(); i++) {
            VariantRecord v = valid.get(i);
            Map<String, Object> in = validInputs.get(i);
            if (in.get("inventoryPolicy") != null) {
                v.inventoryPolicy(InventoryPolicy.valueOf(in.get("inventoryPolicy").toString()));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> itemInput = (Map<String, Object>) in.get("inventoryItem");
            if (itemInput != null) {
                applyItemInput(v.inventoryItem(), itemInput);
            }
            StringBuilder written = new StringBuilder();
            for (Map<String, Object> m : metafieldsOf(in)) {
                MetafieldRecord record = store.putMetafield(v.id(), (String) m.get("namespace"), (String) m.get("key"),
                        (String) m.get("value"), (String) m.get("type"));
                written.append(' ').append(record.namespace()).append('.').append(record.key()).append('=')
                        .append(record.value());
            }
            observer.write(v.sku(), "productVariantsBulkUpdate", "inventoryPolicy=" + v.inventoryPolicy()
                    + " tracked=" + v.inventoryItem().tracked() + written, true);
        }
        return bulkPayload(errors, product, valid);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metafieldsOf(Map<String, Object> variantInput) {
        Object list = variantInput.get("metafields");
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    /**
     * Validates the metafields of variant input {@code i}; namespace and key are required when the metafield does not
     * exist yet ({@code MetafieldInput}, schema 2026-04: "Required when creating a metafield").
     */
    private boolean validVariantMetafields(String variantId, Map<String, Object> in, int i, UserErrors errors) {
        boolean valid = true;
        List<Map<String, Object>> metafields = metafieldsOf(in);
        for (int j = 0; j < metafields.size(); j++) {
            Map<String, Object> m = metafields.get(j);
            List<String> base = List.of("variants", Integer.toString(i), "metafields", Integer.toString(j));
            UserErrors found = new UserErrors();
            for (String required : List.of("namespace", "key")) {
                if (m.get(required) == null) {
                    found.add("BLANK", append(base, required), required + " can't be blank");
                }
            }
            if (found.isEmpty()) {
                validateMetafield(variantId, m, base, null, found);
            }
            found.list().forEach(e -> errors.add((String) e.get("code"), castPath(e.get("field")),
                    (String) e.get("message")));
            valid &= found.isEmpty();
        }
        return valid;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castPath(Object field) {
        return (List<String>) field;
    }

    private static Map<String, Object> bulkPayload(UserErrors errors, ProductRecord product,
            List<VariantRecord> variants) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("product", product);
        p.put("productVariants", variants.isEmpty() ? null : List.copyOf(variants));
        p.put("userErrors", errors.list());
        return p;
    }

    /** {@code metafieldsSet(metafields:)}: at most 25, all or nothing, optional compareDigest per entry. */
    public Map<String, Object> metafieldsSet(List<Map<String, Object>> inputs) {
        UserErrors errors = new UserErrors();
        if (inputs.size() > MAX_METAFIELDS) {
            errors.add("LESS_THAN_OR_EQUAL_TO", List.of("metafields"),
                    "Exceeded the maximum metafields input limit of " + MAX_METAFIELDS + ".");
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                validateMetafield((String) inputs.get(i).get("ownerId"), inputs.get(i),
                        List.of("metafields", Integer.toString(i)), i, errors);
            }
        }
        if (!errors.isEmpty()) {
            observer.write(null, "metafieldsSet", "refused: " + errors.list(), false);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("metafields", null);
            p.put("userErrors", errors.list());
            return p;
        }
        List<MetafieldRecord> written = new ArrayList<>();
        for (Map<String, Object> in : inputs) {
            String owner = (String) in.get("ownerId");
            MetafieldRecord m = store.putMetafield(owner, namespace(in), (String) in.get("key"),
                    (String) in.get("value"), (String) in.get("type"));
            written.add(m);
            observer.write(skuOf(owner), "metafieldsSet", m.namespace() + "." + m.key() + "=" + m.value(), true);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("metafields", written);
        p.put("userErrors", List.of());
        return p;
    }

    /** One metafield's rules; {@code i} is metafieldsSet's {@code elementIndex}, null where the type has none. */
    private void validateMetafield(String owner, Map<String, Object> in, List<String> base, Integer i, UserErrors errors) {
        String ns = namespace(in);
        String key = (String) in.get("key");
        if (!store.isMetafieldOwner(owner)) {
            errors.add("INVALID_VALUE", append(base, "ownerId"), "Owner does not exist.", i);
            return;
        }
        if (!APP_NAMESPACE.equals(ns) && !NAMESPACE.matcher(ns).matches()) {
            errors.add("INVALID_VALUE", append(base, "namespace"),
                    "Namespace must be 3-255 characters of letters, digits, '-' or '_'.", i);
        }
        if (!KEY.matcher(key).matches()) {
            errors.add("INVALID_VALUE", append(base, "key"),
                    "Key must be 2-64 characters of letters, digits, '-' or '_'.", i);
        }
        MetafieldRecord existing = store.metafield(owner, ns, key).orElse(null);
        if (existing == null && in.get("type") == null) {
            errors.add("BLANK", append(base, "type"), "Type can't be blank.", i);
        }
        String type = in.get("type") != null ? (String) in.get("type") : existing == null ? null : existing.type();
        String problem = MetafieldValues.problem(type, (String) in.get("value"));
        if (problem != null) {
            errors.add("INVALID_VALUE", append(base, "value"), problem, i);
        }
        if (in.containsKey("compareDigest")) {
            Object digest = in.get("compareDigest");
            boolean stale = digest == null ? existing != null
                    : existing == null || !existing.compareDigest().equals(digest);
            if (stale) {
                errors.add("STALE_OBJECT", append(base, "compareDigest"), "The resource has been updated since it "
                        + "was loaded. Try again with an updated `compareDigest` value.", i);
            }
        }
    }

    private static String namespace(Map<String, Object> in) {
        Object ns = in.get("namespace");
        return ns == null ? APP_NAMESPACE : (String) ns;
    }

    private static List<String> append(List<String> base, String last) {
        List<String> l = new ArrayList<>(base);
        l.add(last);
        return List.copyOf(l);
    }

    private String skuOf(String ownerId) {
        return store.variant(ownerId).map(VariantRecord::sku).orElse(null);
    }

    /** {@code tagsAdd} or {@code tagsRemove} on a product; tags may also be comma-separated strings. */
    public Map<String, Object> tags(String id, List<String> tags, boolean add) {
        String op = add ? "tagsAdd" : "tagsRemove";
        UserErrors errors = new UserErrors();
        ProductRecord product = store.product(id).orElse(null);
        if (product == null) {
            errors.add(null, List.of("id"), Gid.type(id).isPresent() && !"Product".equals(Gid.type(id).get())
                    ? "The simulator supports tags on products only" : "Product does not exist");
            observer.write(null, op, "refused: " + id, false);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("node", null);
            p.put("userErrors", errors.list());
            return p;
        }
        Set<String> split = new LinkedHashSet<>();
        for (String t : tags) {
            for (String part : t.split(",")) {
                if (!part.isBlank()) {
                    split.add(part.trim());
                }
            }
        }
        if (add) {
            product.mutableTags().addAll(split);
        } else {
            product.mutableTags().removeAll(split);
        }
        for (VariantRecord v : product.variants()) {
            observer.write(v.sku(), op, split.toString(), true);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", product);
        p.put("userErrors", List.of());
        return p;
    }
}
