package co.hotwax.preorder.examples.wiring;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.cli.csv.CsvSupplySource;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PurchaseOrderSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an OMS wires Preorder Sync: a supply source, a Shopify store, a policy, then the push calls. The README's
 * "Wiring it" section is copied from {@link #start}; {@code ReadmeSnippetsTest} fails when they differ.
 */
public final class WiringExample {
    private static final Logger log = LoggerFactory.getLogger(WiringExample.class);

    private WiringExample() {
    }

    /**
     * Wires and starts the engine, then reports one pre-order taken on another channel.
     *
     * @param receipts a CSV of expected receipts (see {@link CsvSupplySource})
     * @param shopDomain the store, e.g. {@code my-store.myshopify.com}
     * @param endpoint where the store's Admin API is ({@code https://<shopDomain>} for a real store)
     * @param token the Admin API access token, asked for per request
     * @param preorderLocation the gid of the dedicated pre-order location
     * @return the running engine; close it when the OMS shuts down
     */
    public static PreorderSync start(Path receipts, String shopDomain, URI endpoint, Supplier<String> token,
                                     String preorderLocation) {
        PurchaseOrderSource purchaseOrders = CsvSupplySource.builder(receipts).build();
        ShopifyPublisher store = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                .shopDomain(shopDomain)
                .endpoint(endpoint)
                .accessToken(token)
                .defaultLocationId(preorderLocation)
                .build()).build();
        PreorderSync sync = PreorderSync.builder()
                .supply(purchaseOrders)
                .publisher(store)
                .policy(BookPolicy.builder().safetyUnits(2).promiseBufferDays(3).build())
                .listener(event -> log.info("{}", event))
                .build();
        sync.start();
        sync.preOrderTaken(PreOrder.open("SO-1001", "1", "RED-M", 5, Instant.now(), "pos"));
        return sync;
    }
}
