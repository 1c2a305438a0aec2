package co.hotwax.preorder.shopify.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the last bulk export read of each variant, kept for the reads a restart resync, a reconciliation and the
 * store preflight would otherwise make per request: the level read before each compare-and-set write (at the
 * pre-order location and, for units committed elsewhere, at the other locations) and the preflight's per-SKU
 * check (levels at every location, selling-plan groups, {@code requiresSellingPlan}).
 *
 * <p>A level is handed out once per item and location, and only while the export is younger than
 * {@link #MAX_AGE}: it is a real read, taken before the write like any other, only older, so the compare-and-set
 * rules stay as they are for every write (a level that moved since the export makes the write stale, and the
 * writer re-reads per request). Handing it out once means the next publish of the SKU reads again (or writes
 * from the on_hand it just vouched for), as it would without an export.
 *
 * <p>An export is started when more reads are wanted than the threshold, or the shop's catalog is larger than it
 * ({@link #catalogSize}), and none is younger than {@link #REFRESH_AFTER} ({@link #ensure}); it is never waited for:
 * it runs in Shopify while publishing goes on, reading per request, and each later call polls it when its back-off
 * says so (1 s doubling to 5 s; one point a poll) until it lands. So a publish never blocks for an export's
 * minutes, and the changes that arrive during a restart resync are not held behind it. An export that fails, is
 * canceled, runs longer than {@link #MAX_WAIT} (it is canceled then) or cannot start because the shop's limit of bulk
 * queries is reached (this app's run from before a crash, or another instance) is not tried again for
 * {@link #RETRY_AFTER}; meanwhile everything reads per request as without an export. Before starting one, an
 * export of the same query this app started less than {@link #REFRESH_AFTER} ago and left running or completed (a
 * crash, a restart, another instance) is adopted instead ({@link BulkVariantExport#adopt}): no second operation, no
 * second wait.
 *
 * <p>Not thread-safe: the publisher runs one publish at a time.
 */
public final class ExportedCatalog {
    /** Longest an export answers reads for: a restart resync of 100,000 SKUs ends well within it. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    /**
     * Age at which a new export is started while the last still answers (until {@link #MAX_AGE}), so an hourly
     * reconciliation or re-check finds a current one instead of reading per request while a new one runs.
     */
    public static final Duration REFRESH_AFTER = Duration.ofMinutes(45);
    /** First wait before a poll; doubles up to {@link #MAX_POLL_INTERVAL}. */
    static final Duration FIRST_POLL_INTERVAL = Duration.ofSeconds(1);
    /**
     * Longest wait between polls: SKUs deferred while an export runs wait for it to be seen as landed, so it is
     * polled every 5 s at most (one point a poll: about 0.2 points a second).
     */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);
    /** Shortest wait {@link #untilNextPoll} gives, so a poll that is due now never makes a caller spin. */
    static final Duration SOONEST_CHECK = Duration.ofMillis(100);
    /** Longest an export may run before it is canceled. */
    static final Duration MAX_WAIT = Duration.ofMinutes(30);
    /** Wait after an export could not be used before another is started. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ExportedCatalog.class);

    private final Clock clock;
    private final BulkVariantExport bulk;
    private final int threshold;
    private final String shop;
    private Map<String, Entry> bySku = Map.of();
    private Map<String, Entry> byItem = Map.of();
    private final Set<String> taken = new HashSet<>();
    private Instant exportedAt;
    private BulkOperationPoller running;
    private Instant retryAfter;
    private String lastProblem;
    private int exports;
    private long catalogSize;

    /**
     * Creates an empty catalog.
     *
     * @param clock when an export is too old, and when to poll
     * @param bulk the export, or null for none (every read per request)
     * @param threshold reads wanted above which an export is started
     * @param shop the shop domain, for log lines
     */
    public ExportedCatalog(Clock clock, BulkVariantExport bulk, int threshold, String shop) {
        this.clock = clock;
        this.bulk = bulk;
        this.threshold = threshold;
        this.shop = shop;
    }

    /**
     * Makes sure an export answers reads, or is on its way, when more than the threshold are wanted; never waits
     * for one. With an export running, polls it if its back-off says so (and reads its file when it completed).
     *
     * @param wanted how many SKUs the caller is about to read (resolve, level-read or check)
     * @return whether a current export answers reads now
     * @throws InterruptedException when interrupted
     */
    public boolean ensure(long wanted) throws InterruptedException {
        Instant now = clock.instant();
        if (running != null) {
            progress();
        } else if (bulk != null && Math.max(wanted, catalogSize) > threshold
                && (exportedAt == null || !now.isBefore(exportedAt.plus(REFRESH_AFTER)))
                && (retryAfter == null || !now.isBefore(retryAfter))) {
            start();
        }
        return current();
    }

    /**
     * Whether an export was started and has not landed yet.
     *
     * @return true while one runs
     */
    public boolean running() {
        return running != null;
    }

    /**
     * How long until the running export is next polled, when the first publish call from then on learns whether
     * it landed: what a SKU deferred until it lands should wait (at most {@link #MAX_POLL_INTERVAL}).
     *
     * @return the wait, at least {@link #SOONEST_CHECK}; {@link #MAX_POLL_INTERVAL} when none runs
     */
    public Duration untilNextPoll() {
        if (running == null) {
            return MAX_POLL_INTERVAL;
        }
        Duration left = Duration.between(clock.instant(), running.nextPoll());
        return left.compareTo(SOONEST_CHECK) < 0 ? SOONEST_CHECK : left;
    }

    /**
     * Why the last export was not used, if it was not.
     *
     * @return the reason, or null
     */
    public String lastProblem() {
        return lastProblem;
    }

    /**
     * Records the shop's catalog size as counted up front: above the threshold, every {@link #ensure} keeps an
     * export current (a new one is started when the last is older than {@link #MAX_AGE}), so a reconciliation and
     * the preflight's re-check find one, whatever the size of the batch asking.
     *
     * @param variants the shop's variant count
     */
    public void catalogSize(long variants) {
        this.catalogSize = variants;
    }

    /** @return the clock exports are aged by */
    public Clock clock() {
        return clock;
    }

    /** @return reads wanted above which an export is started */
    public int threshold() {
        return threshold;
    }

    /** @return exports that landed so far */
    public int exports() {
        return exports;
    }

    private void start() throws InterruptedException {
        Instant now = clock.instant();
        Optional<BulkVariantExport.Found> found = bulk.adopt(now.minus(REFRESH_AFTER));
        if (found.isPresent()) {
            // An export of this app's left by an earlier run (a crash, a restart): its reads are no older than its
            // creation, so it is polled (and its file read) as if this run had started it.
            running = bulk.watch(clock, found.get().operationId(), found.get().createdAt(), FIRST_POLL_INTERVAL,
                    MAX_POLL_INTERVAL, MAX_WAIT, true);
            LOG.info("shop {}: adopting catalog export {} ({}, created {})", shop, running.id(), found.get().status(),
                    running.since());
            progress();
            return;
        }
        BulkVariantExport.Export started = bulk.start();
        if (started instanceof BulkVariantExport.Running r) {
            running = bulk.watch(clock, r.operationId(), now, FIRST_POLL_INTERVAL, MAX_POLL_INTERVAL, MAX_WAIT, false);
            LOG.info("shop {}: catalog export {} started; reading per request until it lands", shop, running.id());
        } else {
            failed(((BulkVariantExport.Unavailable) started).reason());
        }
    }

    private void progress() throws InterruptedException {
        if (!running.due()) {
            return;
        }
        BulkOperationPoller.State state;
        try {
            state = running.poll();
        } catch (CallFailedException e) {
            failed("polling bulk query " + running.id() + " failed (" + e.kind() + "): " + e.getMessage());
            return;
        }
        if (state instanceof BulkOperationPoller.TimedOut t) {
            failed(t.reason());
        } else if (state instanceof BulkOperationPoller.Ended ended) {
            BulkVariantExport.Export export = bulk.ended(ended);
            if (export instanceof BulkVariantExport.Exported exported) {
                // Its reads are no older than its start.
                replace(exported.entries(), running.since());
                running = null;
                lastProblem = null;
                exports++;
                LOG.info("shop {}: catalog export {} landed: {} unique SKUs, {} duplicated", shop,
                        exported.operationId(), exported.entries().size(), exported.duplicated().size());
            } else {
                failed(((BulkVariantExport.Unavailable) export).reason());
            }
        }
    }

    private void failed(String reason) {
        running = null;
        lastProblem = reason;
        retryAfter = clock.instant().plus(RETRY_AFTER);
        LOG.warn("shop {}: catalog export not used, reading per request (next try after {}): {}", shop, RETRY_AFTER,
                reason);
    }

    /**
     * A level at one location, as exported.
     *
     * @param locationId the location gid
     * @param onHand {@code on_hand}
     * @param available {@code available}
     * @param committed {@code committed}
     */
    public record Level(String locationId, long onHand, long available, long committed) {
    }

    /**
     * A selling plan the variant is in, with its group.
     *
     * @param group the group's name
     * @param name the plan's name
     * @param category the plan's category, or empty
     * @param reserve when the plan reserves inventory ({@code ON_FULFILLMENT}, {@code ON_SALE}), or empty
     */
    public record Plan(String group, String name, String category, String reserve) {
    }

    /**
     * One variant with a SKU no other variant has.
     *
     * @param variant the variant, its product and inventory item, and its marks
     * @param requiresSellingPlan whether its product can only be bought through a selling plan
     * @param productTags its product's tags (one list shared by the product's variants)
     * @param levels its inventory item's levels at every location it is stocked at
     * @param plans the selling plans of the variant's selling-plan groups
     */
    public record Entry(VariantRecord variant, boolean requiresSellingPlan, List<String> productTags, List<Level> levels,
                        List<Plan> plans) {
        /**
         * Copies the lists.
         *
         * @param variant the variant
         * @param requiresSellingPlan whether its product requires a selling plan
         * @param productTags its product's tags
         * @param levels its levels
         * @param plans its selling plans
         */
        public Entry {
            productTags = List.copyOf(productTags);
            levels = List.copyOf(levels);
            plans = List.copyOf(plans);
        }

        /**
         * The level at a location, as the per-request read would give it.
         *
         * @param locationId the location
         * @return the exported level, NOT_STOCKED (exported) when the item is not stocked there
         */
        public LevelQuantities levelAt(String locationId) {
            for (Level level : levels) {
                if (level.locationId().equals(locationId)) {
                    return LevelQuantities.exported(true, level.onHand(), level.available(), level.committed());
                }
            }
            return LevelQuantities.exported(false, 0, 0, 0);
        }
    }

    /**
     * Replaces what is known with a new export.
     *
     * @param entries SKU to its only variant
     * @param at when the export was started (its reads are no older)
     */
    public void replace(Map<String, Entry> entries, Instant at) {
        Map<String, Entry> items = new HashMap<>();
        entries.values().forEach(e -> items.put(e.variant().inventoryItemId(), e));
        this.bySku = entries;
        this.byItem = items;
        this.exportedAt = at;
        taken.clear();
    }

    /** Forgets the export: nothing more is answered from it. */
    public void clear() {
        replace(Map.of(), null);
    }

    /**
     * Whether an export younger than {@link #MAX_AGE} is held.
     *
     * @return true when reads may be answered
     */
    public boolean current() {
        return exportedAt != null && clock.instant().isBefore(exportedAt.plus(MAX_AGE));
    }

    /**
     * When the export held was started.
     *
     * @return the instant, or empty without one
     */
    public Optional<Instant> exportedAt() {
        return Optional.ofNullable(exportedAt);
    }

    /**
     * The exported variant of a SKU, while the export is current.
     *
     * @param sku the SKU
     * @return the entry, or empty when the SKU is not unique in the export or the export is not current
     */
    public Optional<Entry> entry(String sku) {
        return current() ? Optional.ofNullable(bySku.get(sku)) : Optional.empty();
    }

    /**
     * Takes the exported level of an item at a location, once: a second call for the same pair answers empty, so
     * the caller reads per request.
     *
     * @param inventoryItemId the item
     * @param locationId the location
     * @return the level, or empty when there is none to use
     */
    public Optional<LevelQuantities> takeLevel(String inventoryItemId, String locationId) {
        Entry entry = current() ? byItem.get(inventoryItemId) : null;
        if (entry == null || !taken.add(inventoryItemId + '@' + locationId)) {
            return Optional.empty();
        }
        return Optional.of(entry.levelAt(locationId));
    }

    /** @return how many SKUs the export holds */
    public int size() {
        return bySku.size();
    }
}
