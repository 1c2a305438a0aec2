package co.hotwax.preorder.examples.simulation;

import java.time.Instant;
import java.util.List;

/**
 * One way of keeping the store in step with the OMS, run by {@link SimulationRun} on a scenario: the SDK's engine,
 * or one of today's practices it is compared with. It hears every OMS change through {@link SimulatedOms.Listener}
 * and does its work when the driver calls {@link #tick()}.
 */
public interface SyncApproach extends SimulatedOms.Listener, AutoCloseable {

    /**
     * Builds an approach for one run.
     */
    @FunctionalInterface
    interface Factory {
        /**
         * Creates the approach.
         *
         * @param context the run's clock, store and OMS
         * @return the approach, not yet started
         */
        SyncApproach create(RunContext context);
    }

    /**
     * A short name for reports, e.g. {@code "engine"}.
     *
     * @return the name
     */
    String name();

    /** Starts at the scenario's first instant: loads what it needs and publishes the initial state. */
    void start();

    /** Does whatever is due at the current virtual time; may advance the clock (pacing, latency). */
    void tick();

    /**
     * When the approach next has work without new input.
     *
     * @return the instant, possibly now; {@link Instant#MAX} when never
     */
    Instant nextDue();

    /**
     * Whether everything the OMS said has reached the store (nothing left to publish). Approaches that do not
     * track it answer false, so no propagation window of theirs ever closes.
     *
     * @return true when caught up
     */
    boolean caughtUp();

    /**
     * Whether the store shows the approach's latest state of a SKU as far as the approach knows: false while a
     * store's refusal for its setup (a revoked scope) may have left it stale there. The OMS moves a released
     * order's fulfilment only once this holds, and the run treats every SKU a store may show stale as inside a
     * propagation window. Approaches that do not track it answer true.
     *
     * @param channel the store's domain
     * @param sku the SKU
     * @return true when nothing the approach knows of keeps the store stale
     */
    default boolean confirmed(String channel, String sku) {
        return true;
    }

    /**
     * What the approach or the store refused during the run (rejected items, rejected inputs); a correct engine
     * run has none.
     *
     * @return one line per refusal; empty by default
     */
    default List<String> problems() {
        return List.of();
    }

    /**
     * How many SKU states the approach says it wrote to the store (outcomes with a write), to compare with what
     * the store applied: a store that applied more quantity writes than that applied some write twice.
     *
     * @return the count, or -1 when the approach does not report its writes
     */
    default long writesReported() {
        return -1;
    }

    /** The process running the approach dies without a graceful stop and a new one starts. Default: no effect. */
    default void crash() {
    }

    /** Releases resources. */
    @Override
    void close();
}
