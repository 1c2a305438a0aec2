package co.hotwax.preorder.examples.simulation;

import java.time.Duration;

/**
 * How the store behaves in a run.
 *
 * @param faultRate probability that one request meets an injected fault (0 for none)
 * @param latency extra virtual time every request takes
 * @param settle how long the run lets the sync settle after the last event (beyond the longest import lag)
 */
public record RunOptions(double faultRate, Duration latency, Duration settle) {

    /** Validates the options. */
    public RunOptions {
        if (faultRate < 0 || faultRate > 0.5 || latency == null || latency.isNegative() || settle == null
                || settle.isNegative()) {
            throw new IllegalArgumentException("invalid run options: fault rate " + faultRate + ", latency "
                    + latency + ", settle " + settle);
        }
    }

    /**
     * A store with faults at the given rate, 50 ms per request and ten minutes to settle.
     *
     * @param faultRate the fault probability per request
     * @return the options
     */
    public static RunOptions withFaults(double faultRate) {
        return new RunOptions(faultRate, Duration.ofMillis(50), Duration.ofMinutes(10));
    }

    /**
     * A well-behaved store: no faults, 50 ms per request, ten minutes to settle.
     *
     * @return the options
     */
    public static RunOptions clean() {
        return withFaults(0);
    }
}
