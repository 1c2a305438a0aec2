package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.gen.client.InventoryAdjustQuantitiesGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.InventoryAdjustQuantitiesProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.types.InventoryAdjustQuantitiesInput;
import co.hotwax.preorder.shopify.internal.gen.types.InventoryChangeInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes decreases of {@code available} at a shared location as deltas ({@code inventoryAdjustQuantities} with an
 * explicit {@code changeFromQuantity: null}), so a decrease lands at once however busy checkout is.
 *
 * <p>An absolute set with compare-and-set on {@code available} goes stale with every order placed between its
 * read and its write, and under concurrent checkouts a decrease could lose round after round and then wait a
 * back-off while shoppers buy units that no longer exist. A negative delta cannot be made stale by an
 * order: whatever shoppers bought meanwhile, {@code available} ends at most at the target (lower when they bought,
 * which sells less, never more). Shopify documents {@code changeFromQuantity: null} as the opt-out for a writer
 * that is the source of truth (https://shopify.dev/changelog/making-changefromquantity-field-required).
 * Increases keep the compare-and-set set: an increase based on a stale read could sell in-flight units again.
 */
public final class DeltaDecreases {
    private static final String OPERATION = "inventoryAdjustQuantities";
    private static final Set<String> TRANSIENT =
            Set.of("ADJUST_QUANTITIES_FAILED", "SERVICE_UNAVAILABLE", "IDEMPOTENCY_CONCURRENT_REQUEST");

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
     * Lowers each item's {@code available} by {@code target - changeFrom}, at most 250 entries per call (fewer when
     * the shop's cost limit requires).
     *
     * @param items the items, each with its level read in this publish
     * @param targets the target per item, in the same order, below the item's {@code available}
     * @param locationId the location
     * @param done where the items written go (their level is the one after the write when Shopify returned it)
     * @throws InterruptedException when interrupted
     */
    public void write(List<BatchItem> items, List<Long> targets, String locationId, List<BatchItem> done)
            throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        int size = client.fit(OPERATION, Math.min(LevelReader.MAX_IDS, items.size()),
                n -> ShopifyDocuments.mutationCost(1) + LevelsAfterWrite.COST + n);
        for (int from = 0; from < items.size(); from += size) {
            int to = Math.min(items.size(), from + size);
            writeChunk(new ArrayList<>(items.subList(from, to)), new ArrayList<>(targets.subList(from, to)),
                    locationId, done, true);
        }
    }

    /**
     * Sends one chunk and acts on the classified answer ({@link SetQuantitiesResult}, one place per case); Shopify
     * applies all entries or none, so refused entries are dropped and the rest sent again.
     */
    private void writeChunk(List<BatchItem> chunk, List<Long> targets, String locationId, List<BatchItem> done,
                            boolean mayResendOnReusedKey) throws InterruptedException {
        boolean resend = mayResendOnReusedKey;
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
                response = client.execute(OPERATION, document(changes, keys.next()),
                        ShopifyDocuments.mutationCost(1) + LevelsAfterWrite.COST + changes.size());
            } catch (CallFailedException e) {
                if (e.kind() == CallFailedException.Kind.TOO_COSTLY && chunk.size() > 1) {
                    int half = chunk.size() / 2;
                    writeChunk(new ArrayList<>(chunk.subList(0, half)), new ArrayList<>(targets.subList(0, half)),
                            locationId, done, resend);
                    writeChunk(new ArrayList<>(chunk.subList(half, chunk.size())),
                            new ArrayList<>(targets.subList(half, chunk.size())), locationId, done, resend);
                } else {
                    chunk.forEach(item -> item.fail(e, null));
                }
                return;
            }
            SetQuantitiesResult result = SetQuantitiesResult.classify(
                    OperationResult.of(response, OPERATION, OPERATION), chunk.size(), OPERATION);
            if (result instanceof SetQuantitiesResult.Applied applied) {
                markWritten(chunk, targets, applied.after(), done);
                return;
            } else if (result instanceof SetQuantitiesResult.KeyReused) {
                // The key was used before for other input (a restarted process replaying the same seed): nothing
                // ran, so the same deltas go once more under a new key; a second reuse is left to the retry.
                if (!resend) {
                    chunk.forEach(item -> item.retry(OPERATION + ": idempotency key reused twice; nothing was applied"));
                    return;
                }
                resend = false;
            } else if (SetQuantitiesResult.failedWhole(result, chunk, OPERATION)) {
                return;
            } else if (result instanceof SetQuantitiesResult.Refused refused) {
                List<Integer> failed = new ArrayList<>(refused.refusedByIndex().keySet());
                refused.refusedByIndex().forEach((index, error) -> decideRefused(chunk.get(index), error));
                for (int i = chunk.size() - 1; i >= 0; i--) {
                    if (failed.contains(i)) {
                        chunk.remove(i);
                        targets.remove(i);
                    }
                }
                if (refused.applied()) {
                    // Shopify applied the entries it did not complain about.
                    markWritten(chunk, targets, refused.after(), done);
                    return;
                }
            }
        }
    }

    /** A refused delta: transient codes are retried (after a re-read), anything else is rejected naming the code. */
    private static void decideRefused(BatchItem item, UserError error) {
        if (TRANSIENT.contains(error.code())) {
            item.retry(OPERATION + ": " + error.describe());
        } else {
            item.reject(OPERATION + " refused sku " + item.state().sku() + ": " + error.describe());
        }
    }

    private static void markWritten(List<BatchItem> items, List<Long> targets, Map<String, LevelQuantities> after,
                                    List<BatchItem> done) {
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            LevelsAfterWrite.written(after, item, item.level().after("available", targets.get(i)));
            done.add(item);
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
