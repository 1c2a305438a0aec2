package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.DesiredState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The read-only steps every pass over a batch starts with: check the states (duplicates, unmapped facilities),
 * resolve their SKUs, and read their levels per location. Each step rejects the items it finds wrong, naming the
 * reason, and leaves the others open; a call that fails after retries is thrown for the caller to decide.
 */
public final class BatchPreparation {
    /**
     * Not-yet-known SKUs a publish call still reads per request while a bulk export is on its way; the call's other
     * not-yet-known SKUs are answered RETRY ({@link #WAITING_FOR_EXPORT}) with a retry-after of the time until the
     * export is next polled ({@link VariantResolver#untilExportCheck}, at most 5 s), so the engine sends them again
     * when a call can learn that it landed, and they ride the first call after it lands (not its doubling back-off,
     * which re-sent states deferred several times up to a minute after: BENCHMARKS.md, "While a resync runs").
     *
     * <p>Why 3: per request, a SKU not yet known costs about 14 points to resolve, check (the preflight's per-SKU
     * read) and give its level (BENCHMARKS.md, "Restart resync through the bulk export": 14.20 points a SKU); 3 cost
     * about 43, under the 50 points Standard's bucket restores in 500 ms (100 points a second), so a restart
     * resync's calls, back to back, neither hold the publisher for seconds nor drain the bucket the changes queued
     * behind them need. The engine puts a call's urgent items first and keeps resync items out of urgent calls, so
     * the budget goes to changes before resync work; SKUs already known are never deferred.
     */
    public static final int READ_BUDGET_WHILE_EXPORTING = 3;
    /** The reason given for a SKU deferred until the catalog export lands. */
    public static final String WAITING_FOR_EXPORT = "waiting for the catalog export: this call's budget of "
            + READ_BUDGET_WHILE_EXPORTING + " SKUs read per request is spent";
    private final ShopifyPublisherConfig config;
    private final VariantResolver resolver;
    private final LevelReader reader;

    /**
     * Creates the steps over the publisher's own resolver and reader.
     *
     * @param config the configuration (locations)
     * @param resolver the resolver and its cache
     * @param reader the level reader
     */
    public BatchPreparation(ShopifyPublisherConfig config, VariantResolver resolver, LevelReader reader) {
        this.config = Objects.requireNonNull(config, "config");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * One item per state, in order; a repeated state or an unmapped facility is rejected.
     *
     * @param states the desired states
     * @return the items
     */
    public List<BatchItem> items(List<DesiredState> states) {
        List<BatchItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DesiredState state : states) {
            BatchItem item = new BatchItem(state, config.locationFor(state.facilityId()).orElse(null));
            items.add(item);
            if (!seen.add(state.key())) {
                item.reject("sku " + state.key() + " appears more than once in one publish");
            } else if (item.locationId() == null) {
                item.reject("facility " + state.facilityId() + " of sku " + state.sku()
                        + " is not mapped to a Shopify location");
            }
        }
        return items;
    }

    /**
     * Gives each open item its variant; a SKU no variant or several variants have is rejected. While a bulk export
     * is on its way, not-yet-known SKUs beyond {@link #READ_BUDGET_WHILE_EXPORTING} are answered RETRY instead, to
     * be sent again when the export is next polled.
     *
     * @param items the items
     * @throws CallFailedException when a search fails after retries
     * @throws InterruptedException when interrupted
     */
    public void resolve(List<BatchItem> items) throws InterruptedException {
        List<String> skus = items.stream().filter(BatchItem::open).map(i -> i.state().sku()).distinct().toList();
        Set<String> deferred = new HashSet<>(resolver.beyondReadBudget(skus, READ_BUDGET_WHILE_EXPORTING));
        if (!deferred.isEmpty()) {
            Duration untilCheck = resolver.untilExportCheck();
            for (BatchItem item : items) {
                if (item.open() && deferred.contains(item.state().sku())) {
                    item.retry(WAITING_FOR_EXPORT, untilCheck);
                }
            }
            skus = skus.stream().filter(sku -> !deferred.contains(sku)).toList();
        }
        Map<String, VariantResolver.Resolution> resolved = resolver.resolve(skus);
        for (BatchItem item : items) {
            if (!item.open()) {
                continue;
            }
            VariantResolver.Resolution r = resolved.get(item.state().sku());
            if (r instanceof VariantResolver.Found found) {
                item.variant(found.variant());
            } else if (r instanceof VariantResolver.Ambiguous ambiguous) {
                item.reject("sku " + item.state().sku() + " matches " + ambiguous.variantIds().size() + " variants "
                        + ambiguous.variantIds() + "; SKUs must be unique");
            } else {
                item.reject("no variant has sku " + item.state().sku());
            }
        }
    }

    /**
     * The open items grouped by location, in first-seen order.
     *
     * @param items the items
     * @return location gid to its open items
     */
    public static Map<String, List<BatchItem>> openByLocation(List<BatchItem> items) {
        Map<String, List<BatchItem>> byLocation = new LinkedHashMap<>();
        for (BatchItem item : items) {
            if (item.open()) {
                byLocation.computeIfAbsent(item.locationId(), k -> new ArrayList<>()).add(item);
            }
        }
        return byLocation;
    }

    /**
     * Gives each item of one location its level (from a current bulk export where it has one: see
     * {@link LevelReader#readOnce}); an inventory item Shopify no longer knows is rejected.
     *
     * @param locationId the location
     * @param items open, resolved items of that location
     * @throws CallFailedException when a read fails after retries
     * @throws InterruptedException when interrupted
     */
    public void readLevels(String locationId, List<BatchItem> items) throws InterruptedException {
        Map<String, LevelQuantities> levels = new HashMap<>(reader.readOnce(
                items.stream().map(i -> i.variant().inventoryItemId()).distinct().toList(), locationId));
        // An export's committed count misses orders placed after it. Where it is below the open orders the OMS
        // reports, the target's min(openOrders, committed) guard cannot tell an order Shopify fulfilled before the
        // export from one placed after it and already imported: the first must stay out, the second must not be
        // clipped (the store would sell one unit less for as long as it has nothing else to write). Only a read now
        // tells them apart; where committed covers the open orders the guard does not bind and the export serves.
        List<String> reread = items.stream()
                .filter(i -> {
                    LevelQuantities level = levels.get(i.variant().inventoryItemId());
                    return level != null && level.exported() && level.committed() < i.state().openOrders();
                })
                .map(i -> i.variant().inventoryItemId()).distinct().toList();
        if (!reread.isEmpty()) {
            levels.putAll(reader.read(reread, locationId));
        }
        for (BatchItem item : items) {
            LevelQuantities level = levels.get(item.variant().inventoryItemId());
            if (level == null) {
                item.reject("inventory item " + item.variant().inventoryItemId() + " of sku " + item.state().sku()
                        + " not found");
            } else {
                item.level(level);
            }
        }
    }
}
