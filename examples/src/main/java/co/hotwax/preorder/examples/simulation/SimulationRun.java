package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.EngineCrash;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.LocationChange;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.OtherChannelOrder;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.PosSale;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.Release;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.ScopeChange;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.ShopperAttempt;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.SupplyChange;
import co.hotwax.preorder.testkit.CheckoutResult;
import co.hotwax.preorder.testkit.SimulatedOrder;
import co.hotwax.preorder.testkit.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The single-threaded driver of one simulated run: replays a scenario's events in time order against one approach,
 * with the OMS importing Shopify orders after their lag, and measures what Shopify oversold.
 *
 * <p>A scenario with several stores runs one simulator per store, all sharing every pool. An observer checks the
 * invariant of stores sharing a pool (README, "Several stores") after every call the engine's adapter makes to any
 * store and after every event: for each SKU, {@code sum over stores of max(0, available)} never exceeds
 * {@code max(0, capacity - units Shopify sold)}, that is {@code P - orders in flight in every store}, except while a
 * propagation window is open for the SKU (a drop Shopify cannot see, {@link PropagationWindows}). A one-store run is
 * checked the same way.
 *
 * <p>Stores are multi-location stores ({@link StoreLayout}): a shopper's cart goes through Shopify's online checkout
 * and routing, POS sales through a physical location, and the driver applies the merchant's setting changes and the
 * scope revocations of the scenario. Only pre-order lines count as sales of the run; each must be committed at the
 * pre-order location ({@link RunResult.Locations}).
 *
 * <p>Between two events the driver wakes the approach whenever it has work due ({@link SyncApproach#nextDue()}) or
 * an import comes in; every wake-up advances the one virtual clock. The simulator still serves real HTTP on
 * loopback, but only one request is ever in flight (the driver waits for it), so a seed replays exactly.
 */
public final class SimulationRun {
    /** How often the driver may wake at the same instant before it nudges the clock forward. */
    private static final int SAME_INSTANT_LIMIT = 3;
    private static final Duration NUDGE = Duration.ofMillis(100);
    /** How long a multi-store run goes on after settling: one engine reconciliation and a poll. */
    private static final Duration CONVERGE = EngineApproach.RECONCILE_INTERVAL.plusMinutes(1);
    /** Breaches kept word for word; the rest are only counted. */
    private static final int BREACHES_KEPT = 20;
    /** The scope without which no quantity can be written, so nothing can be lowered. */
    private static final String UNWRITABLE_SCOPE = "write_inventory";

    private final long seed;
    private final Scenario scenario;
    private final RunOptions options;
    private final VirtualClock clock;
    private final PropagationWindows windows = new PropagationWindows();
    private final List<RunResult.Sample> samples = new ArrayList<>();
    private final List<SimulatedStore> stores = new ArrayList<>();
    private final List<String> breaches = new ArrayList<>();
    private final LocationActivity activity = new LocationActivity();
    private final List<HeldMove> heldMoves = new ArrayList<>();
    /**
     * Stores whose {@code write_inventory} was revoked in this run: while one has not shown a SKU's state again, a
     * drop of it could not be written by any client (the only refusal the proof excuses).
     */
    private final Set<SimulatedStore> inventoryUnwritable = new HashSet<>();
    private long refusalBreaches;
    private long breachCount;
    private long checks;
    private SimulatedOms oms;
    private SyncApproach approach;
    private long attempts;
    private long accepted;

    private SimulationRun(long seed, Scenario scenario, RunOptions options) {
        this.seed = seed;
        this.scenario = scenario;
        this.options = options;
        this.clock = new VirtualClock(scenario.start());
    }

    /**
     * Runs one approach on one scenario, in fresh simulated stores.
     *
     * @param seed the seed (faults and the approach's randomness derive from it)
     * @param scenario the events
     * @param factory builds the approach
     * @param options how the store behaves
     * @return what happened
     */
    public static RunResult run(long seed, Scenario scenario, SyncApproach.Factory factory, RunOptions options) {
        return new SimulationRun(seed, scenario, options).execute(factory);
    }

    private RunResult execute(SyncApproach.Factory factory) {
        try {
            List<String> channels = new ArrayList<>();
            for (StoreSpec spec : scenario.stores()) {
                SimulatedStore store = new SimulatedStore(clock, scenario.skus(), seed, options, spec, stores.size());
                stores.add(store);
                store.afterEveryCall(() -> checkInvariant("after a call to " + spec.shopDomain()));
                channels.add(store.shopDomain());
            }
            oms = new SimulatedOms(clock, channels, scenario.initialSupply());
            for (String sku : scenario.skus()) {
                declareCapacity(sku);
            }
            try (SyncApproach a = factory.create(new RunContext(seed, clock, stores, oms))) {
                approach = a;
                oms.listener(approach);
                approach.start();
                afterWork();
                for (ScenarioEvent event : scenario.events()) {
                    runUntil(event.at());
                    clock.advanceTo(event.at());
                    handle(event);
                    approach.tick();
                    afterWork();
                }
                settle();
                List<String> shortfalls = List.of();
                if (stores.size() > 1) {
                    // A store may stay below its share until the engine next reads it afresh (README, "Several
                    // stores"): note where it is, then give the sync one reconciliation to converge.
                    shortfalls = shareDifferences().stream().filter(d -> d.available() < d.expected())
                            .map(ShareDifference::toString).toList();
                    if (!shortfalls.isEmpty()) {
                        runFor(CONVERGE);
                    }
                }
                return result(shortfalls);
            }
        } finally {
            stores.forEach(SimulatedStore::close);
        }
    }

    private void handle(ScenarioEvent event) {
        Instant now = clock.instant();
        if (event instanceof ShopperAttempt a) {
            attempts++;
            SimulatedStore store = stores.get(a.store());
            CheckoutResult checkout = store.checkout(a.sku(), a.quantity(), a.inStock());
            activity.cart(!a.inStock().isEmpty(), checkout);
            if (checkout.accepted()) {
                accepted++;
                sold(store, checkout, a.importLag());
            }
        } else if (event instanceof PosSale p) {
            SimulatedStore store = stores.get(p.store());
            CheckoutResult sale = store.posSale(p.location(), p.skus());
            activity.posSale(p.skus(), sale, scenario.skus());
            if (sale.accepted()) {
                // A pre-order SKU is stocked at no physical location, so Shopify must refuse it; counted if not.
                sold(store, sale, Duration.ZERO);
            }
        } else if (event instanceof LocationChange c) {
            SimulatedStore store = stores.get(c.store());
            if (c.location() != null) {
                store.fulfilsOnlineOrders(c.location(), c.fulfilsOnlineOrders());
            }
            if (!c.priority().isEmpty()) {
                store.routingPriority(c.priority());
            }
            activity.locationChanged();
        } else if (event instanceof ScopeChange c) {
            SimulatedStore store = stores.get(c.store());
            store.scope(c.scope(), c.granted());
            if (UNWRITABLE_SCOPE.equals(c.scope())) {
                inventoryUnwritable.add(store);
            }
            activity.scope(store, c, now);
        } else if (event instanceof OtherChannelOrder o) {
            oms.takeOtherChannel(o.orderId(), o.sku(), o.quantity(), o.channel());
            declareCapacity(o.sku());
        } else if (event instanceof SupplyChange c) {
            oms.upsertSupply(c.line());
            declareCapacity(c.line().sku());
        } else if (event instanceof Release r) {
            // The OMS tells the approach first (the engine lowers on_hand), then moves the fulfilment: at once, or
            // once the store shows the SKU again after refusing the engine's writes (moved earlier, the released
            // units would go back to available at the pre-order location while on_hand is still high).
            for (SimulatedOms.Released released : oms.release(r.sku())) {
                SimulatedStore store = released.storeOrderId() == null ? null
                        : storeOf(released.preOrder().channel());
                if (store != null && approach.confirmed(store.shopDomain(), r.sku())) {
                    store.moveFulfilment(released.storeOrderId());
                } else if (store != null) {
                    heldMoves.add(new HeldMove(store, released.storeOrderId(), r.sku()));
                    activity.moveHeld();
                }
            }
        } else if (event instanceof EngineCrash) {
            approach.crash();
        }
    }

    /** A released order's fulfilment the OMS moves to the warehouse once the store shows the SKU's new state. */
    private record HeldMove(SimulatedStore store, String orderId, String sku) {
    }

    /** Moves the held fulfilments whose store now shows their SKU. */
    private void moveConfirmed() {
        for (Iterator<HeldMove> it = heldMoves.iterator(); it.hasNext(); ) {
            HeldMove move = it.next();
            if (approach.confirmed(move.store().shopDomain(), move.sku())) {
                move.store().moveFulfilment(move.orderId());
                it.remove();
            }
        }
    }

    /** Counts and schedules the import of the pre-order lines of an order Shopify accepted. */
    private void sold(SimulatedStore store, CheckoutResult order, Duration importLag) {
        Instant now = clock.instant();
        for (SimulatedOrder line : order.lines()) {
            if (!scenario.skus().contains(line.sku())) {
                continue;
            }
            if (!line.locationId().equals(store.preorderLocationId())) {
                activity.preorderLineElsewhere(store.shopDomain() + " " + line);
            }
            windows.accepted(line.sku(), store.shopDomain() + " " + line.id(), now, line.quantity());
            oms.scheduleImport(store.shopDomain(), line.id(), line.sku(), line.quantity(), now, now.plus(importLag));
        }
    }

    /** Wakes the approach and the OMS's import job whenever either has work before {@code until}. */
    private void runUntil(Instant until) {
        Instant last = null;
        int sameInstant = 0;
        while (true) {
            Instant due = earliest(approach.nextDue(), oms.nextImportAt());
            if (due.isAfter(until)) {
                return;
            }
            Instant now = clock.instant();
            if (!due.isAfter(now)) {
                sameInstant = now.equals(last) ? sameInstant + 1 : 0;
                if (sameInstant >= SAME_INSTANT_LIMIT) {
                    // The approach says it has work now but makes no progress: let virtual time pass.
                    due = now.plus(NUDGE);
                    if (due.isAfter(until)) {
                        return;
                    }
                    sameInstant = 0;
                }
            }
            clock.advanceTo(due);
            last = clock.instant();
            oms.importDue(last);
            approach.tick();
            afterWork();
        }
    }

    /** After the last event: let every import land and the approach catch up, within a bounded virtual time. */
    private void settle() {
        Instant deadline = clock.instant().plus(options.settle());
        while (oms.importsPending() && clock.instant().isBefore(deadline)) {
            runUntil(earliest(oms.nextImportAt(), deadline));
            clock.advanceTo(earliest(oms.nextImportAt(), deadline));
            oms.importDue(clock.instant());
            approach.tick();
            afterWork();
        }
        Instant end = clock.instant().plus(options.settle());
        while (!approach.caughtUp() && clock.instant().isBefore(end)) {
            Instant due = approach.nextDue();
            clock.advanceTo(due.isAfter(clock.instant()) ? earliest(due, end) : clock.instant().plus(NUDGE));
            approach.tick();
            afterWork();
        }
    }

    /** Lets the approach work for a while with no new input. */
    private void runFor(Duration span) {
        Instant end = clock.instant().plus(span);
        while (clock.instant().isBefore(end)) {
            Instant due = approach.nextDue();
            clock.advanceTo(due.isAfter(clock.instant()) ? earliest(due, end) : clock.instant().plus(NUDGE));
            approach.tick();
            afterWork();
        }
    }

    /**
     * A store whose final quantity of a SKU differs from what it should show.
     *
     * @param sku the SKU
     * @param store the store's domain
     * @param available what it shows
     * @param expected its weighted share of P (P itself with one store)
     */
    private record ShareDifference(String sku, String store, long available, long expected) {
        @Override
        public String toString() {
            return sku + ": " + store + " available " + available + ", expected " + expected;
        }
    }

    private List<ShareDifference> shareDifferences() {
        int[] weights = stores.stream().mapToInt(SimulatedStore::weight).toArray();
        List<ShareDifference> differences = new ArrayList<>();
        for (String sku : scenario.skus()) {
            long[] expected = oms.expectedShares(sku, weights);
            for (int i = 0; i < stores.size(); i++) {
                long available = stores.get(i).available(sku);
                if (available != expected[i]) {
                    differences.add(new ShareDifference(sku, stores.get(i).shopDomain(), available, expected[i]));
                }
            }
        }
        return differences;
    }

    private void afterWork() {
        if (!heldMoves.isEmpty()) {
            moveConfirmed();
        }
        if (approach.caughtUp()) {
            windows.caughtUp(clock.instant());
        }
        checkInvariant("after the driver's step");
        long capacity = 0;
        long sold = 0;
        long uncovered = 0;
        for (String sku : scenario.skus()) {
            capacity += windows.capacity(sku);
            sold += windows.sold(sku);
            uncovered += Math.max(0, windows.sold(sku) - windows.capacity(sku) - windows.oversold(sku));
        }
        RunResult.Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        if (last == null || last.capacity() != capacity || last.sold() != sold || last.uncovered() != uncovered) {
            samples.add(new RunResult.Sample(clock.instant(), capacity, sold, windows.oversold(), uncovered));
        }
    }

    /**
     * For each SKU outside a propagation window: what the stores together will still sell never exceeds what
     * remains. Never throws: it runs inside the adapter's HTTP exchange, so it records what it finds.
     */
    private void checkInvariant(String when) {
        checks++;
        for (String sku : scenario.skus()) {
            if (refusing(sku)) {
                // A store without write_inventory may show a stale quantity no client could lower: like a drop
                // Shopify cannot see, a window open until the engine has published the SKU there again. Breaches
                // inside are counted.
                windows.storeRefusing(sku, clock.instant());
                if (willSell(sku) > remaining(sku)) {
                    refusalBreaches++;
                }
                continue;
            }
            if (windows.windowOpen(sku)) {
                continue;
            }
            long remaining = remaining(sku);
            long willSell = 0;
            StringBuilder each = new StringBuilder();
            for (SimulatedStore store : stores) {
                long available = store.available(sku);
                willSell += Math.max(0, available);
                each.append(each.length() == 0 ? "" : ", ").append(store.shopDomain()).append(' ').append(available);
            }
            if (willSell > remaining) {
                breachCount++;
                if (breaches.size() < BREACHES_KEPT) {
                    breaches.add(clock.instant() + " " + when + ": " + sku + " the stores will still sell "
                            + willSell + " (" + each + ") but " + remaining + " remain (capacity "
                            + windows.capacity(sku) + ", sold " + windows.sold(sku) + ")");
                }
            }
        }
    }

    /**
     * Whether a store that lost {@code write_inventory} may still show a stale quantity of the SKU: no client can
     * lower a quantity without that scope, so a drop stays unseen until the grant and the engine's next write there
     * (an unsafe setup: the app must keep the scope). A refusal for any other scope excuses nothing: a decrease
     * needs only {@code write_inventory}, and the other stores must hold what the refusing one may still sell.
     */
    private boolean refusing(String sku) {
        for (SimulatedStore store : inventoryUnwritable) {
            if (!approach.confirmed(store.shopDomain(), sku)) {
                return true;
            }
        }
        return false;
    }

    private long willSell(String sku) {
        long willSell = 0;
        for (SimulatedStore store : stores) {
            willSell += Math.max(0, store.available(sku));
        }
        return willSell;
    }

    private long remaining(String sku) {
        return Math.max(0, windows.capacity(sku) - windows.sold(sku));
    }

    private SimulatedStore storeOf(String channel) {
        for (SimulatedStore store : stores) {
            if (store.shopDomain().equals(channel)) {
                return store;
            }
        }
        throw new IllegalStateException("no store for channel " + channel);
    }

    private void declareCapacity(String sku) {
        long capacity = oms.capacity(sku);
        windows.capacity(sku, clock.instant(), capacity);
        if (stores.size() == 1) {
            // The simulator's ledger sees one store's orders: it can only check a pool that store has to itself.
            stores.get(0).declareCapacity(sku, clock.instant(), capacity);
        }
    }

    private RunResult result(List<String> shortfalls) {
        List<RunResult.SkuRow> rows = new ArrayList<>();
        List<String> mismatches = shareDifferences().stream().map(ShareDifference::toString).toList();
        SimulatedStore.Counts counts = stores.get(0).counts();
        for (SimulatedStore store : stores.subList(1, stores.size())) {
            counts = counts.plus(store.counts());
        }
        for (String sku : scenario.skus()) {
            Optional<PoolState> pool = oms.pool(sku);
            long available = 0;
            for (SimulatedStore store : stores) {
                available += store.available(sku);
            }
            rows.add(new RunResult.SkuRow(sku, oms.promisableSupply(sku), oms.preOrdersTaken(sku),
                    pool.map(PoolState::preorderable).orElse(0L), available, oms.uncoveredUnits(sku),
                    windows.oversold(sku)));
        }
        return new RunResult(scenario.name(), approach.name(), attempts, accepted, windows.oversold(),
                windows.oversoldOutsideWindow(), stores.size() == 1 ? stores.get(0).ledgerOversold() : -1,
                windows.violations(), approach.problems(), approach.writesReported(), windows.lags(), rows,
                mismatches, shortfalls, samples, counts, stores.size(), checks, breachCount, breaches,
                activity.result(scenario.stores().stream().mapToLong(s -> s.layout().locations().size()).sum(),
                        refusalBreaches, windows.oversoldWhileRefused(), heldMoves.size()),
                approach.caughtUp());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
