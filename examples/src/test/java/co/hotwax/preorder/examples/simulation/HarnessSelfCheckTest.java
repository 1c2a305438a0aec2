package co.hotwax.preorder.examples.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof is only worth something if its checks can fail: a sync that resells in-flight orders (the absolute
 * push without compare-and-set) must be caught by the same checks the engine passes, and a seed must replay to the
 * same result.
 */
class HarnessSelfCheckTest {
    private static final ScenarioShape SHAPE = ScenarioShape.ci();

    @Test
    void theChecksCatchASyncThatResellsInFlightOrders() {
        long outside = 0;
        for (long seed = 0; seed < 5; seed++) {
            Scenario scenario = new ScenarioGenerator(seed, SHAPE).generate();
            RunResult push = SimulationRun.run(seed, scenario, AbsolutePushJob::new, RunOptions.clean());
            assertThat(push.ledgerOversold()).as("seed %d: ledger and harness agree", seed)
                    .isEqualTo(push.oversold());
            outside += push.oversoldOutsideWindow();
        }
        assertThat(outside).as("units the blind push oversold with no capacity drop to excuse them").isPositive();
    }

    @Test
    void theMultiStoreObserverCatchesStoresThatTogetherOfferMoreThanRemains() {
        // One connector per store pushing the whole P to each: together they offer P once per store.
        long seed = 4;
        Scenario scenario = new ScenarioGenerator(seed, ScenarioShape.multiStore()).generate();
        RunResult push = SimulationRun.run(seed, scenario, AbsolutePushJob::new, RunOptions.clean());
        assertThat(push.stores()).isBetween(2, 4);
        assertThat(push.invariantBreaches()).as("checks that found the stores offering more than remains")
                .isPositive();
        assertThat(push.breaches()).first().asString().contains("remain");
    }

    @Test
    void aMultiStoreSeedReplaysToTheSameRun() {
        long seed = 5;
        ScenarioShape shape = ScenarioShape.multiStore();
        Scenario scenario = new ScenarioGenerator(seed, shape).generate();
        RunOptions faults = RunOptions.withFaults(shape.faultRate());
        RunResult first = SimulationRun.run(seed, scenario, EngineApproach::new, faults);
        RunResult second = SimulationRun.run(seed, scenario, EngineApproach::new, faults);
        assertThat(second.samples()).isEqualTo(first.samples());
        assertThat(second.skus()).isEqualTo(first.skus());
        assertThat(second.store()).isEqualTo(first.store());
        assertThat(second.invariantChecks()).isEqualTo(first.invariantChecks()).isPositive();
    }

    @Test
    void aSeedReplaysToTheSameRun() {
        long seed = 3;
        Scenario scenario = new ScenarioGenerator(seed, SHAPE).generate();
        RunOptions faults = RunOptions.withFaults(SHAPE.faultRate());
        RunResult first = SimulationRun.run(seed, scenario, EngineApproach::new, faults);
        RunResult second = SimulationRun.run(seed, scenario, EngineApproach::new, faults);
        assertThat(second.samples()).isEqualTo(first.samples());
        assertThat(second.skus()).isEqualTo(first.skus());
        assertThat(second.lags()).isEqualTo(first.lags());
        assertThat(second.store()).isEqualTo(first.store());
        assertThat(first.store().faultsInjected()).as("the replayed run met injected faults").isPositive();
        assertThat(first.store().quantityWritesApplied()).as("quantity writes the store applied").isPositive()
                .isLessThanOrEqualTo(first.writesReported());
    }
}
