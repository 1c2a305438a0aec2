package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long a fresh JVM takes from start to the Shopify adapter's first completed publish (issue 16, item 7).
 *
 * <p>Two processes, so the adapter's class loading is not hidden by the simulator's: {@code serve N} starts a
 * simulator with N unlisted variants and prints its address; {@code publish ENDPOINT SHOP LOCATION SKU} runs in a
 * JVM whose class path is the adapter's runtime class path (plus this class) and times one cold publish, then one
 * warm one.
 * {@code scripts/adapter-footprint.sh} runs both and prints the figures BENCHMARKS.md quotes.
 */
public final class AdapterFirstRequest {
    private static final String TOKEN = "shpat_footprint";
    /** The server stops by itself after this long even if nobody closes its standard input. */
    private static final long SERVE_LIMIT_SECONDS = 600;

    private AdapterFirstRequest() {
    }

    /**
     * Entry point.
     *
     * @param args {@code serve N}, or {@code publish ENDPOINT SHOP_DOMAIN LOCATION_ID SKU}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("serve")) {
            Server.run(Integer.parseInt(args[1]));
        } else if (args.length == 5 && args[0].equals("publish")) {
            Client.run(URI.create(args[1]), args[2], args[3], args[4]);
        } else {
            System.err.println("usage: serve N | publish ENDPOINT SHOP_DOMAIN LOCATION_ID SKU");
            System.exit(2);
        }
    }

    /** The simulator side: it alone touches the testkit, so the client never loads it. */
    private static final class Server {
        static void run(int variants) throws Exception {
            try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).start()) {
                Location location = shop.addLocation("Pre-order");
                String product = shop.addProduct("Footprint", List.of()).id();
                for (int i = 1; i <= variants; i++) {
                    shop.addVariant(product, "SKU-" + i, false, InventoryPolicy.CONTINUE);
                }
                System.out.println(shop.graphqlEndpoint("2026-04").resolve("/") + " " + shop.shopDomain() + " "
                        + location.id());
                System.out.flush();
                Thread reader = new Thread(() -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                        while (in.readLine() != null) {
                            // Runs until the caller closes standard input.
                        }
                    } catch (java.io.IOException e) {
                        // A broken pipe also means the caller is gone.
                    }
                });
                reader.setDaemon(true);
                reader.start();
                reader.join(TimeUnit.SECONDS.toMillis(SERVE_LIMIT_SECONDS));
            }
        }
    }

    /** The adapter side: nothing but the adapter's runtime class path is needed here. */
    private static final class Client {
        static void run(URI endpoint, String shopDomain, String locationId, String sku) {
            long atMain = uptimeMillis();
            long start = System.nanoTime();
            ShopifyPublisher publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                    .shopDomain(shopDomain)
                    .endpoint(endpoint)
                    .accessToken(() -> TOKEN)
                    .defaultLocationId(locationId)
                    .build()).build();
            try (publisher) {
                long built = System.nanoTime();
                PublishOutcome first = publisher.publish(List.of(state(sku, 5))).get(0);
                long firstDone = System.nanoTime();
                // CPU time of the whole process (every thread, JIT and GC included): unlike the wall clock, it
                // hardly moves when other jobs share the cores.
                long cpuAtFirstDone = ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
                int firstRequests = publisher.requestsSent();
                PublishOutcome second = publisher.publish(List.of(state(sku, 6))).get(0);
                long secondDone = System.nanoTime();
                if (first.status() != PublishOutcome.Status.APPLIED
                        || second.status() != PublishOutcome.Status.APPLIED) {
                    throw new IllegalStateException("publish failed: " + first + " / " + second);
                }
                System.out.printf("jvm_to_main_ms=%d build_ms=%d first_publish_ms=%d first_requests=%d"
                                + " jvm_to_first_done_ms=%d cpu_to_first_done_ms=%d second_publish_ms=%d"
                                + " loaded_classes=%d%n",
                        atMain, millis(start, built), millis(built, firstDone), firstRequests,
                        atMain + millis(start, firstDone), cpuAtFirstDone / 1_000_000, millis(firstDone, secondDone),
                        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
            }
        }

        private static DesiredState state(String sku, long sellable) {
            return new DesiredState(sku, null, sellable, 0, true, LocalDate.of(2027, 3, 1), false);
        }

        private static long millis(long fromNanos, long toNanos) {
            return (toNanos - fromNanos) / 1_000_000;
        }

        private static long uptimeMillis() {
            return ManagementFactory.getRuntimeMXBean().getUptime();
        }
    }
}
