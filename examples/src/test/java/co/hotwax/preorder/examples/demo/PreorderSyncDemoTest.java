package co.hotwax.preorder.examples.demo;

import co.hotwax.preorder.examples.simulation.RunResult;
import co.hotwax.preorder.examples.simulation.ScenarioEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreorderSyncDemoTest {

    @Test
    void engineOversellsNothingWhileTodaysPracticeDoesAndTheChartShowsAllThree(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PreorderSyncDemo.Outcome outcome = PreorderSyncDemo.run(dir.resolve("chart/oversell.svg"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertThat(outcome.engine().oversold()).isZero();
        assertThat(outcome.engine().mismatches()).isEmpty();
        assertThat(outcome.engine().accepted()).isPositive();
        assertThat(outcome.catalogJob().oversold()).isPositive();
        assertThat(outcome.absolutePush().oversold()).isPositive();
        // The PO cut and cancellation leave promised units without supply: reported, not dropped.
        assertThat(outcome.engine().skus()).anySatisfy(row -> assertThat(row.uncovered()).isPositive());

        assertThat(outcome.chart()).isAbsolute().exists();
        String svg = Files.readString(outcome.chart());
        assertThat(svg).contains("data-series=\"true capacity\"", "data-series=\"engine (this SDK)\"",
                "data-series=\"catalog job every 15 min\"", "data-series=\"absolute push every 5 min\"");

        assertThat(report).contains("JACKET-RED-M", "CHAIR-GREY", outcome.chart().toString())
                .contains(Long.toString(outcome.catalogJob().oversold()));
    }

    @Test
    void everyUnitAboveCapacityIsExplainedAndEverySupplyEventIsMarked(@TempDir Path dir) throws Exception {
        PreorderSyncDemo.Outcome outcome = PreorderSyncDemo.run(dir.resolve("oversell.svg"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        // Above the capacity line, a unit is either oversold or a pre-order a later change left uncovered.
        for (RunResult run : List.of(outcome.engine(), outcome.catalogJob(), outcome.absolutePush())) {
            assertThat(run.samples()).allSatisfy(s ->
                    assertThat(s.sold()).as("%s at %s", run.approach(), s.at())
                            .isLessThanOrEqualTo(s.capacity() + s.uncovered() + s.oversold()));
        }
        assertThat(outcome.engine().samples()).anySatisfy(s -> assertThat(s.sold()).isGreaterThan(s.capacity()));
        assertThat(outcome.engine().samples().get(outcome.engine().samples().size() - 1).uncovered())
                .isPositive();

        String svg = Files.readString(outcome.chart());
        List<ScenarioEvent> marked = DemoScenario.create().events().stream()
                .filter(e -> e instanceof ScenarioEvent.SupplyChange).toList();
        assertThat(marked).hasSizeGreaterThanOrEqualTo(5);
        for (ScenarioEvent e : marked) {
            assertThat(svg).contains("data-marker=\"" + (((ScenarioEvent.SupplyChange) e).kind()
                    == ScenarioEvent.SupplyChange.Kind.NEW ? "new PO " : "")
                    + ((ScenarioEvent.SupplyChange) e).line().poId());
        }
        assertThat(svg).contains("data-series=\"" + "engine (this SDK): uncovered\"");
        // The axis fits the 180-minute story: its last tick is 180, not a rounded-up 200.
        assertThat(svg).contains("\"middle\">180</text>").doesNotContain("\"middle\">200</text>");
    }
}
