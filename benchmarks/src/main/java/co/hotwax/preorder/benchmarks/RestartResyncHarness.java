package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.shopify.internal.PreorderMetafield;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.MetafieldEntry;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.VirtualClock;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Bucket points and virtual time of a restart resync (a publisher with an empty cache publishing every listed SKU
 * again, 250 states a call as the engine does, store preflight on as by default) with per-request reads and with
 * the bulk export, side by side on one simulator at Standard limits (issue 15, item 4, restart part).
 *
 * <p>The catalog is seeded as the engine leaves it listed (tracked, DENY, stocked at the pre-order location with
 * on_hand 5, the pre-order metafield and the product tag; metafields over the simulator's API), so the resyncs write
 * nothing and measure the reads. Each resync starts from a bucket refilled by 60 virtual seconds. Bulk timing in the
 * simulator is {@link co.hotwax.preorder.testkit.BulkBehaviour#defaults()}: an assumption (1 s queued, 1,000
 * objects/s), since Shopify publishes none. A state answered RETRY (deferred while the export is on its way) is
 * sent again after the engine's default back-off, so a resync ends when every state was applied.
 */
public final class RestartResyncHarness {
    private static final String TOKEN = SimulatedCatalog.TOKEN;
    private static final int PER_PRODUCT = 10;
    private static final LocalDate ETA = LocalDate.of(2026, 9, 1);

    private RestartResyncHarness() {
    }

    /**
     * Entry point.
     *
     * @param args optional SKU count (default 100,000), then optionally {@code after} to run the bulk resync alone
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // "after" alone is quicker to run when only the bulk side changed.
        boolean afterOnly = args.length > 1 && args[1].equals("after");
        VirtualClock clock = new VirtualClock(Instant.parse("2026-05-01T10:00:00Z"));
        try (ShopifySimulator shop = SimulatedCatalog.standardShop(clock)) {
            Location location = shop.addLocation("Pre-order");
            long seeding = System.nanoTime();
            List<DesiredState> states = seedListed(shop, clock, location, skus);
            System.out.printf("catalog: %,d SKUs in %,d products, seeded as listed in %.0f s; Standard plan (bucket "
                    + "2000 points, 100 points/s)%n", states.size(), states.size() / PER_PRODUCT,
                    (System.nanoTime() - seeding) / 1e9);
            Result before = afterOnly ? null
                    : run("before: per-request reads", shop, clock, location, Integer.MAX_VALUE, states);
            Result after = run("after: bulk export (threshold 1,000)", shop, clock, location, 1_000, states);
            if (before != null) {
                System.out.printf("after / before: %.2f%% of the points, %.2f%% of the virtual time%n",
                        100.0 * after.points / before.points, 100.0 * after.seconds / before.seconds);
            }
        }
    }

    /** Seeds the catalog as listed: products tagged, variants tracked and DENY, stocked, metafield active. */
    private static List<DesiredState> seedListed(ShopifySimulator shop, VirtualClock clock, Location location, int skus)
            throws Exception {
        ShopifyPublisherConfig config = config(shop, location, Integer.MAX_VALUE);
        String value = new PreorderMetafield(new ObjectMapper(), clock).value(true, ETA);
        List<DesiredState> states = new ArrayList<>(skus);
        List<MetafieldEntry> metafields = new ArrayList<>(skus);
        for (int p = 0; p < skus / PER_PRODUCT; p++) {
            Product product = shop.addProduct("Product " + p, List.of(config.productTag()));
            for (int v = 0; v < PER_PRODUCT; v++) {
                String sku = "SKU-" + p + "-" + v;
                String variant = shop.addVariant(product.id(), sku, true, InventoryPolicy.DENY).id();
                shop.stock(variant, location.id(), 5);
                metafields.add(new MetafieldEntry(variant, value));
                states.add(new DesiredState(sku, null, 5, 0, true, ETA, false));
            }
        }
        ListedShop.setMetafields(shop, config, TOKEN, metafields, clock::advance);
        return states;
    }

    private static ShopifyPublisherConfig config(ShopifySimulator shop, Location location, int threshold) {
        return ShopifyPublisherConfig.builder().shopDomain(shop.shopDomain())
                .endpoint(shop.graphqlEndpoint("2026-04").resolve("/")).accessToken(() -> TOKEN)
                .defaultLocationId(location.id()).plan(ShopifyPlan.STANDARD).bulkReadThreshold(threshold)
                // The simulator builds a bulk query's whole result while answering bulkOperationRunQuery (Shopify
                // answers at once and reads in the background): 100,000 variants take longer than 30 s on a busy
                // machine, and a start retried after a timeout would find its own operation running.
                .timeouts(Duration.ofSeconds(10), Duration.ofMinutes(10)).build();
    }

    private record Result(long points, double seconds) {
    }

    private static Result run(String name, ShopifySimulator shop, VirtualClock clock, Location location, int threshold,
            List<DesiredState> states) {
        clock.advance(Duration.ofSeconds(60));
        long charged0 = shop.pointsCharged();
        Map<String, Long> operations0 = shop.stats().operations();
        long requests0 = shop.stats().requests();
        int exports0 = shop.bulk().created();
        Instant t0 = clock.instant();
        EngineLikeSender.Sent sent;
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(config(shop, location, threshold))
                .clock(clock).sleeper(clock::sleep).random(new SplittableRandom(1)).build()) {
            sent = EngineLikeSender.send(publisher, clock, states);
        }
        long charged = shop.pointsCharged() - charged0;
        double seconds = Duration.between(t0, clock.instant()).toMillis() / 1e3;
        System.out.printf("%s: %,d of %,d applied (%,d wrote), %,d publish calls, %,d RETRY re-sent, %,d requests, "
                        + "%,d points (%.3f per SKU), virtual time %,.0f s, bulk queries %d%n", name, sent.applied(),
                states.size(), sent.wrote(), sent.calls(), sent.retried(),
                shop.stats().requests() - requests0, charged, (double) charged / states.size(), seconds,
                shop.bulk().created() - exports0);
        Map<String, Long> byOperation = new TreeMap<>();
        shop.stats().operations().forEach((field, n) -> {
            long delta = n - operations0.getOrDefault(field, 0L);
            if (delta > 0) {
                byOperation.put(field, delta);
            }
        });
        System.out.println("  root fields executed: " + byOperation);
        return new Result(charged, seconds);
    }
}
