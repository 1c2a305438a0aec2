package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.spi.SupplyLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a simulated run replays: the SKUs, the purchase-order lines that exist at the start, and the events in
 * time order (events at the same instant keep the order they were given in).
 *
 * @param name a label for reports, e.g. {@code "seed 42"}
 * @param start the first instant of the virtual timeline
 * @param end when the event stream stops (the run then lets the sync settle)
 * @param skus the SKUs, each created in the store before the run
 * @param initialSupply PO lines the OMS holds at the start
 * @param events what happens, sorted by time (a stable sort of the given list)
 * @param stores the Shopify stores, in the order the engine is given them; several stores share every pool
 */
public record Scenario(String name, Instant start, Instant end, List<String> skus, List<SupplyLine> initialSupply,
                       List<ScenarioEvent> events, List<StoreSpec> stores) {

    /** Validates the scenario, copies the lists and sorts the events by time. */
    public Scenario {
        if (name == null || start == null || end == null || end.isBefore(start) || stores == null
                || stores.isEmpty()) {
            throw new IllegalArgumentException("scenario needs a name, start <= end and a store, got " + name + " "
                    + start + ".." + end + ", stores " + stores);
        }
        stores = List.copyOf(stores);
        skus = List.copyOf(skus);
        initialSupply = List.copyOf(initialSupply);
        List<ScenarioEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(ScenarioEvent::at));
        for (ScenarioEvent e : sorted) {
            if (e.at().isBefore(start) || e.at().isAfter(end)) {
                throw new IllegalArgumentException("scenario " + name + ": event " + e + " is outside "
                        + start + ".." + end);
            }
            int store = storeOf(e);
            if (store >= stores.size()) {
                throw new IllegalArgumentException("scenario " + name + ": " + e + " names store " + store
                        + " of " + stores.size());
            }
        }
        events = List.copyOf(sorted);
    }

    /**
     * A one-store scenario.
     *
     * @param name a label for reports
     * @param start the first instant
     * @param end when the events stop
     * @param skus the SKUs
     * @param initialSupply PO lines at the start
     * @param events what happens
     */
    public Scenario(String name, Instant start, Instant end, List<String> skus, List<SupplyLine> initialSupply,
                    List<ScenarioEvent> events) {
        this(name, start, end, skus, initialSupply, events, List.of(StoreSpec.single()));
    }

    /** The index of the store an event happens in, or -1 for an event of the OMS or the engine. */
    private static int storeOf(ScenarioEvent e) {
        if (e instanceof ScenarioEvent.ShopperAttempt a) {
            return a.store();
        } else if (e instanceof ScenarioEvent.PosSale p) {
            return p.store();
        } else if (e instanceof ScenarioEvent.LocationChange l) {
            return l.store();
        } else if (e instanceof ScenarioEvent.ScopeChange c) {
            return c.store();
        }
        return -1;
    }

    /**
     * Counts the events of one kind.
     *
     * @param type the event record type
     * @return how many events of that type the scenario holds
     */
    public long count(Class<? extends ScenarioEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
