package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.OrderResult;
import co.hotwax.preorder.testkit.ShopifySimulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Time from a change in the OMS to Shopify reflecting it, at 50 pre-orders/s and 10 PO events/s over 10,000
 * pre-order SKUs, at Shopify's Standard plan limits with 100 ms of simulated latency per request (issue 5, item 8;
 * target: p99 within 2 s).
 *
 * <p>Real time and real threads throughout: the simulator sleeps its latency on the system clock, the Shopify
 * publisher paces on the system clock, and the engine runs its own loop thread ({@link PreorderSync#start()}).
 *
 * <p>Setup: every SKU is seeded in the simulator as the engine would leave it (tracked, DENY, stocked at the
 * pre-order location with on_hand equal to its P, the pre-order metafield and the product tag present): listing
 * 10,000 SKUs from scratch costs about 27 points each, 45 minutes at Standard limits. The engine then starts and its
 * initial resync (reads every SKU, writes nothing if the seeding is right) completes, and the cost bucket the resync
 * drained refills (this load spends less than the restore rate, so the bucket is full in steady state), before
 * anything is measured.
 *
 * <p>Load, for a fixed window, scheduled on a fixed-rate timer from one seeded generator, SKUs uniform at random:
 * every 20 ms one pre-order: 80% are shoppers' orders placed in the simulator and imported by the OMS model
 * ({@link PreorderSync#preOrderTaken}, channel = the shop) 300 ms later; 20% are other channels' pre-orders taken
 * directly. Every 100 ms one PO event ({@link PreorderSync#supplyChanged}): an increase (50%), a cut (25%) or a
 * receipt (25%) on the SKU's line.
 *
 * <p>Latency of a change: from the OMS call to the return of the first publish call that started after the
 * engine's book applied the change ({@code PoolChanged} for its SKU, on the loop thread) and returned APPLIED for the
 * SKU. The engine computes desired states at publish time, so that call carries the change. A change that left the
 * store as it was (an imported shop order: P - 1 and openOrders + 1, same on_hand) is reflected when that call
 * returns, since the call checked it. A change that left even the desired state as it was (the book reported no
 * new P, listing or promise date for the SKU, and it was not this shop's order: e.g. a receipt of units pre-orders
 * already hold) is never published by the engine; it is reflected when the book applied it. Only calls made in the window are measured; after it the harness waits for
 * them to be reflected and reports any that were not.
 *
 * <p>With mode {@code resync} the load starts with the engine instead: the window is the engine's initial resync
 * (a restart of a listed catalog: every SKU resolved, checked and read again, through the bulk export above the
 * publisher's threshold), measured until the resync completes or the window ends, whichever is first; the bucket is
 * not waited for. It shows what a change waits for while a resync runs in the background.
 *
 * <p>Mode {@code resync-backoff} is {@code resync} with every RETRY handed to the engine without the publisher's
 * retry-after ({@link co.hotwax.preorder.spi.PublishOutcome#retryAfter()}), so the engine's doubling back-off
 * decides when a state deferred while the export runs is sent again, as before publishers could say; mode
 * {@code resync-compare} runs {@code resync-backoff} and then {@code resync} in one process, each on a fresh
 * simulator with the same seed, for a before/after side by side.
 *
 * <p>Arguments: {@code [windowSeconds=120] [skus=10000] [seed=1]
 * [mode=steady|resync|resync-backoff|resync-compare]}.
 */
public final class SyncLatencyHarness {
    private static final long TICK_MILLIS = 20;
    private static final int TICKS_PER_PO_EVENT = 5;
    private static final long IMPORT_LAG_MILLIS = 300;
    private static final LocalDate ETA = LocalDate.now(Clock.systemUTC()).plusDays(60);

    private final int skuCount;
    private final SplittableRandom random;
    private final String[] skus;
    private final String[] variantIds;
    private final long[] ordered;
    private final long[] received;
    private final long[] cancelled;
    private final AtomicLong shopOrders = new AtomicLong();
    private final AtomicLong refusedOrders = new AtomicLong();
    private final AtomicLong otherOrders = new AtomicLong();
    private final AtomicLong poEvents = new AtomicLong();

    private SyncLatencyHarness(int skuCount, long seed) {
        this.skuCount = skuCount;
        this.random = new SplittableRandom(seed);
        this.skus = new String[skuCount];
        this.variantIds = new String[skuCount];
        this.ordered = new long[skuCount];
        this.received = new long[skuCount];
        this.cancelled = new long[skuCount];
    }

    /**
     * Entry point.
     *
     * @param args {@code [windowSeconds] [skus] [seed] [mode]}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int skus = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        String mode = args.length > 3 ? args[3] : "steady";
        if (mode.equals("resync-compare")) {
            System.out.println("=== before: RETRY without retry-after (the engine's back-off decides) ===");
            new SyncLatencyHarness(skus, seed).run(Duration.ofSeconds(window), seed, true, true);
            System.out.println("=== after: RETRY with the publisher's retry-after (the export's next poll) ===");
            new SyncLatencyHarness(skus, seed).run(Duration.ofSeconds(window), seed, true, false);
        } else {
            new SyncLatencyHarness(skus, seed).run(Duration.ofSeconds(window), seed, mode.startsWith("resync"),
                    mode.equals("resync-backoff"));
        }
    }

    private void run(Duration window, long seed, boolean duringResync, boolean dropRetryAfter) throws Exception {
        try (ListedShop listed = new ListedShop("sim-shop.myshopify.com", true)) {
            ShopifySimulator shop = listed.shop();
            Location location = listed.location();
            ShopifyPublisherConfig config = listed.config();
            InMemoryPurchaseOrderSource supply = new InMemoryPurchaseOrderSource();
            long t0 = System.nanoTime();
            seed(listed, supply);
            System.out.printf("seeded %,d SKUs as listed (tracked, DENY, on_hand = P, metafield, tag) in %.1f s%n",
                    skuCount, seconds(System.nanoTime() - t0));

            LongSupplier nanoTime = System::nanoTime;
            ChangeLatencies latencies = new ChangeLatencies(nanoTime);
            ShopifyPublisher shopify = ShopifyPublisher.builder(config).random(new SplittableRandom(seed)).build();
            TimedPublisher publisher = new TimedPublisher(shopify, latencies, nanoTime, dropRetryAfter,
                    shop::pointsCharged);
            EngineWatch watch = new EngineWatch();
            PreorderSync sync = PreorderSync.builder()
                    .supply(supply)
                    .publisher(publisher)
                    .policy(BookPolicy.defaults())
                    .pollInterval(Duration.ofMillis(200))
                    .reconcileInterval(Duration.ofHours(6))
                    .listener(watch)
                    .bookListener(event -> {
                        if (event instanceof BookEvent.PoolChanged changed) {
                            latencies.poolChanged(changed.sku());
                        } else if (event instanceof BookEvent.PreorderableChanged e) {
                            latencies.stateChanged(e.sku());
                        } else if (event instanceof BookEvent.Listed e) {
                            latencies.stateChanged(e.sku());
                        } else if (event instanceof BookEvent.Delisted e) {
                            latencies.stateChanged(e.sku());
                        } else if (event instanceof BookEvent.NextPromiseDateChanged e) {
                            latencies.stateChanged(e.sku());
                        }
                    })
                    .build();
            try (sync) {
                long r0 = System.nanoTime();
                long resyncCharged0 = shop.pointsCharged();
                if (duringResync) {
                    System.out.printf("load starts with the engine: measuring while its initial resync of %,d SKUs "
                            + "runs%n", skuCount);
                } else {
                    sync.start();
                    watch.resynced.await();
                    System.out.printf("initial resync of %,d SKUs: %.1f s, %,d publish calls, %,d SKUs written (0 = "
                            + "seeding matched), %,d points, THROTTLED so far %d, bulk queries %d%n", skuCount,
                            seconds(System.nanoTime() - r0), publisher.calls(), watch.writesInResync.get(),
                            shop.pointsCharged() - resyncCharged0, shopify.throttledResponses(), shop.bulk().created());

                    // The resync drained the bucket; steady state at this load spends less than the restore rate, so
                    // the bucket is full in steady state: measure from there, not from the start-up transient.
                    long b0 = System.nanoTime();
                    listed.awaitFullBucket();
                    System.out.printf("waited %.1f s for the bucket to refill before measuring%n",
                            seconds(System.nanoTime() - b0));
                }
                long calls0 = publisher.calls();
                long states0 = publisher.states();
                long requests0 = shopify.requestsSent();
                long charged0 = shop.pointsCharged();
                long throttled0 = shopify.throttledResponses();
                long retrying0 = watch.retrying.get();
                ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "load");
                    t.setDaemon(true);
                    return t;
                });
                latencies.recording(true);
                long w0 = System.nanoTime();
                AtomicLong tick = new AtomicLong();
                if (duringResync) {
                    sync.start();
                }
                ScheduledFuture<?> ticks = load.scheduleAtFixedRate(
                        () -> tick(tick.getAndIncrement(), shop, location, sync, latencies, load),
                        0, TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (duringResync) {
                    boolean done = watch.resynced.await(window.toMillis(), TimeUnit.MILLISECONDS);
                    System.out.printf("initial resync %s after %.1f s: %,d points, bulk queries %d, %,d SKUs written;"
                            + " last RETRY answered %.1f s after the start, %,d points charged until then%n",
                            done ? "completed" : "still running", seconds(System.nanoTime() - r0),
                            shop.pointsCharged() - resyncCharged0, shop.bulk().created(), watch.writesInResync.get(),
                            publisher.lastRetryAt() < 0 ? 0 : seconds(publisher.lastRetryAt() - r0),
                            publisher.pointsAtLastRetry() - resyncCharged0);
                } else {
                    Thread.sleep(window.toMillis());
                }
                ticks.cancel(false);
                latencies.recording(false);
                double windowSeconds = seconds(System.nanoTime() - w0);
                // Let the last changes reach Shopify (give up after a minute without progress).
                long last = -1;
                for (int idle = 0; latencies.unreflected() > 0 && idle < 120; idle++) {
                    long now = latencies.unreflected();
                    idle = now == last ? idle : 0;
                    last = now;
                    Thread.sleep(500);
                }
                load.shutdownNow();
                report(window, windowSeconds, latencies, shop, shopify, publisher.calls() - calls0,
                        publisher.states() - states0, shopify.requestsSent() - requests0,
                        shop.pointsCharged() - charged0, shopify.throttledResponses() - throttled0,
                        watch.retrying.get() - retrying0, watch.rejected.get());
                System.out.println("engine metrics: " + sync.metrics());
            }
        }
    }

    private void seed(ListedShop listed, InMemoryPurchaseOrderSource supply) throws Exception {
        for (int i = 0; i < skuCount; i++) {
            skus[i] = ListedShop.sku(i);
            ordered[i] = 100 + random.nextInt(201);
        }
        // With no pre-orders yet and no buffer, P is the units still on order.
        String[] ids = listed.seed(ordered, ETA);
        System.arraycopy(ids, 0, variantIds, 0, skuCount);
        for (int i = 0; i < skuCount; i++) {
            supply.put(line(i));
        }
    }

    private SupplyLine line(int i) {
        return new SupplyLine("PO-1/" + i, "PO-1", skus[i], "WH-1", ordered[i], received[i], cancelled[i], ETA,
                SupplyStatus.OPEN, 0);
    }

    /** One timer tick on the load thread: a pre-order, and every fifth tick a PO event. */
    private void tick(long n, ShopifySimulator shop, Location location, PreorderSync sync, ChangeLatencies latencies,
                      ScheduledExecutorService load) {
        int i = random.nextInt(skuCount);
        if (random.nextInt(100) < 80) {
            OrderResult placed = shop.orders().placeOrder(variantIds[i], 1, location.id());
            if (placed.accepted()) {
                shopOrders.incrementAndGet();
                Instant at = Instant.now();
                String channel = shop.shopDomain();
                load.schedule(() -> {
                    latencies.called(skus[i], "shop order import", true);
                    sync.preOrderTaken(new PreOrder(placed.orderId(), "1", skus[i], 1, at, channel, PreOrderStatus.OPEN,
                            null, null));
                }, IMPORT_LAG_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                refusedOrders.incrementAndGet();
            }
        } else {
            otherOrders.incrementAndGet();
            latencies.called(skus[i], "other-channel pre-order", false);
            sync.preOrderTaken(new PreOrder("POS-" + n, "1", skus[i], 1, Instant.now(), "pos", PreOrderStatus.OPEN,
                    null, null));
        }
        if (n % TICKS_PER_PO_EVENT == 0) {
            poEvent(random.nextInt(skuCount), sync, latencies);
        }
    }

    private void poEvent(int i, PreorderSync sync, ChangeLatencies latencies) {
        long open = ordered[i] - received[i] - cancelled[i];
        int draw = random.nextInt(4);
        long units = 1 + random.nextInt(5);
        String kind;
        if (draw == 0 && open > 0) {
            cancelled[i] += Math.min(units, open);
            kind = "PO cut";
        } else if (draw == 1 && open > 0) {
            received[i] += Math.min(units, open);
            kind = "PO receipt";
        } else {
            ordered[i] += 1 + random.nextInt(10);
            kind = "PO increase";
        }
        poEvents.incrementAndGet();
        latencies.called(skus[i], kind, false);
        sync.supplyChanged(line(i));
    }

    private void report(Duration window, double windowSeconds, ChangeLatencies latencies, ShopifySimulator shop,
                        ShopifyPublisher shopify, long calls, long states, long requests, long charged, long throttled,
                        long retrying, long rejected) {
        long[] sorted = latencies.sortedLatencies();
        System.out.printf("load for %.1f s (asked %d s): %,d shop orders imported after %d ms (%,d refused, sold out),"
                        + " %,d other-channel pre-orders, %,d PO events%n", windowSeconds, window.toSeconds(),
                shopOrders.get(), IMPORT_LAG_MILLIS, refusedOrders.get(), otherOrders.get(), poEvents.get());
        System.out.printf("publisher: %,d publish calls, %,d states, %,d HTTP requests, %,d points charged"
                        + " (%.1f points/s), THROTTLED %d (simulator total %d), engine retries %d, rejected %d%n",
                calls, states, requests, charged, charged / windowSeconds, throttled, shop.stats().throttled(), retrying,
                rejected);
        ChangeLatencies.print("change -> Shopify latency", sorted);
        latencies.sortedLatenciesByKind().forEach((kind, values) -> ChangeLatencies.print("  " + kind, values));
        // E.g. a receipt of units pre-orders already hold: on order -k, held beyond received -k, P unchanged.
        System.out.printf("of which %,d left the desired state as it was (reflected when the book applied them);"
                + " not reflected: %,d %s (never applied by the book: %,d)%n", latencies.unchanged(),
                latencies.unreflected(), latencies.unreflectedByKind(), latencies.neverEntered());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
