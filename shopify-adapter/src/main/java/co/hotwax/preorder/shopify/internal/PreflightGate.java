package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.PreflightFinding;
import co.hotwax.preorder.shopify.PreflightReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The preflight inside publish. Store-level checks run on the first publish and again on every publish until they
 * pass; while they fail, every item is REJECTED as a channel problem naming the blocker and its fix (its decrease
 * still written, by the caller). Per-SKU checks
 * run before a SKU is first listed (its pre-order metafield not yet active): a SKU whose setup lets Shopify sell
 * beyond what is offered is REJECTED with the reason and the fix, and checked again on every later publish of it
 * (a reconciliation included), so it lists as soon as the setup is fixed. A SKU that passed is checked again after
 * the configured re-check interval. A SKU already listed is never held back by a re-check (holding back its quantity would leave a
 * stale, larger one in Shopify); its blocker is logged, and its units at other online locations are counted
 * ({@link CommittedElsewhere}).
 *
 * <p>A pass holds only while the locations it saw hold. Each publish reads the online flag of the locations where
 * its passed SKUs are stocked but that did not sell online at their check (one light query), and a location that
 * now does expires the passes of the SKUs stocked there, checked again in the same publish: checkout starts summing
 * that location's available units the moment the merchant checks "Fulfill online orders from this location".
 * Every store-level read that sees the set of active online-fulfilling locations change expires every pass (those of
 * the SKUs just checked against it excepted), so each SKU is checked again at its next publish.
 *
 * <p>Above the bulk threshold the checks are answered by the catalog's bulk export ({@link StorePreflight}); while
 * one is on its way, re-checks of SKUs that passed before wait for it (their last pass still stands, as it did for
 * the interval) instead of reading each SKU per request: an hourly re-check of 100,000 SKUs would otherwise take
 * more than Standard's whole bucket. A first check never waits: it reads per request unless an export is current.
 */
public final class PreflightGate {
    private static final Logger LOG = LoggerFactory.getLogger(PreflightGate.class);

    private final StorePreflight preflight;
    private final CommittedElsewhere elsewhere;
    private final PreorderMetafield metafield;
    private final Clock clock;
    private final boolean allowUnsafe;
    private final Duration recheck;
    private final String shop;
    private final ExportedCatalog catalog;
    private final Map<String, Instant> passed = new HashMap<>();
    private final Map<String, Set<String>> offlineElsewhere = new HashMap<>();
    private Set<String> onlineLocations;
    private boolean storePassed;

    /**
     * Creates the gate.
     *
     * @param preflight the checks
     * @param elsewhere learns from each check where the SKUs are stocked besides the pre-order location
     * @param metafield tells whether a variant is already listed
     * @param clock when a pass expires
     * @param allowUnsafe whether unsafe SKUs are listed anyway (logged)
     * @param recheck how long a passed SKU stays vouched for
     * @param shop the shop domain, for log lines
     */
    public PreflightGate(StorePreflight preflight, CommittedElsewhere elsewhere, PreorderMetafield metafield, Clock clock,
                         boolean allowUnsafe, Duration recheck, String shop) {
        this(preflight, elsewhere, metafield, clock, allowUnsafe, recheck, shop, null);
    }

    /**
     * Creates the gate whose re-checks wait for a bulk export on its way.
     *
     * @param preflight the checks
     * @param elsewhere learns from each check where the SKUs are stocked besides the pre-order location
     * @param metafield tells whether a variant is already listed
     * @param clock when a pass expires
     * @param allowUnsafe whether unsafe SKUs are listed anyway (logged)
     * @param recheck how long a passed SKU stays vouched for
     * @param shop the shop domain, for log lines
     * @param catalog the exported catalog, or null to re-check per request
     */
    public PreflightGate(StorePreflight preflight, CommittedElsewhere elsewhere, PreorderMetafield metafield, Clock clock,
                         boolean allowUnsafe, Duration recheck, String shop, ExportedCatalog catalog) {
        this.catalog = catalog;
        this.preflight = preflight;
        this.elsewhere = elsewhere;
        this.metafield = metafield;
        this.clock = clock;
        this.allowUnsafe = allowUnsafe;
        this.recheck = recheck;
        this.shop = shop;
    }

    /**
     * Decides the items whose SKU's setup is refused; the others stay open. When the store itself is refused (a
     * store-level blocker, such as {@code read_locations} revoked) or cannot be checked, no item is decided here:
     * the refusal is returned, for the caller to decide every open item with once it has written their decreases
     * (a lower quantity never sells a unit more, whatever the setup, as with marks refused).
     *
     * @param items resolved items (decided ones are skipped)
     * @return how to decide the open items when the store is refused, or null when it is not
     * @throws InterruptedException when interrupted
     */
    public Consumer<BatchItem> check(List<BatchItem> items) throws InterruptedException {
        Instant now = clock.instant();
        try {
            watchOfflineLocations(items);
        } catch (CallFailedException e) {
            return i -> i.fail(e, "store preflight failed");
        }
        // A second round only when the store read saw the online locations change: the passes of this batch's
        // other SKUs were read before the change, so they are checked again now, against the new locations.
        Set<String> checkedNow = new LinkedHashSet<>();
        for (int round = 0; round < 2; round++) {
            Set<String> due = due(items, now);
            due.removeAll(checkedNow);
            postponeRechecks(due);
            if (storePassed && due.isEmpty()) {
                return null;
            }
            PreflightReport report;
            boolean onlineChanged;
            try {
                StorePreflight.Checked checked = preflight.checkForPublish(List.copyOf(due));
                elsewhere.learn(checked);
                watch(checked);
                onlineChanged = onlineChanged(checked.onlineLocations());
                report = checked.report();
            } catch (CallFailedException e) {
                return i -> i.fail(e, "store preflight failed");
            }
            if (report.storeBlocked()) {
                String reason = "store setup: " + report.storeBlockers();
                LOG.warn("shop {}: {}", shop, reason);
                return i -> i.rejectForShop(reason);
            }
            storePassed = true;
            for (String sku : due) {
                report.skuBlocker(sku).ifPresentOrElse(blocker -> refuse(sku, blocker, items, now), () -> passed.put(sku, now));
            }
            checkedNow.addAll(due);
            if (!onlineChanged) {
                return null;
            }
            // Every pass read before the change is void: a SKU stocked at a location that now sells online is sold
            // there too. The SKUs just checked keep theirs; the others are checked at their next publish.
            passed.keySet().retainAll(checkedNow);
        }
        return null;
    }

    /** The SKUs of open, listed, resolved items whose pass is missing or expired. */
    private Set<String> due(List<BatchItem> items, Instant now) {
        Set<String> due = new LinkedHashSet<>();
        for (BatchItem item : items) {
            if (item.open() && item.state().listed() && item.variant() != null) {
                Instant at = passed.get(item.state().sku());
                if (at == null || !now.isBefore(at.plus(recheck))) {
                    due.add(item.state().sku());
                }
            }
        }
        return due;
    }

    /**
     * Whether the active online-fulfilling locations differ from those of the previous store read; remembers them.
     * Unreadable locations (null) change nothing here: the store check itself refuses then.
     */
    private boolean onlineChanged(Set<String> online) {
        if (online == null) {
            return false;
        }
        Set<String> before = onlineLocations;
        onlineLocations = online;
        if (before == null || before.equals(online)) {
            return false;
        }
        LOG.warn("shop {}: the locations that fulfil online orders changed ({} -> {}); every SKU's preflight pass "
                + "expires, so each is checked again at its next publish", shop, before, online);
        return true;
    }

    /** Remembers, per SKU just checked, the locations it is stocked at that did not sell online then. */
    private void watch(StorePreflight.Checked checked) {
        checked.otherLocations().forEach((sku, locations) -> {
            Set<String> offline = new LinkedHashSet<>(locations);
            offline.removeAll(checked.otherOnlineLocations().getOrDefault(sku, Set.of()));
            if (offline.isEmpty()) {
                offlineElsewhere.remove(sku);
            } else {
                offlineElsewhere.put(sku, Set.copyOf(offline));
            }
        });
    }

    /**
     * Reads the online flags of the locations where this batch's passed SKUs are stocked but that did not sell
     * online when they were checked (typically the OMS's warehouse, where released pre-orders are fulfilled: one
     * point per location). A location that now does (the merchant turned on "Fulfill online orders", or
     * reactivated it) sums its available units into what checkout sells: the passes of the SKUs stocked there
     * expire, so this publish checks them again and {@link CommittedElsewhere} counts their units there.
     */
    private void watchOfflineLocations(List<BatchItem> items) throws InterruptedException {
        if (!storePassed) {
            return;
        }
        Set<String> locations = new TreeSet<>();
        for (BatchItem item : items) {
            if (item.open() && item.state().listed() && passed.containsKey(item.state().sku())) {
                locations.addAll(offlineElsewhere.getOrDefault(item.state().sku(), Set.of()));
            }
        }
        if (locations.isEmpty()) {
            return;
        }
        Map<String, Boolean> flags = preflight.sellsOnline(List.copyOf(locations));
        Set<String> turned = new TreeSet<>();
        for (String location : locations) {
            if (flags.getOrDefault(location, true)) {
                // Online now, or gone from the shop: either way the SKU's last check no longer describes it.
                turned.add(location);
            }
        }
        if (turned.isEmpty()) {
            return;
        }
        for (BatchItem item : items) {
            String sku = item.state().sku();
            if (offlineElsewhere.getOrDefault(sku, Set.of()).stream().anyMatch(turned::contains)) {
                passed.remove(sku);
            }
        }
        LOG.warn("shop {}: location(s) {} stock pre-order SKUs and now fulfil online orders (or are gone); those SKUs "
                + "are checked again now", shop, turned);
        preflight.expireStoreRead();
    }

    /**
     * Takes the re-checks (SKUs that passed before) out of {@code due} while a bulk export is on its way: started
     * now when more are due than the threshold, or the catalog is larger, and no export is current.
     */
    private void postponeRechecks(Set<String> due) throws InterruptedException {
        if (catalog == null || due.isEmpty()) {
            return;
        }
        long rechecks = due.stream().filter(passed::containsKey).count();
        if (rechecks > 0 && !catalog.ensure(due.size()) && catalog.running()) {
            due.removeIf(passed::containsKey);
        }
    }

    private void refuse(String sku, PreflightFinding blocker, List<BatchItem> items, Instant now) {
        if (allowUnsafe) {
            passed.put(sku, now);
        } else {
            passed.remove(sku);
        }
        for (BatchItem item : items) {
            if (!item.open() || !item.state().sku().equals(sku) || !item.state().listed()) {
                continue;
            }
            if (allowUnsafe || metafield.isActive(item.variant().metafieldValue())) {
                LOG.warn("shop {}: sku {} listed despite an unsafe setup ({}): {}; the units at other online locations "
                        + "are counted (committed ones as in flight, available ones as sold there), so the pre-order "
                        + "location offers that much less", shop, sku, allowUnsafe ? "allowUnsafeListing" : "already listed",
                        blocker.describe());
            } else {
                item.reject("unsafe store setup, not listed: " + blocker.describe());
            }
        }
    }
}
