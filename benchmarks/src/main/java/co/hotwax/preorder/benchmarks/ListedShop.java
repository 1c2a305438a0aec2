package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.shopify.internal.GraphQlResponse;
import co.hotwax.preorder.shopify.internal.GraphQlTransport;
import co.hotwax.preorder.shopify.internal.PreorderMetafield;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.MetafieldEntry;
import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.spi.Sleeper;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.ShopifySimulator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated store for the real-time latency harnesses: a simulator at Standard limits with 100 ms of latency on
 * every request and one pre-order location, a publisher configuration for it, and a catalog seeded as the engine
 * would leave it listed (tracked, DENY, stocked at the location, the pre-order metafield and the product tag), since
 * listing thousands of SKUs from scratch takes most of an hour at Standard limits and is not what they measure.
 */
final class ListedShop implements AutoCloseable {
    /** SKUs per product; SKUs are named {@code SKU-<product>-<variant>}. */
    static final int PER_PRODUCT = 10;
    private static final String TOKEN = "shpat_latency_benchmark";

    private final ShopifySimulator shop;
    private final Location location;
    private final ShopifyPublisherConfig config;

    /**
     * Starts the simulator.
     *
     * @param shopDomain its domain, the engine's channel id for it
     * @param preflight whether the publisher runs the store preflight before a SKU's first listing
     */
    ListedShop(String shopDomain, boolean preflight) {
        this.shop = ShopifySimulator.builder().accessToken(TOKEN).shopDomain(shopDomain).plan(ShopifyPlan.STANDARD)
                .latency(Duration.ofMillis(100)).start();
        this.location = shop.addLocation("Pre-order");
        this.config = ShopifyPublisherConfig.builder()
                .shopDomain(shop.shopDomain())
                .endpoint(shop.graphqlEndpoint("2026-04").resolve("/"))
                .accessToken(() -> TOKEN)
                .defaultLocationId(location.id())
                .plan(ShopifyPlan.STANDARD)
                .preflight(preflight)
                // The simulator builds a bulk query's whole result while answering bulkOperationRunQuery: at 100,000
                // SKUs on a busy machine that exceeds the default 30 s, and a start retried after a timeout finds its
                // own operation running (as in RestartResyncHarness).
                .timeouts(Duration.ofSeconds(10), Duration.ofMinutes(10))
                .build();
    }

    ShopifySimulator shop() {
        return shop;
    }

    Location location() {
        return location;
    }

    ShopifyPublisherConfig config() {
        return config;
    }

    /**
     * Seeds the catalog as listed.
     *
     * @param onHand per SKU its {@code on_hand} at the location (the units the engine would publish)
     * @param eta the listed promise date, in the metafield
     * @return per SKU its variant id, in the same order; SKU {@code i} is {@link #sku(int)}
     * @throws IOException when a metafield request fails
     * @throws InterruptedException when interrupted while waiting for the cost bucket
     */
    String[] seed(long[] onHand, LocalDate eta) throws IOException, InterruptedException {
        String value = new PreorderMetafield(new ObjectMapper(), Clock.systemUTC()).value(true, eta);
        String[] variantIds = new String[onHand.length];
        List<MetafieldEntry> entries = new ArrayList<>(onHand.length);
        for (int p = 0; p * PER_PRODUCT < onHand.length; p++) {
            Product product = shop.addProduct("Product " + p, List.of(config.productTag()));
            for (int v = 0; v < PER_PRODUCT && p * PER_PRODUCT + v < onHand.length; v++) {
                int i = p * PER_PRODUCT + v;
                variantIds[i] = shop.addVariant(product.id(), sku(i), true, InventoryPolicy.DENY).id();
                shop.stock(variantIds[i], location.id(), (int) onHand[i]);
                entries.add(new MetafieldEntry(variantIds[i], value));
            }
        }
        setMetafields(shop, config, TOKEN, entries, Sleeper.system());
        return variantIds;
    }

    /**
     * Sets metafields over the simulator's API (it has no back door for them), 25 per call, waiting a second for
     * the bucket whenever a call is throttled.
     *
     * @param shop the simulator
     * @param config the publisher configuration (metafield namespace and key)
     * @param token the simulator's access token
     * @param entries the metafields
     * @param wait how a second is waited (the real or a virtual clock)
     * @throws IOException when a request fails
     * @throws InterruptedException when interrupted
     */
    static void setMetafields(ShopifySimulator shop, ShopifyPublisherConfig config, String token,
            List<MetafieldEntry> entries, Sleeper wait) throws IOException, InterruptedException {
        ShopifyDocuments documents = new ShopifyDocuments(config.metafieldNamespace(), config.metafieldKey());
        GraphQlTransport transport = new GraphQlTransport(HttpClient.newHttpClient(), shop.graphqlEndpoint("2026-04"),
                () -> token, Duration.ofSeconds(30), new ObjectMapper());
        for (int from = 0; from < entries.size(); from += 25) {
            String document = documents.metafieldsSet(entries.subList(from, Math.min(entries.size(), from + 25)));
            GraphQlResponse response = transport.post(document);
            while (response.throttled() || response.httpStatus() != 200) {
                wait.sleep(Duration.ofSeconds(1));
                response = transport.post(document);
            }
        }
    }

    /**
     * Waits until the cost bucket is full again (after the engine's initial resync drained it).
     *
     * @throws InterruptedException when interrupted
     */
    void awaitFullBucket() throws InterruptedException {
        while (shop.throttleStatus().currentlyAvailable() < shop.throttleStatus().maximumAvailable() - 1) {
            Thread.sleep(200);
        }
    }

    /**
     * The SKU seeded at an index.
     *
     * @param i the index
     * @return {@code SKU-<i / 10>-<i % 10>}
     */
    static String sku(int i) {
        return "SKU-" + i / PER_PRODUCT + "-" + i % PER_PRODUCT;
    }

    @Override
    public void close() {
        shop.close();
    }
}
