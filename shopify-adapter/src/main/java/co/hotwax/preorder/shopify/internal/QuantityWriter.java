package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.PublishMode;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.QuantityEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes quantities at one location with compare-and-set, 250 entries per {@code inventorySetQuantities}.
 *
 * <p>Each round computes every pending item's target from its last read, or from the on_hand remembered in
 * {@link OnHandCache} on the first round ({@link QuantityTarget}), and writes the ones
 * that differ under a fresh idempotency key (new variables, new logical write; the client reuses the key for every
 * retry of that same request). Shopify applies a set all or nothing, so when entries fail, the failing ones are
 * decided (stale: re-read; anything else: rejected naming the code) and the rest are sent again without them. A
 * stale entry is never overwritten blindly: it is re-read and recomputed, up to the configured number of rounds.
 */
public final class QuantityWriter {
    private static final Logger LOG = LoggerFactory.getLogger(QuantityWriter.class);
    private static final String OPERATION = "inventorySetQuantities";
    private static final Set<String> STALE = Set.of("CHANGE_FROM_QUANTITY_STALE", "COMPARE_QUANTITY_STALE");

    private final ShopifyClient client;
    private final ShopifyDocuments documents;
    private final LevelReader reader;
    private final IdempotencyKeys keys;
    private final PublishMode mode;
    private final String reason;
    private final int maxRounds;
    private final DeltaDecreases deltaDecreases;

    /**
     * Creates the writer.
     *
     * @param client the client
     * @param documents the document builder
     * @param reader re-reads stale items
     * @param keys idempotency keys
     * @param mode dedicated or shared location
     * @param reason Shopify's reason string
     * @param maxRounds compare-and-set rounds before giving up with RETRY
     */
    public QuantityWriter(ShopifyClient client, ShopifyDocuments documents, LevelReader reader, IdempotencyKeys keys,
                          PublishMode mode, String reason, int maxRounds) {
        this.client = client;
        this.documents = documents;
        this.reader = reader;
        this.keys = keys;
        this.mode = mode;
        this.reason = reason;
        this.maxRounds = maxRounds;
        this.deltaDecreases = new DeltaDecreases(client, keys, reason);
    }

    /**
     * Makes the items' quantities at the location match their states. Items whose level is not stocked and that
     * are not listed need nothing (nothing is sellable there). Decides no outcome for items that succeed: the
     * caller still has marks to do.
     *
     * @param items open items of one location, each with a variant and a level
     * @param locationId the location
     * @return the items whose quantity now matches
     * @throws InterruptedException when interrupted
     */
    public List<BatchItem> write(List<BatchItem> items, String locationId) throws InterruptedException {
        List<BatchItem> done = new ArrayList<>();
        List<BatchItem> pending = new ArrayList<>();
        for (BatchItem item : items) {
            if (!item.level().stocked() && !item.state().listed()) {
                item.inFlightFrom(item.level());
                done.add(item);
            } else {
                pending.add(item);
            }
        }
        for (int round = 1; round <= maxRounds && !pending.isEmpty(); round++) {
            List<BatchItem> stale = new ArrayList<>();
            List<BatchItem> toWrite = new ArrayList<>();
            for (BatchItem item : pending) {
                QuantityTarget t = QuantityTarget.of(mode, item);
                if (!t.withinShopifyLimit()) {
                    item.reject("target " + t.name() + " " + t.target() + " exceeds Shopify's limit of 1,000,000,000");
                } else if (!t.write()) {
                    if (!t.note().isEmpty()) {
                        LOG.info("shop {}: sku {}: not written: {}", client.shop(), item.state().key(), t.note());
                    }
                    item.inFlightFrom(item.level());
                    done.add(item);
                } else {
                    toWrite.add(item);
                }
            }
            String name = mode == PublishMode.DEDICATED_LOCATION ? "on_hand" : "available";
            if (mode == PublishMode.SHARED_LOCATION) {
                // Decreases as deltas: no order makes them stale, so they never wait behind lost rounds.
                writeDecreases(toWrite, locationId, done);
            }
            int size = client.fit(OPERATION, Math.min(LevelReader.MAX_IDS, toWrite.size()),
                    n -> ShopifyDocuments.mutationCost(1) + LevelsAfterWrite.COST + n);
            for (int from = 0; from < toWrite.size(); from += size) {
                List<BatchItem> chunk = new ArrayList<>(toWrite.subList(from, Math.min(toWrite.size(), from + size)));
                writeChunk(chunk, name, locationId, done, stale);
            }
            pending = stale;
            if (!pending.isEmpty() && round < maxRounds) {
                reread(pending, locationId);
            }
        }
        for (BatchItem item : pending) {
            item.retry("compare-and-set on " + item.state().sku() + " lost to another writer " + maxRounds
                    + " times in a row; will re-read and retry");
        }
        return done;
    }

    /** Takes the decreases out of {@code toWrite} and writes them as deltas. */
    private void writeDecreases(List<BatchItem> toWrite, String locationId, List<BatchItem> done)
            throws InterruptedException {
        List<BatchItem> decreases = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        for (BatchItem item : toWrite) {
            QuantityTarget t = QuantityTarget.of(mode, item);
            if (t.target() < t.changeFrom()) {
                decreases.add(item);
                targets.add(t.target());
            }
        }
        toWrite.removeAll(decreases);
        deltaDecreases.write(decreases, targets, locationId, done);
    }

    /**
     * Sends one chunk, dropping refused entries and resending the rest until it applies or nothing is left: build
     * the request, send it, classify the answer, act on the classification.
     */
    private void writeChunk(List<BatchItem> chunk, String name, String locationId, List<BatchItem> done, List<BatchItem> stale)
            throws InterruptedException {
        while (!chunk.isEmpty()) {
            List<QuantityEntry> entries = new ArrayList<>();
            List<QuantityTarget> targets = new ArrayList<>();
            for (BatchItem item : chunk) {
                QuantityTarget t = QuantityTarget.of(mode, item);
                targets.add(t);
                entries.add(new QuantityEntry(item.variant().inventoryItemId(), locationId, (int) t.target(), (int) t.changeFrom()));
            }
            GraphQlResponse response;
            try {
                response = client.execute(OPERATION, documents.setQuantities(name, reason, entries, keys.next()),
                        ShopifyDocuments.mutationCost(1) + LevelsAfterWrite.COST + entries.size());
            } catch (CallFailedException e) {
                if (e.kind() == CallFailedException.Kind.TOO_COSTLY && chunk.size() > 1) {
                    int half = chunk.size() / 2;
                    writeChunk(new ArrayList<>(chunk.subList(0, half)), name, locationId, done, stale);
                    writeChunk(new ArrayList<>(chunk.subList(half, chunk.size())), name, locationId, done, stale);
                } else {
                    chunk.forEach(item -> item.fail(e, null));
                }
                return;
            }
            SetQuantitiesResult result = SetQuantitiesResult.classify(OperationResult.of(response, OPERATION, OPERATION), chunk.size());
            if (result instanceof SetQuantitiesResult.Applied applied) {
                markWritten(chunk, targets, name, applied.after(), done);
                return;
            } else if (result instanceof SetQuantitiesResult.KeyReused) {
                // The key was used before for another write (e.g. a restarted process replaying the same seed):
                // nothing ran, so re-read and send again under a new key.
                stale.addAll(chunk);
                return;
            } else if (SetQuantitiesResult.failedWhole(result, chunk, OPERATION)) {
                return;
            } else if (result instanceof SetQuantitiesResult.Refused refused) {
                List<BatchItem> failed = decideRefused(chunk, refused, stale);
                List<QuantityTarget> rest = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    if (!failed.contains(chunk.get(i))) {
                        rest.add(targets.get(i));
                    }
                }
                chunk.removeAll(failed);
                if (refused.applied()) {
                    // Shopify applied the entries it did not complain about.
                    markWritten(chunk, rest, name, refused.after(), done);
                    return;
                }
            }
        }
    }

    /** Decides each refused entry: stale or racing goes to re-read, anything else is rejected naming the code. */
    private List<BatchItem> decideRefused(List<BatchItem> chunk, SetQuantitiesResult.Refused refused, List<BatchItem> stale) {
        List<BatchItem> failed = new ArrayList<>();
        refused.refusedByIndex().forEach((index, error) -> {
            BatchItem item = chunk.get(index);
            failed.add(item);
            if (STALE.contains(error.code()) || "IDEMPOTENCY_CONCURRENT_REQUEST".equals(error.code())) {
                // Lost to another writer, or our own earlier attempt may still be running: the re-read decides.
                stale.add(item);
            } else if (!item.level().fresh() || item.level().exported()) {
                // Computed from a remembered on_hand or a bulk export's read, not a read just now: decide again from
                // what Shopify has now.
                stale.add(item);
            } else {
                item.reject(OPERATION + " refused sku " + item.state().sku() + ": " + error.describe());
            }
        });
        return failed;
    }

    /** Records applied items as written, with their level and in-flight units from the answer when it had them. */
    private static void markWritten(List<BatchItem> items, List<QuantityTarget> targets, String name,
                                    Map<String, LevelQuantities> after, List<BatchItem> done) {
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            LevelsAfterWrite.written(after, item, item.level().after(name, targets.get(i).target()));
            done.add(item);
        }
    }

    private void reread(List<BatchItem> items, String locationId) throws InterruptedException {
        try {
            Map<String, LevelQuantities> levels = reader.read(items.stream().map(i -> i.variant().inventoryItemId()).toList(), locationId);
            for (BatchItem item : items) {
                LevelQuantities level = levels.get(item.variant().inventoryItemId());
                if (level == null) {
                    item.reject("inventory item " + item.variant().inventoryItemId() + " of sku " + item.state().sku()
                            + " no longer exists");
                } else {
                    item.level(level);
                }
            }
        } catch (CallFailedException e) {
            items.forEach(item -> item.fail(e, "re-reading after a lost compare-and-set failed"));
        }
        items.removeIf(item -> !item.open());
    }
}
