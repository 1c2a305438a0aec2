package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.internal.ShareSplitter;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.OrderResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rebalancing latency with several stores sharing every pool (issue 11, item 6; target: p99 within 2 s): after a
 * sale in one store is imported by the OMS, the time until the other stores' new, smaller shares reach Shopify.
 *
 * <p>Each store is its own simulator at Standard limits with 100 ms of latency per request, seeded as listed
 * ({@link ListedShop}) with its share of each SKU's P (one PO line of 100-300 units); the engine runs its own loop
 * thread with one Shopify publisher per store, weights 1, and calls the stores at once. The store preflight is
 * off: it checks a SKU's setup before its first listing, not the steady state measured here. The initial resync,
 * the settling after it (a restarted engine holds a store's share back until the other stores' exposures are
 * known, then raises it again) and the refill of every store's cost bucket come before the window.
 *
 * <p>Load, for a fixed window, from one seeded generator on a fixed-rate timer: shoppers' orders of {@code stores}
 * units (the sum of the weights, so every store's share of the SKU drops by exactly one unit), in a store and for a
 * SKU uniform at random, imported by the OMS model ({@link PreorderSync#preOrderTaken}) 300 ms later.
 *
 * <p>Latency, per other store: from the import call to the return of the first publish call to that store that
 * started after the engine's book applied the order ({@code PoolChanged}) and returned APPLIED for the SKU (the
 * definition of {@link SyncLatencyHarness}, through {@link ChangeLatencies}, one per store). The selling store's own
 * update (its share less one, its open orders up by the order: an increase of its {@code on_hand}, which waits
 * until the other stores' decreases are confirmed) is reported beside it. Orders for a SKU with less than ten
 * orders' worth left are not measured (near sell-out a share can stay at 0).
 *
 * <p>Arguments: {@code [windowSeconds=60] [skus=1500] [stores=3] [ordersPerSecond=20] [seed=1] [calls=concurrent]};
 * {@code calls=serial} has the engine call the stores one after the other (a direct executor), for comparison.
 */
public final class RebalanceLatencyHarness {
    private static final long IMPORT_LAG_MILLIS = 300;
    private static final String OTHER = "other stores' new share";
    private static final String SELLER = "selling store's own update";
    private static final LocalDate ETA = LocalDate.now(Clock.systemUTC()).plusDays(60);

    private final int skuCount;
    private final int storeCount;
    private final SplittableRandom random;
    private final long[] ordered;
    private final long[] sold;
    private final String[][] variantIds;
    private final AtomicLong shopOrders = new AtomicLong();
    private final AtomicLong refusedOrders = new AtomicLong();
    private final AtomicLong unmeasured = new AtomicLong();
    private final Map<String, Long> refusedBy = new ConcurrentHashMap<>();

    private RebalanceLatencyHarness(int skuCount, int storeCount, long seed) {
        this.skuCount = skuCount;
        this.storeCount = storeCount;
        this.random = new SplittableRandom(seed);
        this.ordered = new long[skuCount];
        this.sold = new long[skuCount];
        this.variantIds = new String[storeCount][];
    }

    /**
     * Entry point.
     *
     * @param args {@code [windowSeconds] [skus] [stores] [ordersPerSecond] [seed] [concurrent|serial]}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int skus = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int stores = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        boolean serial = args.length > 5 && args[5].equals("serial");
        if (stores < 2) {
            throw new IllegalArgumentException("at least two stores share the pools, was " + stores);
        }
        new RebalanceLatencyHarness(skus, stores, seed).run(Duration.ofSeconds(window), rate, seed, serial);
    }

    private void run(Duration window, int ordersPerSecond, long seed, boolean serial) throws Exception {
        List<ListedShop> shops = new ArrayList<>();
        try {
            for (int s = 0; s < storeCount; s++) {
                shops.add(new ListedShop("store-" + s + ".myshopify.com", false));
            }
            long t0 = System.nanoTime();
            InMemoryPurchaseOrderSource supply = seed(shops);
            System.out.printf("seeded %,d SKUs as listed in %d stores, each with its share of P, in %.1f s%n",
                    skuCount, storeCount, seconds(System.nanoTime() - t0));

            LongSupplier nanoTime = System::nanoTime;
            ChangeLatencies[] latencies = new ChangeLatencies[storeCount];
            TimedPublisher[] publishers = new TimedPublisher[storeCount];
            ShopifyPublisher[] shopify = new ShopifyPublisher[storeCount];
            EngineWatch watch = new EngineWatch();
            PreorderSync.Builder builder = PreorderSync.builder().supply(supply).policy(BookPolicy.defaults())
                    .pollInterval(Duration.ofMillis(200)).reconcileInterval(Duration.ofHours(6));
            if (serial) {
                builder.publishExecutor(Runnable::run);
            }
            for (int s = 0; s < storeCount; s++) {
                latencies[s] = new ChangeLatencies(nanoTime);
                shopify[s] = ShopifyPublisher.builder(shops.get(s).config()).random(new SplittableRandom(seed + s))
                        .build();
                publishers[s] = new TimedPublisher(shopify[s], latencies[s], nanoTime);
                builder.publisher(publishers[s], 1);
            }
            builder.listener(watch).bookListener(event -> {
                for (ChangeLatencies l : latencies) {
                    if (event instanceof BookEvent.PoolChanged changed) {
                        l.poolChanged(changed.sku());
                    } else if (event instanceof BookEvent.PreorderableChanged e) {
                        l.stateChanged(e.sku());
                    }
                }
            });
            try (PreorderSync sync = builder.build()) {
                long r0 = System.nanoTime();
                sync.start();
                watch.resynced.await();
                // A restarted engine first holds each store at what no other store's unknown exposure can overlap,
                // then raises them back: wait until that is done, so the window starts from settled shares.
                while (sync.metrics().pendingPools() > 0) {
                    Thread.sleep(200);
                }
                System.out.printf("initial resync and settling: %.1f s (not measured)%n",
                        seconds(System.nanoTime() - r0));
                for (ListedShop shop : shops) {
                    shop.awaitFullBucket();
                }
                long[] calls0 = new long[storeCount];
                long[] charged0 = new long[storeCount];
                long[] throttled0 = new long[storeCount];
                for (int s = 0; s < storeCount; s++) {
                    calls0[s] = publishers[s].calls();
                    charged0[s] = shops.get(s).shop().pointsCharged();
                    throttled0[s] = shopify[s].throttledResponses();
                }
                long retrying0 = watch.retrying.get();
                ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "load");
                    t.setDaemon(true);
                    return t;
                });
                System.out.println("load average before the window: " + loadAverage());
                for (ChangeLatencies l : latencies) {
                    l.recording(true);
                }
                long w0 = System.nanoTime();
                ScheduledFuture<?> ticks = load.scheduleAtFixedRate(() -> tick(shops, sync, latencies, load), 0,
                        1_000_000 / ordersPerSecond, TimeUnit.MICROSECONDS);
                Thread.sleep(window.toMillis());
                ticks.cancel(false);
                for (ChangeLatencies l : latencies) {
                    l.recording(false);
                }
                double windowSeconds = seconds(System.nanoTime() - w0);
                System.out.println("load average after the window: " + loadAverage());
                // Let the last imports happen and reach Shopify (give up after a minute without progress).
                Thread.sleep(2 * IMPORT_LAG_MILLIS);
                long last = -1;
                for (int idle = 0; unreflected(latencies) > 0 && idle < 120; idle++) {
                    long now = unreflected(latencies);
                    idle = now == last ? idle : 0;
                    last = now;
                    Thread.sleep(500);
                }
                load.shutdownNow();
                System.out.println("publish calls to the stores: " + (serial ? "one after the other" : "at once"));
                System.out.printf("load for %.1f s (asked %d s, %d orders/s): %,d shop orders of %d units imported"
                                + " after %d ms (%,d refused, sold out; %,d near sell-out not measured)%n",
                        windowSeconds, window.toSeconds(), ordersPerSecond, shopOrders.get(), storeCount,
                        IMPORT_LAG_MILLIS, refusedOrders.get(), unmeasured.get());
                System.out.println("refused orders by reason: " + refusedBy);
                for (int s = 0; s < storeCount; s++) {
                    long charged = shops.get(s).shop().pointsCharged() - charged0[s];
                    System.out.printf("store %d: %,d publish calls, %,d points (%.1f points/s), THROTTLED %d%n", s,
                            publishers[s].calls() - calls0[s], charged, charged / windowSeconds,
                            shopify[s].throttledResponses() - throttled0[s]);
                }
                System.out.printf("engine retries %d, rejected %d%n", watch.retrying.get() - retrying0,
                        watch.rejected.get());
                ChangeLatencies.print("sale imported -> " + OTHER + " in Shopify", merged(latencies, OTHER));
                ChangeLatencies.print("sale imported -> " + SELLER + " in Shopify", merged(latencies, SELLER));
                long[] unreflected = new long[storeCount];
                for (int s = 0; s < storeCount; s++) {
                    unreflected[s] = latencies[s].unreflected();
                }
                System.out.println("not reflected at the end, per store: " + Arrays.toString(unreflected));
                System.out.println("engine metrics: " + sync.metrics());
            }
        } finally {
            shops.forEach(ListedShop::close);
        }
    }

    /** Seeds every store with its share of each SKU's P and returns the supply (one PO line per SKU). */
    private InMemoryPurchaseOrderSource seed(List<ListedShop> shops) throws Exception {
        InMemoryPurchaseOrderSource supply = new InMemoryPurchaseOrderSource();
        for (int i = 0; i < skuCount; i++) {
            ordered[i] = 100 + random.nextInt(201);
            supply.put(line(i));
        }
        int[] weights = new int[storeCount];
        Arrays.fill(weights, 1);
        ShareSplitter splitter = new ShareSplitter(weights);
        for (int s = 0; s < storeCount; s++) {
            long[] onHand = new long[skuCount];
            for (int i = 0; i < skuCount; i++) {
                onHand[i] = splitter.share(ordered[i], s);
            }
            variantIds[s] = shops.get(s).seed(onHand, ETA);
        }
        return supply;
    }

    private SupplyLine line(int i) {
        return SupplyLine.open("PO-1/" + i, "PO-1", ListedShop.sku(i), "WH-1", ordered[i], ETA);
    }

    /** One timer tick on the load thread: a shopper's order in a random store, imported 300 ms later. */
    private void tick(List<ListedShop> shops, PreorderSync sync, ChangeLatencies[] latencies,
                      ScheduledExecutorService load) {
        int store = random.nextInt(storeCount);
        int i = random.nextInt(skuCount);
        ListedShop shop = shops.get(store);
        OrderResult placed = shop.shop().orders().placeOrder(variantIds[store][i], storeCount, shop.location().id());
        if (!placed.accepted()) {
            refusedOrders.incrementAndGet();
            refusedBy.merge(placed.reason(), 1L, Long::sum);
            return;
        }
        shopOrders.incrementAndGet();
        boolean measured = ordered[i] - sold[i] >= 10L * storeCount;
        sold[i] += storeCount;
        if (!measured) {
            unmeasured.incrementAndGet();
        }
        Instant at = Instant.now();
        String sku = ListedShop.sku(i);
        String channel = shop.shop().shopDomain();
        load.schedule(() -> {
            for (int s = 0; s < storeCount && measured; s++) {
                latencies[s].called(sku, s == store ? SELLER : OTHER, true);
            }
            sync.preOrderTaken(new PreOrder("S" + store + "-" + placed.orderId(), "1", sku, storeCount, at, channel,
                    PreOrderStatus.OPEN, null, null));
        }, IMPORT_LAG_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static long unreflected(ChangeLatencies[] latencies) {
        long sum = 0;
        for (ChangeLatencies l : latencies) {
            sum += l.unreflected();
        }
        return sum;
    }

    private static long[] merged(ChangeLatencies[] latencies, String kind) {
        long[] all = new long[0];
        for (ChangeLatencies l : latencies) {
            long[] some = l.sortedLatenciesByKind().getOrDefault(kind, new long[0]);
            long[] joined = Arrays.copyOf(all, all.length + some.length);
            System.arraycopy(some, 0, joined, all.length, some.length);
            all = joined;
        }
        Arrays.sort(all);
        return all;
    }

    /** The machine's load averages (1, 5, 15 min) from /proc/loadavg: the machine is shared. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
