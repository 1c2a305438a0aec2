package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.EngineCrash;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.OtherChannelOrder;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.Release;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.ShopperAttempt;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.SupplyChange;
import co.hotwax.preorder.testkit.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single-threaded driver of one simulated run: replays a scenario's events in time order against one approach,
 * with the OMS importing Shopify orders after their lag, and measures what Shopify oversold.
 *
 * <p>Between two events the driver wakes the approach whenever it has work due ({@link SyncApproach#nextDue()}) or
 * an import comes in; every wake-up advances the one virtual clock. The simulator still serves real HTTP on
 * loopback, but only one request is ever in flight (the driver waits for it), so a seed replays exactly.
 */
public final class SimulationRun {
    /** How often the driver may wake at the same instant before it nudges the clock forward. */
    private static final int SAME_INSTANT_LIMIT = 3;
    private static final Duration NUDGE = Duration.ofMillis(100);

    private final long seed;
    private final Scenario scenario;
    private final RunOptions options;
    private final VirtualClock clock;
    private final PropagationWindows windows = new PropagationWindows();
    private final List<RunResult.Sample> samples = new ArrayList<>();
    private SimulatedStore store;
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
     * Runs one approach on one scenario, in a fresh simulated store.
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
        try (SimulatedStore s = new SimulatedStore(clock, scenario.skus(), seed, options)) {
            store = s;
            oms = new SimulatedOms(clock, store.shopDomain(), scenario.initialSupply());
            for (String sku : scenario.skus()) {
                declareCapacity(sku);
            }
            try (SyncApproach a = factory.create(new RunContext(seed, clock, store, oms))) {
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
                return result();
            }
        }
    }

    private void handle(ScenarioEvent event) {
        Instant now = clock.instant();
        if (event instanceof ShopperAttempt a) {
            attempts++;
            Optional<String> order = store.placeOrder(a.sku(), a.quantity());
            if (order.isPresent()) {
                accepted++;
                windows.accepted(a.sku(), order.get(), now, a.quantity());
                oms.scheduleImport(order.get(), a.sku(), a.quantity(), now, now.plus(a.importLag()));
            }
        } else if (event instanceof OtherChannelOrder o) {
            oms.takeOtherChannel(o.orderId(), o.sku(), o.quantity(), o.channel());
            declareCapacity(o.sku());
        } else if (event instanceof SupplyChange c) {
            oms.upsertSupply(c.line());
            declareCapacity(c.line().sku());
        } else if (event instanceof Release r) {
            // The OMS tells the approach first (the engine lowers on_hand), then moves the fulfilment.
            for (SimulatedOms.Released released : oms.release(r.sku())) {
                if (released.storeOrderId() != null) {
                    store.moveFulfilment(released.storeOrderId());
                }
            }
        } else if (event instanceof EngineCrash) {
            approach.crash();
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

    private void afterWork() {
        if (approach.caughtUp()) {
            windows.caughtUp(clock.instant());
        }
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

    private void declareCapacity(String sku) {
        long capacity = oms.capacity(sku);
        windows.capacity(sku, clock.instant(), capacity);
        store.declareCapacity(sku, clock.instant(), capacity);
    }

    private RunResult result() {
        List<RunResult.SkuRow> rows = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (String sku : scenario.skus()) {
            Optional<PoolState> pool = oms.pool(sku);
            long available = store.available(sku);
            long expected = oms.expectedSellable(sku);
            if (available != expected) {
                mismatches.add(sku + ": store available " + available + ", expected " + expected);
            }
            rows.add(new RunResult.SkuRow(sku, oms.promisableSupply(sku), oms.preOrdersTaken(sku),
                    pool.map(PoolState::preorderable).orElse(0L), available, oms.uncoveredUnits(sku),
                    windows.oversold(sku)));
        }
        return new RunResult(scenario.name(), approach.name(), attempts, accepted, windows.oversold(),
                windows.oversoldOutsideWindow(), store.ledgerOversold(), windows.violations(),
                approach.problems(), approach.writesReported(), windows.lags(), rows, mismatches, samples, store.counts());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
