package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.testkit.VirtualClock;

import java.util.List;

/**
 * What an approach gets to work with in one run.
 *
 * @param seed the run's seed, for the approach's own randomness (jitter, idempotency keys)
 * @param clock the virtual clock
 * @param stores the simulated Shopify stores, in the order the engine is given them (one in a one-store run)
 * @param oms the simulated OMS
 */
public record RunContext(long seed, VirtualClock clock, List<SimulatedStore> stores, SimulatedOms oms) {

    /** Copies the stores. */
    public RunContext {
        stores = List.copyOf(stores);
    }

    /**
     * The first store: the only one of a one-store run, where today's jobs are compared.
     *
     * @return the store
     */
    public SimulatedStore store() {
        return stores.get(0);
    }
}
