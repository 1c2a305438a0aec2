package co.hotwax.preorder.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Decides, request by request, which fault the simulator injects. Three kinds of plan: {@link #none()},
 * {@link #seeded(long, FaultRates)} (random but replayable: the same seed and the same sequence of requests give the
 * same faults) and {@link #scripted(List)} (exact faults for deterministic tests, then none forever).
 *
 * <p>A seeded plan draws exactly one number per request, also for a query it spares under
 * {@link FaultRates#mutationsOnly()}, so the n-th request's fate depends only on n and the seed. Thread-safe; under
 * concurrency the order in which requests reach {@link #next} decides which gets which draw.
 *
 * @since 0.1.0
 */
public final class FaultPlan {
    /** The order in which a draw is mapped onto the rates; part of what makes a seed replay the same faults. */
    private static final Fault.Kind[] DRAWN_KINDS = {Fault.Kind.HTTP_429, Fault.Kind.HTTP_500, Fault.Kind.HTTP_502,
            Fault.Kind.HTTP_503, Fault.Kind.CONNECTION_RESET, Fault.Kind.SLOW, Fault.Kind.APPLIED_RESPONSE_LOST};

    private final RandomGenerator random;
    private final FaultRates rates;
    private final Deque<Fault> script;
    private final boolean scriptForMutationsOnly;
    private final Map<Fault.Kind, Long> injected = new EnumMap<>(Fault.Kind.class);

    private FaultPlan(RandomGenerator random, FaultRates rates, List<Fault> script, boolean scriptForMutationsOnly) {
        this.random = random;
        this.rates = rates;
        this.script = new ArrayDeque<>(script);
        this.scriptForMutationsOnly = scriptForMutationsOnly;
    }

    /**
     * A plan that never injects a fault.
     *
     * @return the plan
     */
    public static FaultPlan none() {
        return new FaultPlan(null, FaultRates.NONE, List.of(), false);
    }

    /**
     * Random faults at the given rates, replayable from the seed. The generator is L64X128MixRandom seeded once.
     *
     * @param seed the seed; print it with any failure so the run can be replayed
     * @param rates the probability of each fault
     * @return the plan
     */
    public static FaultPlan seeded(long seed, FaultRates rates) {
        Objects.requireNonNull(rates, "rates");
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        return new FaultPlan(random, rates, List.of(), false);
    }

    /**
     * Exactly these faults, one per request in order, then none forever.
     *
     * @param faults the faults, e.g. {@code List.of(Fault.http429(1), Fault.NONE, Fault.appliedResponseLost())}
     * @return the plan
     * @throws IllegalArgumentException when the list or a fault is null
     */
    public static FaultPlan scripted(List<Fault> faults) {
        return new FaultPlan(null, FaultRates.NONE, copy(faults), false);
    }

    /**
     * Exactly these faults, one per <em>mutation</em> in order, then none forever; queries pass untouched and do
     * not use up the script. "Lose the response of the first write" without counting the reads before it.
     *
     * @param faults the faults
     * @return the plan
     * @throws IllegalArgumentException when the list or a fault is null
     */
    public static FaultPlan scriptedMutations(List<Fault> faults) {
        return new FaultPlan(null, FaultRates.NONE, copy(faults), true);
    }

    private static List<Fault> copy(List<Fault> faults) {
        if (faults == null || faults.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a fault script must be a list without nulls, was " + faults);
        }
        return List.copyOf(faults);
    }

    /**
     * The fault for the next request, when it is not known whether it is a mutation; it is treated as one.
     *
     * @param operationName the GraphQL operation name, for the caller's logs (may be null)
     * @return the fault, {@link Fault#NONE} for a normal answer
     */
    public Fault next(String operationName) {
        return next(operationName, true);
    }

    /**
     * The fault for the next request.
     *
     * @param operationName the GraphQL operation name, for the caller's logs (may be null)
     * @param mutation whether the request is a mutation
     * @return the fault, {@link Fault#NONE} for a normal answer
     */
    public synchronized Fault next(String operationName, boolean mutation) {
        Fault fault = choose(mutation);
        injected.merge(fault.kind(), 1L, Long::sum);
        return fault;
    }

    private Fault choose(boolean mutation) {
        if (random == null) {
            if (script.isEmpty() || (scriptForMutationsOnly && !mutation)) {
                return Fault.NONE;
            }
            return script.removeFirst();
        }
        double draw = random.nextDouble();
        if (rates.mutationsOnly() && !mutation) {
            return Fault.NONE;
        }
        double[] probabilities = {rates.http429(), rates.http500(), rates.http502(), rates.http503(),
                rates.reset(), rates.slow(), rates.appliedResponseLost()};
        double bound = 0;
        for (int i = 0; i < DRAWN_KINDS.length; i++) {
            bound += probabilities[i];
            if (draw < bound) {
                return switch (DRAWN_KINDS[i]) {
                    case HTTP_429 -> Fault.http429(rates.retryAfterSeconds());
                    case HTTP_503 -> Fault.http503(rates.retryAfterSeconds());
                    case SLOW -> Fault.slow(rates.slowDelay());
                    default -> Fault.of(DRAWN_KINDS[i]);
                };
            }
        }
        return Fault.NONE;
    }

    /**
     * How many requests got each kind so far, {@link Fault.Kind#NONE} included; for a run's report.
     *
     * @return a copy of the counts (kinds never drawn are absent)
     */
    public synchronized Map<Fault.Kind, Long> injected() {
        return Map.copyOf(injected);
    }

    @Override
    public String toString() {
        return random != null ? "FaultPlan[seeded " + rates + "]" : "FaultPlan[scripted]";
    }
}
