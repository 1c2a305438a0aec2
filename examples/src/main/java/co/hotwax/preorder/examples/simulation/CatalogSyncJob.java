package co.hotwax.preorder.examples.simulation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Today's practice, the comparator: every 15 minutes a catalog job lists the SKUs the OMS deems eligible
 * (P &gt; 0, counting only the orders it has imported) with inventory policy CONTINUE and the pre-order tag, and
 * delists the others (DENY, tag removed). It never tells Shopify a quantity, so between two runs Shopify keeps
 * accepting every pre-order of a listed SKU.
 *
 * <p>It talks to the simulator over GraphQL with the plain {@link StoreAdminClient} (no pacing, no retries) and
 * runs without injected faults: faults would only make it worse, so its oversold count is a lower bound.
 */
public final class CatalogSyncJob extends PeriodicJob {
    /** HotWax's default cadence for the catalog jobs. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final String POLICY = """
            mutation Policy($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { field message } }
            }""";
    private static final String TAGS_ADD = """
            mutation Tag($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { userErrors { message } } }""";
    private static final String TAGS_REMOVE = """
            mutation Untag($id: ID!, $tags: [String!]!) {
              tagsRemove(id: $id, tags: $tags) { userErrors { message } }
            }""";

    private final Map<String, Boolean> listed = new HashMap<>();

    /**
     * Creates the job for a run.
     *
     * @param context the run
     */
    public CatalogSyncJob(RunContext context) {
        super(context, INTERVAL);
    }

    @Override
    public String name() {
        return "catalog job every 15 min";
    }

    @Override
    protected void runOnce() {
        for (String sku : ctx.store().skus()) {
            boolean eligible = ctx.oms().pool(sku).map(p -> p.listed()).orElse(false);
            if (listed.getOrDefault(sku, false) == eligible) {
                continue;
            }
            String productId = ctx.store().productId(sku);
            client.execute(POLICY, Map.of("productId", productId, "variants", List.of(Map.of(
                    "id", ctx.store().variantId(sku), "inventoryPolicy", eligible ? "CONTINUE" : "DENY"))));
            client.execute(eligible ? TAGS_ADD : TAGS_REMOVE,
                    Map.of("id", productId, "tags", List.of(SimulatedStore.PREORDER_TAG)));
            listed.put(sku, eligible);
        }
    }
}
