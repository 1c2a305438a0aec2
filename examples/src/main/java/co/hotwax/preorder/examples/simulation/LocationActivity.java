package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.examples.simulation.ScenarioEvent.ScopeChange;
import co.hotwax.preorder.testkit.CheckoutResult;
import co.hotwax.preorder.testkit.SimulatedOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Counts what a run's locations saw (mixed carts and where Shopify routed them, POS sales, setting changes, scopes
 * revoked and granted) for {@link RunResult.Locations}. Single-threaded: the simulation driver owns it.
 */
final class LocationActivity {
    /** Lines of unexpected routing kept word for word. */
    private static final int KEPT = 20;

    private long mixedCarts;
    private long mixedAccepted;
    private long splitCarts;
    private long posSales;
    private long posAccepted;
    private long posPreorderTried;
    private long posPreorderAccepted;
    private long locationChanges;
    private long movesHeld;
    private final List<String> preorderLinesElsewhere = new ArrayList<>();
    private final Map<String, Instant> revokedSince = new HashMap<>();
    private final List<RunResult.ScopeWindow> scopeWindows = new ArrayList<>();

    /** An online cart Shopify accepted or refused. */
    void cart(boolean mixed, CheckoutResult checkout) {
        if (mixed) {
            mixedCarts++;
            if (checkout.accepted()) {
                mixedAccepted++;
                if (new HashSet<>(checkout.locations()).size() > 1) {
                    splitCarts++;
                }
            }
        }
    }

    /** A POS sale of {@code cart} Shopify accepted or refused; {@code preorderSkus} are the run's pre-order SKUs. */
    void posSale(List<String> cart, CheckoutResult sale, List<String> preorderSkus) {
        posSales++;
        if (cart.stream().anyMatch(preorderSkus::contains)) {
            posPreorderTried++;
        }
        if (sale.accepted()) {
            posAccepted++;
            for (SimulatedOrder line : sale.lines()) {
                if (preorderSkus.contains(line.sku())) {
                    posPreorderAccepted++;
                }
            }
        }
    }

    /** A pre-order line Shopify committed somewhere other than the pre-order location. */
    void preorderLineElsewhere(String line) {
        if (preorderLinesElsewhere.size() < KEPT) {
            preorderLinesElsewhere.add(line);
        }
    }

    /** A released order's fulfilment move waited for the store to show the SKU again. */
    void moveHeld() {
        movesHeld++;
    }

    /** A location's online flag or the priority list changed. */
    void locationChanged() {
        locationChanges++;
    }

    /** A scope was revoked or granted again in a store. */
    void scope(SimulatedStore store, ScopeChange change, Instant now) {
        String key = store.shopDomain() + " " + change.scope();
        if (!change.granted()) {
            revokedSince.putIfAbsent(key, now);
            return;
        }
        Instant since = revokedSince.remove(key);
        if (since != null) {
            scopeWindows.add(new RunResult.ScopeWindow(store.shopDomain(), change.scope(), since, now,
                    store.errorAnswers(since, now)));
        }
    }

    /**
     * The counts so far.
     *
     * @param physicalLocations the stores' physical locations, summed
     * @param refusalBreaches checks that found the stores offering more than remains while a store refused writes
     * @param oversoldWhileRefused units oversold in those windows
     * @param movesNeverMade held fulfilment moves still waiting
     */
    RunResult.Locations result(long physicalLocations, long refusalBreaches, long oversoldWhileRefused,
                               long movesNeverMade) {
        return new RunResult.Locations(mixedCarts, mixedAccepted, splitCarts, posSales, posAccepted, posPreorderTried,
                posPreorderAccepted, locationChanges, preorderLinesElsewhere, scopeWindows,
                physicalLocations, refusalBreaches, oversoldWhileRefused, movesHeld, movesNeverMade);
    }
}
