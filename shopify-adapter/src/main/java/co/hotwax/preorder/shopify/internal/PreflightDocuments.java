package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * The read-only documents of the store preflight. Written out rather than generated: they select a dozen types
 * the write path never touches (locations, selling plans, the app installation), and
 * {@code ShopifyDocumentsSchemaContractTest} validates each against Shopify's full 2026-04 schema, as it does the
 * generated ones. Values are inlined as JSON string literals, which are valid GraphQL string literals.
 */
public final class PreflightDocuments {
    /** Locations read per request: a shop has at most a few hundred. */
    public static final int LOCATIONS = 250;
    /** Inventory levels read per variant. */
    public static final int LEVELS = 10;
    /** Selling-plan groups read per variant, and plans per group. */
    public static final int PLANS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String metafieldNamespace;
    private final String metafieldKey;

    /**
     * Creates the documents for the adapter's metafield.
     *
     * @param metafieldNamespace the pre-order metafield namespace
     * @param metafieldKey the pre-order metafield key
     */
    public PreflightDocuments(String metafieldNamespace, String metafieldKey) {
        this.metafieldNamespace = metafieldNamespace;
        this.metafieldKey = metafieldKey;
    }

    /**
     * The token's scopes and every location (inactive ones too): two root fields, so a missing
     * {@code read_locations} denies only the second.
     *
     * @return the document
     */
    public String store() {
        return "query PreflightStore { currentAppInstallation { accessScopes { handle } } "
                + "locations(first: " + LOCATIONS + ", includeInactive: true) { nodes { id name isActive fulfillsOnlineOrders } "
                + "pageInfo { hasNextPage } } }";
    }

    /** @return the requested cost of {@link #store()}: the installation, its scopes, the connection and each location */
    public static double storeCost() {
        return 4 + LOCATIONS;
    }

    /**
     * Whether these locations are active and fulfil online orders, by id: the light read that watches locations
     * where pre-order SKUs are stocked but that did not sell online when the SKUs were checked.
     *
     * @param locationIds at most {@link #LOCATIONS} location gids
     * @return the document
     */
    public String locationFlags(List<String> locationIds) {
        StringBuilder ids = new StringBuilder();
        for (String id : locationIds) {
            ids.append(ids.length() == 0 ? "" : ", ").append(literal(id));
        }
        return "query PreflightLocationFlags { nodes(ids: [" + ids + "]) { ... on Location { id isActive "
                + "fulfillsOnlineOrders } } }";
    }

    /**
     * @param locations ids in one {@link #locationFlags} read
     * @return its requested cost: one object per location
     */
    public static double locationFlagsCost(int locations) {
        return Math.max(1, locations);
    }

    /**
     * One page of the variants with these SKUs, with what the per-SKU checks need: levels with their location and
     * quantities, selling-plan groups with each plan's reserve policy, the product's tags and
     * {@code requiresSellingPlan}, the pre-order metafield.
     *
     * @param skus the SKUs
     * @param first page size
     * @param after the previous page's cursor, or null
     * @return the document
     */
    public String variants(List<String> skus, int first, String after) {
        return "query PreflightSkus { productVariants(first: " + first + (after == null ? "" : ", after: " + literal(after))
                + ", query: " + literal(ShopifyDocuments.skuSearch(skus)) + ") { nodes { id sku inventoryPolicy "
                + "metafield(namespace: " + literal(metafieldNamespace) + ", key: " + literal(metafieldKey) + ") { value } "
                + "product { id tags requiresSellingPlan } "
                + "inventoryItem { id tracked inventoryLevels(first: " + LEVELS + ") { nodes { location { id name } "
                + "quantities(names: [\"available\", \"committed\", \"on_hand\"]) { name quantity } } pageInfo { hasNextPage } } } "
                + "sellingPlanGroups(first: " + PLANS + ") { nodes { name sellingPlans(first: " + PLANS + ") { nodes { name "
                + "category inventoryPolicy { reserve } } } } } } pageInfo { hasNextPage endCursor } } }";
    }

    /**
     * Requested cost of {@link #variants} (an upper bound): per variant the variant, metafield, product, item, the
     * levels connection with per level the level, its location and three quantities, the groups connection with per
     * group its plans connection and per plan the plan and its policy.
     *
     * @param first page size
     * @return the estimate
     */
    public static double variantsCost(int first) {
        double perVariant = 4 + (2 + LEVELS * 5) + (2 + PLANS * (3 + PLANS * 2));
        return 2 + first * perVariant;
    }

    private static String literal(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }
}
