package co.hotwax.preorder.examples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a step chart as a standalone SVG file, by hand, so the demo needs no charting dependency. Every series
 * is a group with {@code data-series="<name>"} so a test (or a person reading the file) finds each line by name.
 */
public final class SvgChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    /**
     * One point of a series.
     *
     * @param x minutes since the start
     * @param y units
     */
    public record Point(double x, double y) {
    }

    /**
     * One line of the chart, drawn as steps (the value holds until the next point).
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

    private SvgChart() {
    }

    /**
     * Writes the chart, creating parent folders.
     *
     * @param file where to write
     * @param title the title above the plot
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param series the lines
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, String title, String xLabel, String yLabel, List<Series> series)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(title, xLabel, yLabel, series), StandardCharsets.UTF_8);
    }

    /**
     * Renders the chart.
     *
     * @param title the title above the plot
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param series the lines
     * @return the SVG document
     */
    public static String render(String title, String xLabel, String yLabel, List<Series> series) {
        double maxX = 1;
        double maxY = 1;
        for (Series s : series) {
            for (Point p : s.points()) {
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        maxY = niceCeiling(maxY);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s"
                + "</text>%n", LEFT, escape(title)));
        for (int i = 0; i <= 5; i++) {
            double v = maxY * i / 5;
            double y = TOP + plotH - plotH * i / 5;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, format(v)));
        }
        for (int i = 0; i <= 6; i++) {
            double v = maxX * i / 6;
            double x = LEFT + plotW * i / 6;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP + plotH + 18, format(v)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\""
                + " stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, HEIGHT - 15, escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%.1f) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>%n", TOP + plotH / 2, escape(yLabel)));
        int legendY = TOP + 10;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<g data-series=\"%s\">%n", escape(s.name())));
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s "
                    + "points=\"%s\"/>%n", escape(s.color()), s.dashed() ? " stroke-dasharray=\"6,4\"" : "",
                    stepPoints(s.points(), maxX, maxY, plotW, plotH)));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"%s/>%n", LEFT + plotW + 15, legendY, LEFT + plotW + 40, legendY,
                    escape(s.color()), s.dashed() ? " stroke-dasharray=\"6,4\"" : ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n</g>%n",
                    LEFT + plotW + 46, legendY + 4, escape(s.name())));
            legendY += 22;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String stepPoints(List<Point> points, double maxX, double maxY, double plotW, double plotH) {
        StringBuilder sb = new StringBuilder();
        double prevY = Double.NaN;
        for (Point p : points) {
            double x = LEFT + plotW * p.x() / maxX;
            double y = TOP + plotH - plotH * p.y() / maxY;
            if (!Double.isNaN(prevY)) {
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, prevY));
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            prevY = y;
        }
        return sb.toString().trim();
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
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
