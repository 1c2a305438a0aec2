package co.hotwax.preorder.examples.hotwax;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.hotwax.HotWaxPreOrderSource;
import co.hotwax.preorder.hotwax.HotWaxPurchaseOrderSource;
import co.hotwax.preorder.hotwax.HotWaxSettings;
import co.hotwax.preorder.hotwax.HotWaxStockSource;
import co.hotwax.preorder.hotwax.SkuMapping;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * How HotWax OMS embeds Preorder Sync: the three sources over the OMS's own tables, one Shopify store publishing to
 * the dedicated pre-order location, started with the OMS. The README's "Embedding in HotWax OMS" sample is copied
 * from {@link #start}.
 */
public final class HotWaxExample {
    private static final Logger log = LoggerFactory.getLogger(HotWaxExample.class);

    private HotWaxExample() {
    }

    /**
     * Wires and starts the engine over an OMS database.
     *
     * @param oms the OMS's DataSource (its connection pool)
     * @param productStoreId the HotWax product store of the Shopify shop
     * @param shopDomain the shop, e.g. {@code my-store.myshopify.com}
     * @param endpoint where the shop's Admin API is ({@code https://<shopDomain>} for a real shop)
     * @param token the Admin API access token, asked for per request
     * @param preorderLocation the gid of the dedicated pre-order location
     * @param pollInterval how often the feeds are read for changes
     * @return the running engine; close it when the OMS shuts down
     */
    public static PreorderSync start(DataSource oms, String productStoreId, String shopDomain, URI endpoint,
                                     Supplier<String> token, String preorderLocation, Duration pollInterval) {
        HotWaxSettings settings = HotWaxSettings.builder()
                .skuMapping(SkuMapping.identification("SKU"))
                .channelNames(Map.of(productStoreId, shopDomain))
                .errorListener(error -> log.warn("Skipped an OMS row: {}", error.message()))
                .build();
        ShopifyPublisher store = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                .shopDomain(shopDomain)
                .endpoint(endpoint)
                .accessToken(token)
                .defaultLocationId(preorderLocation)
                .build()).build();
        PreorderSync sync = PreorderSync.builder()
                .supply(new HotWaxPurchaseOrderSource(oms, settings))
                .preOrders(new HotWaxPreOrderSource(oms, settings))
                .stock(new HotWaxStockSource(oms, settings))
                .publisher(store)
                .policy(BookPolicy.builder().promiseBufferDays(3).build())
                .pollInterval(pollInterval)
                .listener(event -> log.info("{}", event))
                .build();
        sync.start();
        return sync;
    }
}
