package co.hotwax.preorder.examples.demo;

import co.hotwax.preorder.examples.demo.SvgChart.Panel;
import co.hotwax.preorder.examples.demo.SvgChart.Point;
import co.hotwax.preorder.examples.demo.SvgChart.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {

    @Test
    void writesEveryPanelAndSeriesAsNamedStepLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/chart.svg");
        SvgChart.write(file, "Capacity & sales", "minutes", List.of(
                new Panel("sold", "units", List.of(
                        new Series("true capacity", "#000", true, List.of(new Point(0, 10), new Point(5, 4))),
                        new Series("engine <P>", "#1a7", false, List.of(new Point(0, 0), new Point(3, 4))))),
                new Panel("oversold", "units", List.of(
                        new Series("catalog job", "#d60", false, List.of(new Point(0, 0), new Point(4, 7)))))));
        String svg = Files.readString(file);
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n")
                .contains("data-series=\"true capacity\"")
                .contains("data-series=\"engine &lt;P&gt;\"")
                .contains("Capacity &amp; sales")
                .contains("stroke-dasharray")
                .contains("data-series=\"catalog job\"")
                .contains(">oversold</text>");
        // Two points become three vertices: the value holds until the next point, then steps.
        String engineLine = svg.substring(svg.indexOf("data-series=\"engine"));
        String points = engineLine.substring(engineLine.indexOf("points=\"") + 8);
        points = points.substring(0, points.indexOf('"'));
        assertThat(points.split(" ")).hasSize(3);
    }

    @Test
    void markersCrossEveryPanelAreLabelledOnceAndTheAxisEndsWithTheData() {
        String svg = SvgChart.render("t", "minutes", List.of(
                new Panel("a", "units", List.of(new Series("s", "#000", false,
                        List.of(new Point(0, 1), new Point(180, 2))))),
                new Panel("b", "units", List.of(new Series("s2", "#000", false,
                        List.of(new Point(0, 1), new Point(90, 2)))))),
                List.of(new SvgChart.Marker(50, "PO-1 cut"), new SvgChart.Marker(90, "new PO <2>")));
        assertThat(svg.split("data-marker=\"PO-1 cut\"", -1)).hasSize(3);
        assertThat(svg.split(">PO-1 cut</text>", -1)).hasSize(2);
        assertThat(svg).contains("data-marker=\"new PO &lt;2&gt;\"");
        assertThat(svg).contains("\"middle\">180</text>").doesNotContain("\"middle\">200</text>");
    }
}
