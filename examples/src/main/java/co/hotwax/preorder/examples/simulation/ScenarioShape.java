package co.hotwax.preorder.examples.simulation;

import java.time.Duration;

/**
 * The size and mix of a generated scenario. {@link #ci()} is sized so that a few hundred seeds finish in a few
 * minutes on a 2-core machine.
 *
 * @param skuCount how many SKUs, at least 1
 * @param length how long shoppers and PO events keep coming, on the virtual timeline
 * @param shopperAttempts how many checkout attempts on Shopify (accepted or refused)
 * @param otherChannelOrders how many pre-orders other channels take (POS and B2B)
 * @param supplyEvents how many PO events after the start (new, increase, cut, cancel, ETA change, receipt, close)
 * @param minImportLag the shortest time the OMS takes to import a Shopify order
 * @param maxImportLag the longest
 * @param engineCrashes how many times the engine process dies mid-run (0 or more)
 * @param faultRate the probability that one request to the store meets a fault (throttling, 5xx, reset,
 *                  lost response), 0..0.5
 * @param maxStores 1 for one store; above 1, each scenario has 2 to {@code maxStores} stores sharing every pool,
 *                  each with its own weight and its own import lag drawn between the two bounds above
 */
public record ScenarioShape(int skuCount, Duration length, int shopperAttempts, int otherChannelOrders,
                            int supplyEvents, Duration minImportLag, Duration maxImportLag, int engineCrashes,
                            double faultRate, int maxStores) {

    /** Validates the shape. */
    public ScenarioShape {
        if (skuCount < 1 || length == null || length.isNegative() || length.isZero() || shopperAttempts < 0
                || otherChannelOrders < 0 || supplyEvents < 0 || minImportLag == null || maxImportLag == null
                || minImportLag.isNegative() || maxImportLag.compareTo(minImportLag) < 0 || engineCrashes < 0
                || faultRate < 0 || faultRate > 0.5 || maxStores < 1) {
            throw new IllegalArgumentException("invalid scenario shape: " + skuCount + " skus, length " + length
                    + ", " + shopperAttempts + " attempts, " + otherChannelOrders + " other-channel orders, "
                    + supplyEvents + " supply events, import lag " + minImportLag + ".." + maxImportLag + ", "
                    + engineCrashes + " crashes, fault rate " + faultRate + ", " + maxStores + " stores at most");
        }
    }

    /**
     * The shape the CI proof runs for every seed: 8 SKUs, an hour of high-velocity demand, PO events, one engine
     * crash and a 5% fault rate.
     *
     * @return the shape
     */
    public static ScenarioShape ci() {
        return new ScenarioShape(8, Duration.ofMinutes(60), 200, 16, 24, Duration.ofSeconds(30),
                Duration.ofSeconds(180), 1, 0.05, 1);
    }

    /**
     * The shape of the multi-store proof (issue 11): 2-4 stores sharing 3 SKUs' pools, 25 minutes of demand, each
     * store's orders imported 0 to 5 minutes late (each store has its own bound), PO events, one engine crash and a
     * 5% fault rate in every store. Smaller than {@link #ci()} so a hundred seeds fit in the default build.
     *
     * @return the shape
     */
    public static ScenarioShape multiStore() {
        return new ScenarioShape(3, Duration.ofMinutes(25), 70, 5, 8, Duration.ZERO, Duration.ofMinutes(5), 1,
                0.05, 4);
    }

    /**
     * A copy with another fault rate.
     *
     * @param rate the new rate
     * @return the copy
     */
    public ScenarioShape withFaultRate(double rate) {
        return new ScenarioShape(skuCount, length, shopperAttempts, otherChannelOrders, supplyEvents, minImportLag,
                maxImportLag, engineCrashes, rate, maxStores);
    }
}
