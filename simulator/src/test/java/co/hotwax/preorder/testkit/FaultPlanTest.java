package co.hotwax.preorder.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FaultPlanTest {
    private static final FaultRates MIXED = FaultRates.builder().http429(0.05).http500(0.04).http502(0.03)
            .http503(0.02).reset(0.06).slow(0.1).appliedResponseLost(0.2).slowDelay(Duration.ofMillis(750))
            .retryAfterSeconds(3).build();

    @Test
    void theSameSeedGivesTheSameFaults() {
        long seed = new SplittableRandom().nextLong();

        assertThat(draws(FaultPlan.seeded(seed, MIXED), 2_000)).as("seed %d", seed)
                .isEqualTo(draws(FaultPlan.seeded(seed, MIXED), 2_000));
        assertThat(draws(FaultPlan.seeded(seed, MIXED), 2_000)).as("seed %d vs %d", seed, seed + 1)
                .isNotEqualTo(draws(FaultPlan.seeded(seed + 1, MIXED), 2_000));
    }

    @Test
    void eachKindComesAtItsRateOverTenThousandDraws() {
        long seed = new SplittableRandom().nextLong();
        int n = 10_000;
        Map<Fault.Kind, Integer> counts = new EnumMap<>(Fault.Kind.class);
        for (Fault fault : draws(FaultPlan.seeded(seed, MIXED), n)) {
            counts.merge(fault.kind(), 1, Integer::sum);
        }

        Map<Fault.Kind, Double> expected = Map.of(Fault.Kind.HTTP_429, 0.05, Fault.Kind.HTTP_500, 0.04,
                Fault.Kind.HTTP_502, 0.03, Fault.Kind.HTTP_503, 0.02, Fault.Kind.CONNECTION_RESET, 0.06,
                Fault.Kind.SLOW, 0.1, Fault.Kind.APPLIED_RESPONSE_LOST, 0.2, Fault.Kind.NONE, 0.5);
        expected.forEach((kind, p) -> {
            // five standard deviations of a binomial count: a false alarm about once in 3.5 million runs
            double tolerance = 5 * Math.sqrt(p * (1 - p) / n);
            assertThat(counts.getOrDefault(kind, 0) / (double) n).as("share of %s with seed %d", kind, seed)
                    .isCloseTo(p, within(tolerance));
        });
    }

    @Test
    void drawnFaultsCarryTheConfiguredRetryAfterAndDelay() {
        long seed = 42;
        List<Fault> faults = draws(FaultPlan.seeded(seed, MIXED), 1_000);

        assertThat(faults).filteredOn(f -> f.kind() == Fault.Kind.HTTP_429 || f.kind() == Fault.Kind.HTTP_503)
                .isNotEmpty().allSatisfy(f -> assertThat(f.retryAfterSeconds()).isEqualTo(3));
        assertThat(faults).filteredOn(f -> f.kind() == Fault.Kind.SLOW)
                .isNotEmpty().allSatisfy(f -> assertThat(f.delay()).isEqualTo(Duration.ofMillis(750)));
        assertThat(faults).filteredOn(f -> f.kind() == Fault.Kind.HTTP_500)
                .isNotEmpty().allSatisfy(f -> assertThat(f.delay()).isZero());
    }

    @Test
    void mutationsOnlySparesQueriesAndLeavesEachMutationItsOwnDraw() {
        long seed = new SplittableRandom().nextLong();
        FaultPlan everything = FaultPlan.seeded(seed, MIXED);
        FaultPlan writesOnly = FaultPlan.seeded(seed, MIXED.onlyMutations());
        SplittableRandom kinds = new SplittableRandom(seed);

        for (int i = 0; i < 2_000; i++) {
            boolean mutation = kinds.nextBoolean();
            Fault all = everything.next("op" + i, mutation);
            Fault writes = writesOnly.next("op" + i, mutation);
            if (mutation) {
                assertThat(writes).as("request %d, seed %d", i, seed).isEqualTo(all);
            } else {
                assertThat(writes).as("request %d, seed %d", i, seed).isEqualTo(Fault.NONE);
            }
        }
        assertThat(FaultRates.builder().onlyMutations().build().mutationsOnly()).isTrue();
    }

    @Test
    void aScriptPlaysInOrderThenNothing() {
        FaultPlan plan = FaultPlan.scripted(List.of(Fault.http429(2), Fault.NONE, Fault.appliedResponseLost()));

        assertThat(draws(plan, 5)).containsExactly(Fault.http429(2), Fault.NONE, Fault.appliedResponseLost(),
                Fault.NONE, Fault.NONE);
        assertThat(plan.injected()).containsEntry(Fault.Kind.NONE, 3L).containsEntry(Fault.Kind.HTTP_429, 1L)
                .containsEntry(Fault.Kind.APPLIED_RESPONSE_LOST, 1L);
    }

    @Test
    void aMutationScriptSkipsQueries() {
        FaultPlan plan = FaultPlan.scriptedMutations(List.of(Fault.appliedResponseLost(), Fault.of(Fault.Kind.HTTP_500)));

        assertThat(plan.next("Variants", false)).isEqualTo(Fault.NONE);
        assertThat(plan.next("Set", true)).isEqualTo(Fault.appliedResponseLost());
        assertThat(plan.next("Variants", false)).isEqualTo(Fault.NONE);
        assertThat(plan.next("Set", true).kind()).isEqualTo(Fault.Kind.HTTP_500);
        assertThat(plan.next("Set", true)).isEqualTo(Fault.NONE);
    }

    @Test
    void noneNeverFaults() {
        assertThat(draws(FaultPlan.none(), 1_000)).containsOnly(Fault.NONE);
    }

    @Test
    void concurrentCallersShareOneSequenceWithoutLosingOrDuplicatingDraws() throws InterruptedException {
        long seed = new SplittableRandom().nextLong();
        FaultPlan plan = FaultPlan.seeded(seed, MIXED);
        ConcurrentLinkedQueue<Fault> seen = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    seen.add(plan.next("op"));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // The interleaving may differ, but the multiset of faults is the sequential one for the seed.
        List<String> concurrent = new ArrayList<>(seen.stream().map(Fault::toString).toList());
        List<String> sequential = new ArrayList<>(draws(FaultPlan.seeded(seed, MIXED), 4_000).stream()
                .map(Fault::toString).toList());
        Collections.sort(concurrent);
        Collections.sort(sequential);
        assertThat(concurrent).as("seed %d", seed).isEqualTo(sequential);
    }

    @Test
    void invalidRatesAreRefusedNamingTheRate() {
        assertThatThrownBy(() -> FaultRates.builder().http500(1.5).build()).hasMessageContaining("http500");
        assertThatThrownBy(() -> FaultRates.builder().reset(-0.1).build()).hasMessageContaining("reset");
        assertThatThrownBy(() -> FaultRates.builder().slow(Double.NaN).build()).hasMessageContaining("slow");
        assertThatThrownBy(() -> FaultRates.builder().http429(0.6).appliedResponseLost(0.5).build())
                .hasMessageContaining("more than 1");
        assertThatThrownBy(() -> FaultRates.builder().slowDelay(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("slowDelay");
        assertThatThrownBy(() -> FaultRates.builder().retryAfterSeconds(-1).build())
                .hasMessageContaining("retryAfterSeconds");
        assertThatThrownBy(() -> FaultPlan.scripted(java.util.Arrays.asList(Fault.NONE, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fault(Fault.Kind.SLOW, 0, null)).hasMessageContaining("delay");
        assertThat(FaultRates.builder().http429(0.5).appliedResponseLost(0.5).build().total()).isEqualTo(1.0);
    }

    @Test
    void faultsSayWhetherTheRequestStillRuns() {
        assertThat(Fault.NONE.executes()).isTrue();
        assertThat(Fault.slow(Duration.ofSeconds(1)).executes()).isTrue();
        assertThat(Fault.appliedResponseLost().executes()).isTrue();
        assertThat(Fault.http429(0).executes()).isFalse();
        assertThat(Fault.of(Fault.Kind.CONNECTION_RESET).executes()).isFalse();
    }

    private static List<Fault> draws(FaultPlan plan, int n) {
        List<Fault> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(plan.next("op" + i));
        }
        return out;
    }
}
