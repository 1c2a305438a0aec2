package co.hotwax.preorder.examples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes step charts as a standalone SVG file, by hand, so the demo needs no charting dependency. Panels are
 * stacked vertically and share the x axis, which ends where the data ends. Every series is a group with
 * {@code data-series="<name>"} and every marker one with {@code data-marker="<label>"}, so a test (or a person
 * reading the file) finds each by name.
 */
public final class SvgChart {
    private static final int WIDTH = 1040;
    private static final int PANEL_HEIGHT = 330;
    private static final int LEFT = 70;
    private static final int RIGHT = 330;
    private static final int HEADER = 40;
    private static final int PANEL_TOP = 36;
    private static final int PANEL_BOTTOM = 44;

    /**
     * One point of a series.
     *
     * @param x position on the x axis (e.g. minutes since the start)
     * @param y the value
     */
    public record Point(double x, double y) {
    }

    /**
     * One line of a panel, drawn as steps (the value holds until the next point).
     *
     * @param name the legend text and the {@code data-series} attribute
     * @param color an SVG colour, e.g. {@code "#1f77b4"}
     * @param dashed whether the line is dashed
     * @param points the points, in increasing x
     */
    public record Series(String name, String color, boolean dashed, List<Point> points) {
        /** Validates and copies the points. */
        public Series {
            if (name == null || name.isBlank() || color == null) {
                throw new IllegalArgumentException("a series needs a name and a colour");
            }
            points = List.copyOf(points);
        }
    }

    /**
     * One plot of the chart.
     *
     * @param title the text above the plot
     * @param yLabel the y axis label
     * @param series the lines
     */
    public record Panel(String title, String yLabel, List<Series> series) {
        /** Copies the series. */
        public Panel {
            series = List.copyOf(series);
        }
    }

    /**
     * An event drawn as a vertical line across every panel, labelled in the first one.
     *
     * @param x position on the x axis
     * @param label a short text, e.g. {@code "PO cut"}
     */
    public record Marker(double x, String label) {
        /** Checks the label. */
        public Marker {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a marker needs a label");
            }
        }
    }

    private SvgChart() {
    }

    /**
     * Writes the chart, creating parent folders.
     *
     * @param file where to write
     * @param title the title of the whole chart
     * @param xLabel the shared x axis label
     * @param panels the plots, top to bottom
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, String title, String xLabel, List<Panel> panels) throws IOException {
        write(file, title, xLabel, panels, List.of());
    }

    /**
     * Writes the chart with event markers, creating parent folders.
     *
     * @param file where to write
     * @param title the title of the whole chart
     * @param xLabel the shared x axis label
     * @param panels the plots, top to bottom
     * @param markers events drawn as vertical lines
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, String title, String xLabel, List<Panel> panels, List<Marker> markers)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(title, xLabel, panels, markers), StandardCharsets.UTF_8);
    }

    /**
     * Renders the chart.
     *
     * @param title the title of the whole chart
     * @param xLabel the shared x axis label
     * @param panels the plots, top to bottom
     * @return the SVG document
     */
    public static String render(String title, String xLabel, List<Panel> panels) {
        return render(title, xLabel, panels, List.of());
    }

    /**
     * Renders the chart with event markers.
     *
     * @param title the title of the whole chart
     * @param xLabel the shared x axis label
     * @param panels the plots, top to bottom
     * @param markers events drawn as vertical lines
     * @return the SVG document
     */
    public static String render(String title, String xLabel, List<Panel> panels, List<Marker> markers) {
        double maxX = 0;
        for (Panel panel : panels) {
            for (Series s : panel.series()) {
                for (Point p : s.points()) {
                    maxX = Math.max(maxX, p.x());
                }
            }
        }
        for (Marker m : markers) {
            maxX = Math.max(maxX, m.x());
        }
        // The axis ends where the data ends (a 180-minute run is not drawn to 200); ticks stay at round steps.
        double xStep = niceStep(maxX / 6);
        maxX = Math.max(xStep, maxX);
        int height = HEADER + panels.size() * PANEL_HEIGHT;
        StringBuilder svg = new StringBuilder(8192);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"26\" font-size=\"17\" font-weight=\"bold\">%s"
                + "</text>%n", LEFT, escape(title)));
        for (int i = 0; i < panels.size(); i++) {
            renderPanel(svg, panels.get(i), HEADER + i * PANEL_HEIGHT, maxX, xStep, xLabel,
                    markers, i == 0);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void renderPanel(StringBuilder svg, Panel panel, int top, double maxX, double xStep,
                                     String xLabel, List<Marker> markers, boolean labelMarkers) {
        double maxY = 0;
        for (Series s : panel.series()) {
            for (Point p : s.points()) {
                maxY = Math.max(maxY, p.y());
            }
        }
        double yStep = niceStep(Math.max(1, maxY) / 5);
        maxY = Math.max(yStep, Math.ceil(maxY / yStep) * yStep);
        double plotTop = top + PANEL_TOP;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = PANEL_HEIGHT - PANEL_TOP - PANEL_BOTTOM;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"14\" font-weight=\"bold\">%s"
                + "</text>%n", LEFT, plotTop - 10, escape(panel.title())));
        for (double v = 0; v <= maxY + 1e-9; v += yStep) {
            double y = plotTop + plotH - plotH * v / maxY;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, format(v)));
        }
        for (double v = 0; v <= maxX + 1e-9; v += xStep) {
            double x = LEFT + plotW * v / maxX;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x, plotTop + plotH + 16, format(v)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"none\" stroke=\"#333\"/>%n", LEFT, plotTop, plotW, plotH));
        for (Marker m : markers) {
            double x = LEFT + plotW * m.x() / maxX;
            svg.append(String.format(Locale.ROOT, "<g data-marker=\"%s\">%n<line x1=\"%.1f\" y1=\"%.1f\" "
                    + "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>%n", escape(m.label()), x,
                    plotTop, x, plotTop + plotH));
            if (labelMarkers) {
                // Written upwards from the x axis, where the lines of a sales chart rarely are.
                svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f,%.1f) rotate(-90)\" "
                        + "font-size=\"10\" fill=\"#555\">%s</text>%n", x - 3, plotTop + plotH - 4,
                        escape(m.label())));
            }
            svg.append("</g>\n");
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, plotTop + plotH + 34, escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(20,%.1f) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>%n", plotTop + plotH / 2, escape(panel.yLabel())));
        double legendY = plotTop + 12;
        for (Series s : panel.series()) {
            String dash = s.dashed() ? " stroke-dasharray=\"6,4\"" : "";
            svg.append(String.format(Locale.ROOT, "<g data-series=\"%s\">%n", escape(s.name())));
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s "
                    + "points=\"%s\"/>%n", escape(s.color()), dash,
                    stepPoints(s.points(), maxX, maxY, plotTop, plotW, plotH)));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"%s\" stroke-width=\"3\"%s/>%n", LEFT + plotW + 15, legendY, LEFT + plotW + 40,
                    legendY, escape(s.color()), dash));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n</g>%n",
                    LEFT + plotW + 46, legendY + 4, escape(s.name())));
            legendY += 22;
        }
    }

    private static String stepPoints(List<Point> points, double maxX, double maxY, double plotTop, double plotW,
                                     double plotH) {
        StringBuilder sb = new StringBuilder();
        double prevY = Double.NaN;
        for (Point p : points) {
            double x = LEFT + plotW * p.x() / maxX;
            double y = plotTop + plotH - plotH * p.y() / maxY;
            if (!Double.isNaN(prevY)) {
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, prevY));
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            prevY = y;
        }
        return sb.toString().trim();
    }

    /** The smallest of 1, 2, 2.5, 3, 5 times a power of ten that is at least {@code raw} (3: minutes in 30s). */
    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 2.5, 3, 5, 10}) {
            if (step * magnitude >= raw) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
