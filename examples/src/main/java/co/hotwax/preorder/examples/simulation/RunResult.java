package co.hotwax.preorder.examples.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one approach did on one scenario.
 *
 * @param scenario the scenario's name
 * @param approach the approach's name
 * @param attempts shopper checkout attempts
 * @param accepted attempts Shopify accepted
 * @param oversold units Shopify accepted beyond the capacity declared at the time, excused or not
 * @param oversoldOutsideWindow oversold units no propagation window excuses
 * @param ledgerOversold the simulator's own oversell ledger total (a cross-check of {@code oversold}); -1 with
 *     several stores, whose simulators each see only their own orders
 * @param violations one line per order that oversold outside a window
 * @param problems what the approach or the store refused during the run
 * @param writesReported SKU states the approach says it wrote, or -1 when it does not report them
 * @param lags the measured propagation lags (capacity drop to sync caught up)
 * @param skus the final per-SKU figures
 * @param mismatches SKUs whose final store quantity differs from the OMS's computed state (with several stores,
 *     each store's weighted share of P, after one more reconciliation), with both values
 * @param shortfalls with several stores, a store below its weighted share of P when the sync had first caught up
 *     after the last event: safe (nothing oversold), converged only by the next reconciliation
 * @param samples total capacity and total units sold over time, for the chart
 * @param store the stores' request and write counters, summed over the stores
 * @param stores how many stores shared the pools
 * @param invariantChecks how many times the observer checked every store (after every call and every step)
 * @param invariantBreaches how many checks found, for some SKU outside a propagation window, the stores together
 *     willing to sell more than remains
 * @param breaches the first of those breaches, described
 * @param locations what the stores' locations saw: mixed carts and their routing, POS sales, setting changes,
 *     scopes revoked and granted
 * @param caughtUpAtEnd whether the approach was caught up when the run ended (the engine: nothing left to publish
 *     and every store that refused a write for its setup published again since)
 */
public record RunResult(String scenario, String approach, long attempts, long accepted, long oversold,
                        long oversoldOutsideWindow, long ledgerOversold, List<String> violations,
                        List<String> problems, long writesReported, List<Duration> lags, List<SkuRow> skus,
                        List<String> mismatches, List<String> shortfalls, List<Sample> samples, SimulatedStore.Counts store, int stores,
                        long invariantChecks, long invariantBreaches, List<String> breaches, Locations locations,
                        boolean caughtUpAtEnd) {

    /** Copies the lists. */
    public RunResult {
        violations = List.copyOf(violations);
        problems = List.copyOf(problems);
        lags = List.copyOf(lags);
        skus = List.copyOf(skus);
        mismatches = List.copyOf(mismatches);
        shortfalls = List.copyOf(shortfalls);
        samples = List.copyOf(samples);
        breaches = List.copyOf(breaches);
    }

    /**
     * What the stores' locations saw in a run.
     *
     * @param mixedCarts online carts that held in-stock SKUs beside the pre-order SKU
     * @param mixedAccepted those Shopify accepted
     * @param splitCarts accepted mixed carts Shopify committed at more than one location (a split order)
     * @param posSales sales rung up at physical locations' POS
     * @param posAccepted those Shopify accepted
     * @param posPreorderTried POS carts that held a pre-order SKU
     * @param posPreorderAccepted pre-order lines a POS sale took (no physical location stocks one: 0 expected)
     * @param locationChanges online flags flipped and priority lists changed mid-run
     * @param preorderLinesElsewhere accepted pre-order lines Shopify committed somewhere other than the pre-order
     *     location (the first few; none expected where pre-order SKUs are stocked only there)
     * @param scopeWindows the scopes revoked and granted again
     * @param physicalLocations the stores' physical locations, summed
     * @param refusalBreaches invariant checks that found the stores offering more than remains for a SKU a store
     *     without {@code write_inventory} (revoked: no client can lower a quantity there) might show stale: inside a
     *     window, not failures, reported
     * @param oversoldWhileRefused units oversold inside such windows (part of the run's oversold units)
     * @param movesHeld released orders whose fulfilment move the OMS held until the store showed the SKU again
     * @param movesNeverMade held moves still waiting when the run ended
     */
    public record Locations(long mixedCarts, long mixedAccepted, long splitCarts, long posSales, long posAccepted,
                            long posPreorderTried, long posPreorderAccepted, long locationChanges,
                            List<String> preorderLinesElsewhere, List<ScopeWindow> scopeWindows,
                            long physicalLocations, long refusalBreaches, long oversoldWhileRefused, long movesHeld,
                            long movesNeverMade) {
        /** Copies the lists. */
        public Locations {
            preorderLinesElsewhere = List.copyOf(preorderLinesElsewhere);
            scopeWindows = List.copyOf(scopeWindows);
        }
    }

    /**
     * A scope revoked in a store and granted again.
     *
     * @param store the store's domain
     * @param scope the scope
     * @param revoked when it was revoked
     * @param granted when it was granted again
     * @param errorAnswers requests the store answered with GraphQL errors in between (ACCESS_DENIED among them)
     */
    public record ScopeWindow(String store, String scope, Instant revoked, Instant granted, long errorAnswers) {
    }

    /**
     * The final figures of one SKU.
     *
     * @param sku the SKU
     * @param supply promisable PO units (received plus on order, less buffers)
     * @param preOrdersTaken units of pre-orders holding supply, every channel, as the OMS knows them
     * @param preorderable P as the OMS computes it
     * @param storeAvailable Shopify's available at the pre-order location, summed over the stores
     * @param uncovered units of pre-orders no supply covers
     * @param oversold units Shopify accepted beyond capacity
     */
    public record SkuRow(String sku, long supply, long preOrdersTaken, long preorderable, long storeAvailable,
                         long uncovered, long oversold) {
    }

    /**
     * The totals at one instant.
     *
     * @param at when
     * @param capacity the sum over SKUs of what Shopify may have sold in total
     * @param sold the sum over SKUs of what Shopify has accepted
     * @param oversold units oversold so far, all SKUs
     * @param uncovered units Shopify accepted while supply covered them that a later supply change (a PO cut or
     *     cancellation) or another channel's sale left above the capacity, summed over SKUs as
     *     {@code max(0, sold - capacity - oversold)}: with {@code oversold} they explain every unit above capacity
     */
    public record Sample(Instant at, long capacity, long sold, long oversold, long uncovered) {
    }

    /**
     * The longest measured propagation lag.
     *
     * @return the maximum, zero when none was measured
     */
    public Duration maxLag() {
        return PropagationWindows.quantile(lags, 1.0);
    }

    /**
     * The 99th percentile of measured propagation lags (nearest rank).
     *
     * @return the lag, zero when none was measured
     */
    public Duration p99Lag() {
        return PropagationWindows.quantile(lags, 0.99);
    }
}
