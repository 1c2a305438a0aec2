package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.gen.client.InventoryAdjustQuantitiesGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.InventoryAdjustQuantitiesProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.types.InventoryAdjustQuantitiesInput;
import co.hotwax.preorder.shopify.internal.gen.types.InventoryChangeInput;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Writes decreases of {@code available} at a shared location as deltas ({@code inventoryAdjustQuantities} with an
 * explicit {@code changeFromQuantity: null}), so a decrease lands at once however busy checkout is.
 *
 * <p>An absolute set with compare-and-set on {@code available} goes stale with every order placed between its
 * read and its write, and under concurrent checkouts a decrease could lose round after round and then wait a
 * back-off while shoppers buy units that no longer exist (issue 11). A negative delta cannot be made stale by an
 * order: whatever shoppers bought meanwhile, {@code available} ends at most at the target (lower when they bought,
 * which sells less, never more). Shopify documents {@code changeFromQuantity: null} as the opt-out for a writer
 * that is the source of truth (shopify-admin-api.md sections 1.1 and 1.3; https://shopify.dev/changelog/making-changefromquantity-field-required).
 * Increases keep the compare-and-set set: an increase based on a stale read could sell in-flight units again.
 */
public final class DeltaDecreases {
    private final ShopifyClient client;
    private final IdempotencyKeys keys;
    private final String reason;

    /**
     * Creates the writer.
     *
     * @param client the client
     * @param keys idempotency keys
     * @param reason Shopify's reason string
     */
    public DeltaDecreases(ShopifyClient client, IdempotencyKeys keys, String reason) {
        this.client = client;
        this.keys = keys;
        this.reason = reason;
    }

    /**
     * Lowers each item's {@code available} by {@code target - changeFrom}, 250 entries per call.
     *
     * @param items the items, each with its level read in this publish
     * @param targets the target per item, in the same order, below the item's {@code available}
     * @param locationId the location
     * @param done where the items written go (their level is the one after the write when Shopify returned it)
     * @throws InterruptedException when interrupted
     */
    public void write(List<BatchItem> items, List<Long> targets, String locationId, List<BatchItem> done)
            throws InterruptedException {
        for (int from = 0; from < items.size(); from += LevelReader.MAX_IDS) {
            int to = Math.min(items.size(), from + LevelReader.MAX_IDS);
            writeChunk(new ArrayList<>(items.subList(from, to)), new ArrayList<>(targets.subList(from, to)),
                    locationId, done);
        }
    }

    /** Sends one chunk; Shopify applies all entries or none, so failing entries are dropped and the rest re-sent. */
    private void writeChunk(List<BatchItem> chunk, List<Long> targets, String locationId, List<BatchItem> done)
            throws InterruptedException {
        while (!chunk.isEmpty()) {
            List<InventoryChangeInput> changes = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                InventoryChangeInput.Builder b = InventoryChangeInput.newBuilder()
                        .inventoryItemId(chunk.get(i).variant().inventoryItemId()).locationId(locationId)
                        .delta((int) (targets.get(i) - chunk.get(i).level().available()));
                // The key must be present from 2026-04; null opts out of compare-and-set (the point of a delta).
                b.changeFromQuantity(null);
                changes.add(b.build());
            }
            GraphQlResponse response;
            try {
                response = client.execute("inventoryAdjustQuantities", document(changes, keys.next()),
                        ShopifyDocuments.mutationCost(1) + LevelsAfterWrite.COST);
            } catch (CallFailedException e) {
                chunk.forEach(item -> item.retry(e.getMessage()));
                return;
            }
            JsonNode payload = response.data().path("inventoryAdjustQuantities");
            List<UserError> errors = UserErrors.of(payload);
            if (errors.isEmpty()) {
                Map<String, LevelQuantities> after = LevelsAfterWrite.of(payload);
                for (int i = 0; i < chunk.size(); i++) {
                    BatchItem item = chunk.get(i);
                    LevelsAfterWrite.written(after, item, item.level().after("available", targets.get(i)));
                    done.add(item);
                }
                return;
            }
            List<Integer> failed = new ArrayList<>();
            for (UserError error : errors) {
                OptionalInt index = error.index();
                if (index.isEmpty() || index.getAsInt() >= chunk.size()) {
                    chunk.forEach(item -> item.retry("inventoryAdjustQuantities refused the batch: " + error.describe()));
                    return;
                }
                BatchItem item = chunk.get(index.getAsInt());
                if ("ADJUST_QUANTITIES_FAILED".equals(error.code()) || "SERVICE_UNAVAILABLE".equals(error.code())
                        || "IDEMPOTENCY_CONCURRENT_REQUEST".equals(error.code())) {
                    item.retry("inventoryAdjustQuantities: " + error.describe());
                } else {
                    item.reject("inventoryAdjustQuantities refused sku " + item.state().sku() + ": " + error.describe());
                }
                failed.add(index.getAsInt());
            }
            for (int i = chunk.size() - 1; i >= 0; i--) {
                if (failed.contains(i)) {
                    chunk.remove(i);
                    targets.remove(i);
                }
            }
        }
    }

    private String document(List<InventoryChangeInput> changes, String idempotencyKey) {
        InventoryAdjustQuantitiesInput input = InventoryAdjustQuantitiesInput.newBuilder()
                .name("available").reason(reason).changes(changes).build();
        InventoryAdjustQuantitiesGraphQLQuery query = InventoryAdjustQuantitiesGraphQLQuery.newRequest()
                .queryName("AdjustQuantities").input(input).build();
        InventoryAdjustQuantitiesProjectionRoot<?, ?> root = new InventoryAdjustQuantitiesProjectionRoot<>();
        root.inventoryAdjustmentGroup().id().changes(null, null, LevelsAfterWrite.NAMES).name().quantityAfterChange()
                .item().id().parent().parent().parent().userErrors().code().parent().field().message();
        return ShopifyDocuments.withDirectiveOnFields(ShopifyDocuments.serialize(query, root), List.of(idempotencyKey));
    }
}
