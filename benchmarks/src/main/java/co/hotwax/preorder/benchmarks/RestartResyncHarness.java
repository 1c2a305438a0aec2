package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bucket points and virtual time of a restart resync (a publisher with an empty cache publishing every listed SKU
 * again, 250 states a call as the engine does) with per-request SKU searches and with the bulk export, side by side
 * on one simulator at Standard limits (issue 15, item 4, restart part).
 *
 * <p>The catalog is listed once first (not measured). Each resync then starts from a bucket refilled by 60 virtual
 * seconds. Bulk timing in the simulator is {@link co.hotwax.preorder.testkit.BulkBehaviour#defaults()}: an
 * assumption (1 s queued, 1,000 objects/s), since Shopify publishes none.
 */
public final class RestartResyncHarness {
    private static final String TOKEN = SimulatedCatalog.TOKEN;
    private static final int PER_PRODUCT = 10;

    private RestartResyncHarness() {
    }

    /**
     * Entry point.
     *
     * @param args optional SKU count (default 100,000)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        VirtualClock clock = new VirtualClock(Instant.parse("2026-05-01T10:00:00Z"));
        try (ShopifySimulator shop = SimulatedCatalog.standardShop(clock)) {
            Location location = shop.addLocation("Pre-order");
            List<DesiredState> states = new ArrayList<>(skus);
            for (String sku : SimulatedCatalog.seed(shop, skus, PER_PRODUCT)) {
                states.add(new DesiredState(sku, null, 5, 0, true, LocalDate.of(2026, 9, 1), false));
            }
            System.out.printf("catalog: %,d SKUs in %,d products; Standard plan (bucket 2000 points, 100 points/s)%n",
                    states.size(), states.size() / PER_PRODUCT);
            run("listing (not measured)", shop, clock, location, 1_000, states);
            run("restart resync, before (per-request searches)", shop, clock, location, Integer.MAX_VALUE, states);
            run("restart resync, after (bulk export above 1,000 SKUs)", shop, clock, location, 1_000, states);
        }
    }

    private static void run(String name, ShopifySimulator shop, VirtualClock clock, Location location, int threshold,
            List<DesiredState> states) {
        clock.advance(Duration.ofSeconds(60));
        long charged0 = shop.pointsCharged();
        long requests0 = shop.stats().requests();
        Instant t0 = clock.instant();
        long applied = 0;
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                        .shopDomain(shop.shopDomain()).endpoint(shop.graphqlEndpoint("2026-04").resolve("/"))
                        .accessToken(() -> TOKEN).defaultLocationId(location.id()).plan(ShopifyPlan.STANDARD)
                        .bulkReadThreshold(threshold).build())
                .clock(clock).sleeper(clock::sleep).random(new SplittableRandom(1)).build()) {
            for (int from = 0; from < states.size(); from += 250) {
                for (PublishOutcome o : publisher.publish(states.subList(from, Math.min(states.size(), from + 250)))) {
                    applied += o.status() == PublishOutcome.Status.APPLIED ? 1 : 0;
                }
            }
        }
        long charged = shop.pointsCharged() - charged0;
        System.out.printf("%s: %,d of %,d applied, %,d requests, %,d points (%.3f per SKU), virtual time %,.0f s%n",
                name, applied, states.size(), shop.stats().requests() - requests0, charged,
                (double) charged / states.size(), Duration.between(t0, clock.instant()).toMillis() / 1e3);
    }
}
