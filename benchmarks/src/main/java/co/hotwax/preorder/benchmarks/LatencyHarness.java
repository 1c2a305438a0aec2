package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.shopify.ShopifyPlan;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPreOrderSource;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.ShopPlan;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.SimulatorStats;
import co.hotwax.preorder.testkit.Variant;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 5 item 8, the latency load harness: a catalog of 10,000 pre-order SKUs on the Shopify simulator (Standard
 * plan, 100 ms added to every request), the engine in threaded mode on the real clock, and a steady load of
 * 50 pre-orders/s and 10 PO events/s pushed by the OMS. It measures, per change, the time from the OMS call to the
 * engine's publisher having applied a state that includes it (Shopify reflects it), and prints p50, p99 and max.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am -DskipTests package && java -cp benchmarks/target/benchmarks.jar
 * co.hotwax.preorder.benchmarks.LatencyHarness [skus] [seconds] [ordersPerSecond] [poEventsPerSecond]}. The initial
 * listing of the catalog (one full resync) is a warm-up reported on its own; latencies are measured after it.
 * A change is timed from the first change of a SKU not yet reflected; later changes of the same SKU coalesce into
 * the same write, so the figures are the worst case per write.
 */
public final class LatencyHarness {
    private static final String TOKEN = "shpat_latency_harness";
    private static final String TAG = "HC:Pre-Order";
    private static final int VARIANTS_PER_PRODUCT = 100;

    private final int skuCount;
    private final Duration duration;
    private final int ordersPerSecond;
    private final int poEventsPerSecond;
    private final Map<String, Long> firstUnreflected = new ConcurrentHashMap<>();
    private final List<Long> latenciesNanos = new ArrayList<>();
    private final CountDownLatch warm = new CountDownLatch(1);
    private final AtomicInteger retriesShown = new AtomicInteger();
    private final AtomicLong resyncTenths = new AtomicLong();

    private LatencyHarness(int skuCount, Duration duration, int ordersPerSecond, int poEventsPerSecond) {
        this.skuCount = skuCount;
        this.duration = duration;
        this.ordersPerSecond = ordersPerSecond;
        this.poEventsPerSecond = poEventsPerSecond;
    }

    /**
     * Runs the harness and prints the figures.
     *
     * @param args optionally: SKUs (10000), seconds of load (60), pre-orders per second (50), PO events per second
     *             (10)
     * @throws Exception when the run is interrupted or the simulator fails
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int poEvents = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        new LatencyHarness(skus, Duration.ofSeconds(seconds), orders, poEvents).run();
    }

    private void run() throws Exception {
        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).plan(ShopPlan.STANDARD)
                .latency(Duration.ofMillis(100)).threads(8).start()) {
            String location = shop.addLocation("Pre-order").id();
            List<String> skus = seedCatalog(shop, location);
            LocalDate eta = LocalDate.now(Clock.systemUTC()).plusDays(60);
            InMemoryPurchaseOrderSource supply = new InMemoryPurchaseOrderSource();
            List<SupplyLine> lines = new ArrayList<>(skus.size());
            for (int i = 0; i < skus.size(); i++) {
                SupplyLine line = SupplyLine.open("PO-" + i + "/1", "PO-" + i, skus.get(i), "WH-1", 1_000, eta);
                lines.add(line);
                supply.put(line);
            }
            URI endpoint = shop.graphqlEndpoint("2026-04");
            ShopifyPublisher publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                    .shopDomain(shop.shopDomain())
                    .endpoint(URI.create(endpoint.getScheme() + "://" + endpoint.getAuthority()))
                    .accessToken(() -> TOKEN)
                    .defaultLocationId(location)
                    .plan(ShopifyPlan.STANDARD)
                    .build()).build();
            try (PreorderSync engine = PreorderSync.builder()
                    .supply(supply)
                    .preOrders(new InMemoryPreOrderSource())
                    .publisher(publisher)
                    .policy(BookPolicy.defaults())
                    .reconcileInterval(Duration.ofHours(6))
                    .listener(this::onEvent)
                    .build()) {
                long t0 = System.nanoTime();
                engine.start();
                if (!warm.await(30, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the initial resync of " + skus.size() + " SKUs took over 30 min");
                }
                double warmSeconds = (System.nanoTime() - t0) / 1e9;
                SimulatorStats before = shop.stats();
                drive(engine, skus, lines);
                long settleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!firstUnreflected.isEmpty() && System.nanoTime() < settleDeadline) {
                    Thread.sleep(50);
                }
                print(warmSeconds, before, shop.stats(), engine.metrics().published());
            }
        }
    }

    /** Products of 100 variants, already marked and stocked at 0, as after a previous listing. */
    private List<String> seedCatalog(ShopifySimulator shop, String location) {
        List<String> skus = new ArrayList<>(skuCount);
        String productId = null;
        for (int i = 0; i < skuCount; i++) {
            if (i % VARIANTS_PER_PRODUCT == 0) {
                productId = shop.addProduct("Product " + (i / VARIANTS_PER_PRODUCT), List.of(TAG)).id();
            }
            String sku = String.format(Locale.ROOT, "SKU-%06d", i);
            Variant v = shop.addVariant(productId, sku, true, InventoryPolicy.DENY);
            shop.stock(v.inventoryItemId(), location, 0);
            skus.add(sku);
        }
        return skus;
    }

    /** The OMS: pre-orders and PO events at fixed rates on the real clock, spread over random SKUs. */
    private void drive(PreorderSync engine, List<String> skus, List<SupplyLine> lines) throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(42);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long orderEvery = TimeUnit.SECONDS.toNanos(1) / Math.max(1, ordersPerSecond);
        long poEvery = TimeUnit.SECONDS.toNanos(1) / Math.max(1, poEventsPerSecond);
        long nextOrder = start;
        long nextPo = start;
        int orderSeq = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            if (now >= nextOrder) {
                String sku = skus.get(rnd.nextInt(skus.size()));
                firstUnreflected.putIfAbsent(sku, now);
                engine.preOrderTaken(PreOrder.open("SO-" + (++orderSeq), "1", sku, 1, Instant.now(), "pos"));
                nextOrder += orderEvery;
            }
            if (now >= nextPo) {
                int i = rnd.nextInt(lines.size());
                SupplyLine line = lines.get(i);
                SupplyLine changed = line.withOrdered(line.ordered() + (rnd.nextBoolean() ? 5 : -5));
                lines.set(i, changed);
                firstUnreflected.putIfAbsent(changed.sku(), now);
                engine.supplyChanged(changed);
                nextPo += poEvery;
            }
            long sleep = Math.min(nextOrder, nextPo) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
    }

    private void onEvent(SyncEvent event) {
        if (event instanceof SyncEvent.ResyncCompleted) {
            warm.countDown();
        } else if (event instanceof SyncEvent.Retrying r && retriesShown.getAndIncrement() < 5) {
            System.out.println("  retrying " + r.key() + " (attempt " + r.attempt() + "): " + r.reason());
        } else if (event instanceof SyncEvent.ResyncProgress p && p.done() * 10 / Math.max(1, p.total())
                > resyncTenths.get()) {
            resyncTenths.set(p.done() * 10 / Math.max(1, p.total()));
            System.out.printf(Locale.ROOT, "  initial listing %d of %d%n", p.done(), p.total());
        } else if (event instanceof SyncEvent.Published p && warm.getCount() == 0) {
            Long since = firstUnreflected.remove(p.key());
            if (since != null) {
                synchronized (latenciesNanos) {
                    latenciesNanos.add(System.nanoTime() - since);
                }
            }
        }
    }

    private void print(double warmSeconds, SimulatorStats before, SimulatorStats after, long published) {
        long[] sorted;
        synchronized (latenciesNanos) {
            sorted = latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(Locale.ROOT, "Latency harness: %d SKUs, Standard plan, 100 ms per request, %d pre-orders/s"
                + " and %d PO events/s for %d s%n", skuCount, ordersPerSecond, poEventsPerSecond,
                duration.toSeconds());
        System.out.printf(Locale.ROOT, "  initial listing (full resync): %.1f s%n", warmSeconds);
        if (sorted.length == 0) {
            System.out.println("  no change was reflected: nothing to report");
            return;
        }
        System.out.printf(Locale.ROOT, "  change -> Shopify reflects: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d"
                + " writes (%d changes still unreflected at the end)%n", millis(sorted, 0.50),
                millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length, firstUnreflected.size());
        System.out.printf(Locale.ROOT, "  store during load: %d requests, %d throttled; states published in total:"
                + " %d%n", after.requests() - before.requests(), after.throttled() - before.throttled(), published);
    }

    private static double millis(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    @Override
    public String toString() {
        return "LatencyHarness" + Arrays.asList(skuCount, duration, ordersPerSecond, poEventsPerSecond);
    }
}
