package co.hotwax.preorder.examples.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
