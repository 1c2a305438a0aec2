package co.hotwax.preorder.examples.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The other comparator, the connector style: every 5 minutes set Shopify's {@code available} at the pre-order
 * location to the OMS's P (0 when not listed) with {@code changeFromQuantity: null}, i.e. no compare-and-set, and
 * policy DENY. Orders Shopify took that the OMS has not imported yet are not in P, so each push hands their units
 * back to Shopify and they are sold again. With several stores it pushes the whole P to each, as a connector per
 * store would: together they offer P once per store.
 *
 * <p>Plain GraphQL over HTTP ({@link StoreAdminClient}), no injected faults (its oversold count is a lower bound).
 */
public final class AbsolutePushJob extends PeriodicJob {
    /** How often it pushes. */
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final String SET = """
            mutation Push($input: InventorySetQuantitiesInput!, $key: String!) {
              inventorySetQuantities(input: $input) @idempotent(key: $key) {
                inventoryAdjustmentGroup { id } userErrors { code field message }
              }
            }""";

    private final RandomGenerator random;
    private final List<StoreAdminClient> clients = new ArrayList<>();

    /**
     * Creates the job for a run.
     *
     * @param context the run
     */
    public AbsolutePushJob(RunContext context) {
        super(context, INTERVAL);
        this.random = new SplittableRandom(context.seed());
        clients.add(client);
        for (SimulatedStore store : context.stores().subList(1, context.stores().size())) {
            clients.add(store.adminClient());
        }
    }

    @Override
    public String name() {
        return "absolute push every 5 min";
    }

    @Override
    protected void runOnce() {
        for (int i = 0; i < clients.size(); i++) {
            push(ctx.stores().get(i), clients.get(i));
        }
    }

    private void push(SimulatedStore store, StoreAdminClient storeClient) {
        List<Map<String, Object>> quantities = new ArrayList<>();
        for (String sku : store.skus()) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("inventoryItemId", store.inventoryItemId(sku));
            entry.put("locationId", store.preorderLocationId());
            entry.put("quantity", ctx.oms().expectedSellable(sku));
            // Explicit null: the blind overwrite this comparator stands for.
            entry.put("changeFromQuantity", null);
            quantities.add(entry);
        }
        storeClient.execute(SET, Map.of("key", new UUID(random.nextLong(), random.nextLong()).toString(),
                "input", Map.of("name", "available", "reason", "correction", "quantities", quantities)));
    }
}
