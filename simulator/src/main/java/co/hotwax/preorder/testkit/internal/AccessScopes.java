package co.hotwax.preorder.testkit.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access scopes granted to the simulator's token, and the scope each served field needs. A missing scope gives
 * Shopify's documented answer: HTTP 200, {@code data.<field>: null} and an {@code errors[]} entry "Access denied for
 * <field> field. Required access: `<scope>` access scope." with {@code extensions.code = ACCESS_DENIED},
 * {@code documentation} and {@code requiredAccess}
 * (shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes).
 *
 * <p>Required scopes: inventory reads {@code read_inventory}, inventory writes and {@code inventoryItemUpdate}
 * {@code write_inventory} (mutation pages on shopify.dev); locations {@code read_locations}
 * (shopify.dev/changelog/the-location-object-requires-read_locations-scope); products and variants
 * {@code read_products}, their writes (variants bulk update, tags and metafields on products and variants)
 * {@code write_products}. A {@code write_} scope includes its {@code read_} scope, as Shopify's access-scope docs
 * say. {@code node}/{@code nodes} need the scope of the object each id names. {@code currentAppInstallation} needs
 * none. Checked on root fields only. Revocation takes effect on the next request. Thread-safe.
 */
public final class AccessScopes {
    /** Where Shopify's ACCESS_DENIED errors point. */
    public static final String DOCUMENTATION = "https://shopify.dev/api/usage/access-scopes";

    /** Every scope the simulator knows, granted by default. */
    public static final List<String> ALL = List.of("read_inventory", "write_inventory", "read_locations",
            "read_products", "write_products", "read_orders", "write_orders", "read_purchase_options",
            "write_purchase_options");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "read_inventory", "Read inventory", "write_inventory", "Modify inventory",
            "read_locations", "Read locations", "read_products", "Read products, variants, and collections",
            "write_products", "Modify products, variants, and collections", "read_orders", "Read orders",
            "write_orders", "Modify orders", "read_purchase_options", "Read purchase options",
            "write_purchase_options", "Modify purchase options");

    private static final Map<String, String> ROOT_FIELDS = rootFields();

    private final Set<String> granted;

    /** Grants {@code scopes}. */
    public AccessScopes(Set<String> scopes) {
        this.granted = new LinkedHashSet<>(scopes);
    }

    private static Map<String, String> rootFields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("inventoryItem", "inventoryItems", "inventoryLevel")) {
            m.put(f, "read_inventory");
        }
        for (String f : List.of("location", "locations")) {
            m.put(f, "read_locations");
        }
        for (String f : List.of("product", "productVariant", "productVariants")) {
            m.put(f, "read_products");
        }
        for (String f : List.of("inventorySetQuantities", "inventoryAdjustQuantities", "inventoryActivate",
                "inventoryItemUpdate")) {
            m.put(f, "write_inventory");
        }
        for (String f : List.of("productVariantsBulkUpdate", "metafieldsSet", "tagsAdd", "tagsRemove")) {
            m.put(f, "write_products");
        }
        return Map.copyOf(m);
    }

    /** The scope a served root field needs, or null when it needs none (or depends on the object). */
    public static String requiredFor(String rootField) {
        return ROOT_FIELDS.get(rootField);
    }

    /** The read scope for an object of a GraphQL type (for {@code node}/{@code nodes}), or null. */
    public static String requiredForType(String typeName) {
        return switch (typeName) {
            case "InventoryItem", "InventoryLevel" -> "read_inventory";
            case "Location" -> "read_locations";
            case "Product", "ProductVariant", "Metafield", "SellingPlanGroup", "SellingPlan" -> "read_products";
            default -> null;
        };
    }

    /** A scope's description, as {@code AccessScope.description} shows it. */
    public static String description(String handle) {
        return DESCRIPTIONS.getOrDefault(handle, handle);
    }

    /** Whether {@code scope} is granted (a write scope grants its read scope). */
    public synchronized boolean allows(String scope) {
        return scope == null || granted.contains(scope)
                || scope.startsWith("read_") && granted.contains("write_" + scope.substring(5));
    }

    /** The granted handles, sorted. */
    public synchronized List<String> granted() {
        return List.copyOf(new TreeSet<>(granted));
    }

    /** Grants a scope. */
    public synchronized void grant(String scope) {
        granted.add(scope);
    }

    /** Revokes a scope. */
    public synchronized void revoke(String scope) {
        granted.remove(scope);
    }

    /** The error for {@code field} without {@code scope}, in Shopify's shape. */
    public static RequestError denied(String field, String scope) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", "ACCESS_DENIED");
        ext.put("documentation", DOCUMENTATION);
        ext.put("requiredAccess", "`" + scope + "` access scope.");
        return new RequestError("Access denied for " + field + " field. Required access: `" + scope
                + "` access scope.", ext);
    }
}
