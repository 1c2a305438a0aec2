package co.hotwax.preorder.examples.demo;

import co.hotwax.preorder.examples.demo.SvgChart.Marker;
import co.hotwax.preorder.examples.demo.SvgChart.Panel;
import co.hotwax.preorder.examples.demo.SvgChart.Point;
import co.hotwax.preorder.examples.demo.SvgChart.Series;
import co.hotwax.preorder.examples.simulation.AbsolutePushJob;
import co.hotwax.preorder.examples.simulation.CatalogSyncJob;
import co.hotwax.preorder.examples.simulation.EngineApproach;
import co.hotwax.preorder.examples.simulation.RunOptions;
import co.hotwax.preorder.examples.simulation.RunResult;
import co.hotwax.preorder.examples.simulation.Scenario;
import co.hotwax.preorder.examples.simulation.ScenarioEvent;
import co.hotwax.preorder.examples.simulation.SimulationRun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The demo (README's first command): no credentials, an embedded Shopify simulator, sample POs for five SKUs,
 * simulated shoppers and other-channel pre-orders, a PO cut and a cancellation midway, and the SDK's engine
 * keeping Shopify in step. The same order stream is then replayed against today's 15-minute catalog job and
 * against a 5-minute absolute push without compare-and-set; the oversold units of each are printed side by side
 * and drawn in an SVG chart.
 *
 * <p>Usage: {@code PreorderSyncDemo [chart.svg]} (default {@code target/preorder-sync-demo/oversell.svg}). Runs in
 * virtual time: seconds of wall time for three hours of trading.
 */
public final class PreorderSyncDemo {
    /** Where the chart goes when no argument names a file. */
    public static final Path DEFAULT_CHART = Path.of("target", "preorder-sync-demo", "oversell.svg");
    private static final String ENGINE = "engine (this SDK)";
    private static final String CATALOG = "catalog job every 15 min";
    private static final String PUSH = "absolute push every 5 min";
    private static final String ENGINE_ALLOWANCE = "capacity + engine's uncovered pre-orders";
    private static final String ENGINE_COLOR = "#1b9e77";
    private static final String CATALOG_COLOR = "#d95f02";
    private static final String PUSH_COLOR = "#7570b3";

    /**
     * The outcome of the three runs.
     *
     * @param engine the SDK's engine
     * @param catalogJob today's 15-minute catalog job
     * @param absolutePush the 5-minute absolute push
     * @param chart the absolute path of the chart written
     */
    public record Outcome(RunResult engine, RunResult catalogJob, RunResult absolutePush, Path chart) {
    }

    private PreorderSyncDemo() {
    }

    /**
     * Runs the demo and prints its report to standard output.
     *
     * @param args optionally, the chart's path
     */
    public static void main(String[] args) {
        // Before any class logs or starts an HTTP server: keep the output to the report, and keep loopback fast.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path chart = args.length > 0 ? Path.of(args[0]) : DEFAULT_CHART;
        run(chart, System.out);
    }

    /**
     * Runs the three approaches on the demo's story, prints the report and writes the chart.
     *
     * @param chart where to write the SVG chart
     * @param out where to print the report
     * @return the three results and the chart's absolute path
     */
    public static Outcome run(Path chart, PrintStream out) {
        Scenario scenario = DemoScenario.create();
        RunOptions options = RunOptions.clean();
        RunResult engine = SimulationRun.run(DemoScenario.SEED, scenario, EngineApproach::new, options);
        RunResult catalog = SimulationRun.run(DemoScenario.SEED, scenario, CatalogSyncJob::new, options);
        RunResult push = SimulationRun.run(DemoScenario.SEED, scenario, AbsolutePushJob::new, options);
        Path written = writeChart(chart, scenario, engine, catalog, push);
        print(out, engine, catalog, push, written);
        return new Outcome(engine, catalog, push, written);
    }

    private static void print(PrintStream out, RunResult engine, RunResult catalog, RunResult push, Path chart) {
        out.println();
        out.println("Preorder Sync demo: an embedded Shopify simulator, virtual time, no credentials");
        out.println();
        DemoScenario.story().forEach(line -> out.println("  " + line));
        out.println();
        out.printf("With Preorder Sync (%d checkout attempts, %d accepted by Shopify):%n", engine.attempts(),
                engine.accepted());
        out.printf("  %-14s %7s %11s %5s %10s %10s %9s%n", "SKU", "supply", "pre-orders", "P", "Shopify",
                "uncovered", "oversold");
        out.printf("  %-14s %7s %11s %5s %10s %10s %9s%n", "", "", "taken", "", "available", "pre-orders",
                "units");
        for (RunResult.SkuRow row : engine.skus()) {
            out.printf("  %-14s %7d %11d %5d %10d %10d %9d%n", row.sku(), row.supply(), row.preOrdersTaken(),
                    row.preorderable(), row.storeAvailable(), row.uncovered(), row.oversold());
        }
        out.println();
        out.println("  supply     = PO units received or on order, less buffers");
        out.println("  pre-orders taken = pre-order units of every channel (Shopify, POS, B2B) the OMS holds");
        out.println("  P          = pre-orderable quantity: on-order units no pre-order holds yet, less buffers (never");
        out.println("               below 0); what may still be pre-ordered");
        out.println("  Shopify available = what the store will still sell at the pre-order location: P less the");
        out.println("               Shopify orders not imported by the OMS yet");
        out.println("  uncovered  = pre-order units no supply covers any more: taken while supply existed, then a PO");
        out.println("               cut or cancellation, or another channel taking the last units while Shopify");
        out.println("               orders were still being imported; reported to the OMS, never dropped");
        out.println("  oversold   = units Shopify accepted beyond what existed at that moment");
        out.println();
        out.println("Oversold units on the same order stream:");
        out.printf("  %-62s %6d%n", "Preorder Sync engine (compare-and-set on on_hand, event-driven)",
                engine.oversold());
        out.printf("  %-62s %6d%n", "Today: catalog list/delist every 15 min, continue-selling, no qty",
                catalog.oversold());
        out.printf("  %-62s %6d%n", "Absolute push of P every 5 min, no compare-and-set", push.oversold());
        out.println();
        out.printf(Locale.ROOT, "Propagation window (PO cut or other-channel sale -> Shopify updated): max %s,"
                + " p99 %s, over %d capacity drops%n", seconds(engine.maxLag()), seconds(engine.p99Lag()),
                engine.lags().size());
        out.println("Chart of true capacity against what each approach let Shopify sell: " + chart);
        out.println();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static Path writeChart(Path chart, Scenario scenario, RunResult engine, RunResult catalog,
                                   RunResult push) {
        Series engineSold = new Series(ENGINE, ENGINE_COLOR, false, points(engine, RunResult.Sample::sold));
        Series catalogSold = new Series(CATALOG, CATALOG_COLOR, false, points(catalog, RunResult.Sample::sold));
        Series pushSold = new Series(PUSH, PUSH_COLOR, false, points(push, RunResult.Sample::sold));
        // The engine's line may end above the capacity only by pre-orders a later supply change left uncovered;
        // this line shows that allowance, so no line crosses capacity without a reason on the chart.
        Series engineAllowance = new Series(ENGINE_ALLOWANCE, ENGINE_COLOR, true,
                points(engine, s -> s.capacity() + s.uncovered()));
        List<Panel> panels = List.of(
                new Panel("Units Shopify accepted, and the true capacity (supply less other channels)", "units",
                        List.of(new Series("true capacity", "#222222", true,
                                points(engine, RunResult.Sample::capacity)), engineAllowance, engineSold,
                                catalogSold, pushSold)),
                new Panel("Units above the capacity: oversold (solid), or uncovered by a later PO change or other channel (dashed)",
                        "units", List.of(
                                new Series(ENGINE + ": oversold", ENGINE_COLOR, false,
                                        points(engine, RunResult.Sample::oversold)),
                                new Series(ENGINE + ": uncovered", ENGINE_COLOR, true,
                                        points(engine, RunResult.Sample::uncovered)),
                                new Series(CATALOG + ": oversold", CATALOG_COLOR, false,
                                        points(catalog, RunResult.Sample::oversold)),
                                new Series(PUSH + ": oversold", PUSH_COLOR, false,
                                        points(push, RunResult.Sample::oversold)))));
        try {
            SvgChart.write(chart, "Pre-orders on Shopify: 5 SKUs, 3 hours, the same order stream three ways",
                    "minutes since launch", panels, markers(scenario));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the chart to " + chart.toAbsolutePath(), e);
        }
        return chart.toAbsolutePath().normalize();
    }

    /**
     * One marker per supply event of the story (and per bulk order on another channel), so that every step of the
     * capacity line has its cause beside it.
     */
    static List<Marker> markers(Scenario scenario) {
        List<Marker> markers = new ArrayList<>();
        for (ScenarioEvent event : scenario.events()) {
            String label = null;
            if (event instanceof ScenarioEvent.SupplyChange change) {
                String po = change.line().poId();
                label = switch (change.kind()) {
                    case NEW -> "new PO " + po;
                    case CUT -> po + " cut";
                    case CANCEL -> po + " cancelled";
                    case ETA_CHANGE -> po + " ETA moved";
                    case RECEIPT -> po + " received";
                    default -> po + " " + change.kind().name().toLowerCase(Locale.ROOT);
                };
            } else if (event instanceof ScenarioEvent.Release release) {
                label = release.sku() + " released";
            } else if (event instanceof ScenarioEvent.OtherChannelOrder order && order.quantity() > 1) {
                // A bulk order on another channel moves the capacity line as a PO cut does.
                label = order.channel().toUpperCase(Locale.ROOT) + " order of " + order.quantity();
            }
            if (label != null) {
                markers.add(new Marker(minutes(event.at()), label));
            }
        }
        return markers;
    }

    private static double minutes(Instant at) {
        return Duration.between(DemoScenario.START, at).toMillis() / 60_000.0;
    }

    private static List<Point> points(RunResult run, ToLongFunction<RunResult.Sample> value) {
        List<Point> points = new ArrayList<>();
        for (RunResult.Sample s : run.samples()) {
            points.add(new Point(minutes(s.at()), value.applyAsLong(s)));
        }
        // Hold the last value to the end of the story so every line spans the whole chart.
        if (!run.samples().isEmpty()) {
            RunResult.Sample last = run.samples().get(run.samples().size() - 1);
            points.add(new Point(DemoScenario.LENGTH.toMinutes(), value.applyAsLong(last)));
        }
        return points;
    }
}
