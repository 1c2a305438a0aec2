package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.testkit.CostModel;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.ThrottleStatus;
import co.hotwax.preorder.testkit.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How close the Shopify publisher comes to the throughput Shopify's cost bucket allows, publishing a large catalog
 * into the simulator at a plan's limits (issue 4, item 11).
 *
 * <p>The simulator and the publisher share one {@link VirtualClock}: the publisher's pacing waits move virtual
 * time instead of sleeping, and the simulator's bucket refills by the same clock. So the figure measures the pacing
 * (does the publisher wait exactly as long as the bucket needs, and never get throttled?), not this machine's CPU.
 *
 * <p>The arithmetic: the bucket starts full ({@code B} points) and restores {@code r} points per second. If a phase
 * is charged {@code C} points in total (the simulator counts admitted requested costs minus refunds), no client can
 * finish it in less than {@code (C - B) / r} seconds. Efficiency is {@code min_time / T} for a phase of virtual
 * length {@code T}; the target is at least 90%. Idle time with a full bucket, or waits longer than needed, lower it.
 *
 * <p>Two phases: the first publish of every SKU (resolution, marks and quantity: the listing), then a second
 * publish with new quantities (steady state at a dedicated location: one compare-and-set write per 250 SKUs from the
 * on_hand the publisher remembers, no level read).
 *
 * <p>The simulator's cost model is a choice (issue 13, item 3): {@code first} (the simulator's first model, its
 * default), {@code documented} (Shopify's documented calculation: every object 1, connections sized by
 * {@code first}) and {@code logarithmic} (documented, with connections growing as observed on real stores). Naming
 * several runs them one after the other in one process, each on a fresh simulator and publisher, so that the
 * comparison is side by side.
 *
 * <p>Issue 15: the catalog's shape (variants per product) and how the listing marks are written
 * ({@code grouped}: one {@code productVariantsBulkUpdate} per product and the items activated by one bulk mutation
 * per publish; {@code per-sku}: the marks before issue 15, {@link ShopifyPublisherConfig.Builder#groupedMarks} false
 * and every item activated alone) are options too, and every combination runs in the same
 * process; a table at the end puts the runs side by side. The store preflight's re-check interval is set to its
 * longest (7 days) so that the second phase measures steady-state publishing, not a re-check of every SKU.
 */
public final class PublishThroughputHarness {
    private static final String TOKEN = SimulatedCatalog.TOKEN;

    private PublishThroughputHarness() {
    }

    /**
     * Entry point.
     *
     * @param args optional SKU count (default 100,000), then optional cost models, comma-separated, of
     *             {@code first}, {@code documented}, {@code logarithmic} (default {@code first}), then optional
     *             variants per product, comma-separated (default {@code 10}), then optional marks, comma-separated,
     *             of {@code grouped} and {@code per-sku} (default {@code grouped})
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String models = args.length > 1 ? args[1] : "first";
        String shapes = args.length > 2 ? args[2] : "10";
        String marks = args.length > 3 ? args[3] : "grouped";
        List<String> table = new ArrayList<>();
        for (String model : models.split(",")) {
            for (String shape : shapes.split(",")) {
                for (String mark : marks.split(",")) {
                    table.add(run(skus, model.trim(), Integer.parseInt(shape.trim()), grouped(mark.trim())));
                }
            }
        }
        System.out.println();
        System.out.println("| cost model | variants/product | marks | first publish: requests | points (per SKU)"
                + " | virtual time | second publish: requests | points (per SKU) | virtual time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    private static boolean grouped(String marks) {
        switch (marks) {
            case "grouped":
                return true;
            case "per-sku":
                return false;
            default:
                throw new IllegalArgumentException("unknown marks '" + marks + "': expected grouped or per-sku");
        }
    }

    private static CostModel costModel(String name) {
        switch (name) {
            case "first":
                return CostModel.firstSimulator();
            case "documented":
                return CostModel.documented();
            case "logarithmic":
                return CostModel.observedLogarithmic();
            default:
                throw new IllegalArgumentException("unknown cost model '" + name
                        + "': expected first, documented or logarithmic");
        }
    }

    /** One run on a fresh simulator and publisher; returns its row of the side-by-side table. */
    private static String run(int skus, String model, int perProduct, boolean grouped) throws Exception {
        CostModel cost = costModel(model);
        VirtualClock clock = new VirtualClock(Instant.parse("2026-05-01T10:00:00Z"));
        try (ShopifySimulator shop = SimulatedCatalog.standardShop(clock, cost)) {
            Location location = shop.addLocation("Pre-order");
            List<String> catalog = SimulatedCatalog.seed(shop, skus, perProduct);
            ShopifyPublisher publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                            .shopDomain(shop.shopDomain())
                            .endpoint(shop.graphqlEndpoint("2026-04").resolve("/"))
                            .accessToken(() -> TOKEN)
                            .defaultLocationId(location.id())
                            .plan(ShopifyPlan.STANDARD)
                            .groupedMarks(grouped)
                            // Before issue 15: every item activated alone. After: one bulk mutation per publish.
                            .bulkWriteThreshold(grouped ? ShopifyPublisherConfig.DEFAULT_BULK_WRITE_THRESHOLD
                                    : Integer.MAX_VALUE)
                            // The first publish of 100,000 SKUs takes hours of virtual time; with the default hourly
                            // re-check the second phase would re-check every SKU's setup instead of measuring the
                            // steady-state writes (BENCHMARKS.md, "Under three cost models").
                            .preflightRecheck(Duration.ofDays(7))
                            .build())
                    .clock(clock).sleeper(clock::sleep).random(new SplittableRandom(1)).build();
            try (publisher) {
                String marks = grouped ? "grouped" : "per-sku";
                System.out.printf("cost model %s; marks %s; catalog: %,d SKUs in %,d products of %d variants; Standard"
                        + " plan (bucket %d points, %d points/s)%n", model, marks, catalog.size(),
                        catalog.size() / perProduct, perProduct, 2000, 100);
                String first = phase("first publish (resolve + marks + quantity)", shop, clock, publisher, catalog, 5);
                String second = phase("second publish (new quantities)", shop, clock, publisher, catalog, 7);
                System.out.printf("THROTTLED responses: %d (simulator), %d (publisher)%n", shop.stats().throttled(),
                        publisher.throttledResponses());
                return "| " + model + " | " + perProduct + " | " + marks + " | " + first + " | " + second + " |";
            }
        }
    }

    /** Runs one phase, prints it, and returns its cells for the table: requests, points (per SKU), virtual time. */
    private static String phase(String name, ShopifySimulator shop, VirtualClock clock, ShopifyPublisher publisher,
                              List<String> catalog, long quantity) throws InterruptedException {
        // Let the bucket fill, so every phase starts from the same full bucket the arithmetic assumes.
        clock.advance(Duration.ofSeconds(60));
        ThrottleStatus start = shop.throttleStatus();
        long charged0 = shop.pointsCharged();
        Instant t0 = clock.instant();
        long requests0 = shop.stats().requests();
        Map<String, Long> operations0 = shop.stats().operations();
        long wall0 = System.nanoTime();
        List<DesiredState> states = new ArrayList<>(catalog.size());
        for (String sku : catalog) {
            states.add(new DesiredState(sku, null, quantity, 0, true, LocalDate.of(2026, 9, 1), false));
        }
        // Deferred SKUs (RETRY while the catalog export runs) are sent again, as the engine would, inside the phase.
        EngineLikeSender.Sent sent = EngineLikeSender.send(publisher, clock, states);
        long applied = sent.applied();
        double seconds = Duration.between(t0, clock.instant()).toNanos() / 1e9;
        double charged = shop.pointsCharged() - charged0;
        double minimum = Math.max(0, (charged - start.currentlyAvailable()) / start.restoreRate());
        System.out.printf("%s: %,d of %,d applied (%,d RETRY re-sent), %,d requests, %,.0f points charged (%.2f per"
                + " SKU)%n", name, applied, catalog.size(), sent.retried(), shop.stats().requests() - requests0, charged, charged / catalog.size());
        System.out.printf("  root fields executed: %s%n", operationsSince(operations0, shop.stats().operations()));
        long wallSeconds = (System.nanoTime() - wall0) / 1_000_000_000L;
        String cells = String.format("%,d | %,.0f (%.2f) | %,.0f s", shop.stats().requests() - requests0, charged,
                charged / catalog.size(), seconds);
        if (charged <= start.currentlyAvailable()) {
            // Nothing to pace: the phase fits in the bucket it started with, so there is no efficiency to speak of.
            System.out.printf("  virtual time %,.1f s: the %,.0f points fit in the full bucket (%,.0f), no wait needed;"
                    + " sustained rate at the restore rate alone %,.0f SKUs/s (wall clock %,d s)%n", seconds, charged,
                    start.currentlyAvailable(), catalog.size() * start.restoreRate() / charged, wallSeconds);
            return cells;
        }
        System.out.printf("  virtual time %,.0f s -> %,.1f SKUs/s; the bucket allows at best %,.0f s -> %,.1f SKUs/s;"
                        + " efficiency %.1f%% (wall clock %,d s)%n", seconds, catalog.size() / seconds, minimum,
                catalog.size() / minimum, 100 * minimum / seconds, wallSeconds);
        return cells;
    }

    /** Root fields executed since {@code before}, most frequent first: where a phase's requests went. */
    private static String operationsSince(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((field, count) -> {
            long d = count - before.getOrDefault(field, 0L);
            if (d > 0) {
                delta.put(field, d);
            }
        });
        return delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
