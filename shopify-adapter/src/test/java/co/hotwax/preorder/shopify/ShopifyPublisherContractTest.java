package co.hotwax.preorder.shopify;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.tck.ChannelProbe;
import co.hotwax.preorder.testkit.tck.InventoryPublisherContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The testkit's publisher contract, run against the simulator over real HTTP. */
class ShopifyPublisherContractTest extends InventoryPublisherContract {
    private static final String TOKEN = "shpat_contract-test-token";

    private ShopifySimulator shop;
    private Location location;
    private ShopifyPublisher publisher;
    private final Map<String, Variant> variants = new HashMap<>();

    @BeforeEach
    void start() {
        VirtualClock time = new VirtualClock();
        shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep).start();
        location = shop.addLocation("Pre-order warehouse");
        publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                        .shopDomain(shop.shopDomain())
                        .endpoint(shop.graphqlEndpoint("2026-04").resolve("/"))
                        .accessToken(() -> TOKEN)
                        .defaultLocationId(location.id())
                        .build())
                .clock(time).sleeper(time).random(new SplittableRandom(5)).build();
    }

    @AfterEach
    void stop() {
        publisher.close();
        shop.close();
    }

    @Override
    protected InventoryPublisher publisher() {
        return publisher;
    }

    @Override
    protected ChannelProbe probe() {
        return new ChannelProbe() {
            @Override
            public void prepareSku(String sku) {
                // Untracked and CONTINUE: the publisher has to put every mark on itself.
                Product product = shop.addProduct("TCK " + sku, List.of());
                variants.put(sku, shop.addVariant(product.id(), sku, false, InventoryPolicy.CONTINUE));
            }

            @Override
            public long sellable(String sku, String facilityId) {
                Variant v = variants.get(sku);
                try {
                    return Math.max(0, shop.quantity(v.inventoryItemId(), location.id(), "available"));
                } catch (IllegalArgumentException notStocked) {
                    return 0;
                }
            }

            @Override
            public boolean listed(String sku) {
                Variant v = variants.get(sku);
                return shop.policy(v.id()) == InventoryPolicy.DENY
                        && shop.tags(v.productId()).contains(ShopifyPublisherConfig.DEFAULT_PRODUCT_TAG)
                        && shop.metafield(v.id(), ShopifyPublisherConfig.DEFAULT_METAFIELD_NAMESPACE,
                                ShopifyPublisherConfig.DEFAULT_METAFIELD_KEY).map(m -> m.contains("\"status\":\"active\"")).orElse(false);
            }

            @Override
            public void sellThroughChannel(String sku, long quantity) {
                assertThat(shop.orders().placeOrder(variants.get(sku).id(), (int) quantity, location.id()).accepted())
                        .as("the simulator accepts an order for %d of %s", quantity, sku).isTrue();
            }
        };
    }
}
