package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.testkit.VirtualClock;

/**
 * What an approach gets to work with in one run.
 *
 * @param seed the run's seed, for the approach's own randomness (jitter, idempotency keys)
 * @param clock the virtual clock
 * @param store the simulated Shopify store
 * @param oms the simulated OMS
 */
public record RunContext(long seed, VirtualClock clock, SimulatedStore store, SimulatedOms oms) {
}
