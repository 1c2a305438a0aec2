package co.hotwax.preorder.testkit;

import java.util.Map;

/**
 * Counters of a running simulator, for tests and benchmarks.
 *
 * @param requests        authorised GraphQL requests on a served version (every outcome after that: executed,
 *                        throttled, faulted)
 * @param throttled       requests answered with THROTTLED
 * @param faultsInjected  requests the fault plan disturbed
 * @param writesApplied   write entries that changed state (one per inventory entry, variant, metafield, ...)
 * @param writesRefused   write entries refused with userErrors
 * @param operations      executed root fields by name (e.g. {@code inventorySetQuantities}) and how often
 * @since 0.1.0
 */
public record SimulatorStats(long requests, long throttled, long faultsInjected, long writesApplied,
        long writesRefused, Map<String, Long> operations) {
    /**
     * Copies the operation counts.
     *
     * @param requests authorised GraphQL requests on a served version (every outcome after that: executed, throttled,
     *     faulted)
     * @param throttled requests answered with THROTTLED
     * @param faultsInjected requests the fault plan disturbed
     * @param writesApplied write entries that changed state (one per inventory entry, variant, metafield, ...)
     * @param writesRefused write entries refused with userErrors
     * @param operations executed root fields by name (e.g. {@code inventorySetQuantities}) and how often
     */
    public SimulatorStats {
        operations = Map.copyOf(operations);
    }

    /**
     * How often the root field {@code name} was executed.
     *
     * @param name the name
     * @return how often the root field {@code name} was executed
     */
    public long operation(String name) {
        return operations.getOrDefault(name, 0L);
    }
}
