package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.ChannelUsage;
import co.hotwax.preorder.spi.ConfigLookup;
import co.hotwax.preorder.spi.ConfigReader;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store's settings from configuration keys, and what the publisher reports of its API allowance. */
class ShopifyStoreConfigTest {
    private static final String TOKEN = "shpat_store-config-test";
    private static final String LOCATION = "gid://shopify/Location/42";

    @Test
    void everyKeyReachesTheConfigurationAndUnsetOnesKeepTheDefaults() {
        Map<String, String> keys = new HashMap<>(Map.of(
                "s.shop", "my-store.myshopify.com", "s.token", TOKEN, "s.location", LOCATION,
                "s.facility-locations", "WH1=gid://shopify/Location/7, WH2=gid://shopify/Location/8",
                "s.mode", "shared-location", "s.plan", "plus", "s.request-timeout", "45s",
                "s.max-requests-per-second", "4.5", "s.product-tag", "Pre-Order"));
        ShopifyPublisherConfig config = read(keys);
        assertThat(config.shopDomain()).isEqualTo("my-store.myshopify.com");
        assertThat(config.accessToken().get()).isEqualTo(TOKEN);
        assertThat(config.defaultLocationId()).isEqualTo(LOCATION);
        assertThat(config.locationFor("WH2")).contains("gid://shopify/Location/8");
        assertThat(config.mode()).isEqualTo(PublishMode.SHARED_LOCATION);
        assertThat(config.bucketSize()).isEqualTo(20_000);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.connectTimeout()).as("the builder's default").isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxRequestsPerSecond()).hasValue(4.5);
        assertThat(config.productTag()).isEqualTo("Pre-Order");
        assertThat(config.metafieldKey()).isEqualTo(ShopifyPublisherConfig.DEFAULT_METAFIELD_KEY);
        assertThat(config.toString()).doesNotContain(TOKEN);
    }

    @Test
    void anInvalidOrUnknownKeyIsNamedAndTheTokenNeverAppears() {
        Map<String, String> base = Map.of("s.shop", "my-store.myshopify.com", "s.token", TOKEN, "s.location", LOCATION);
        assertRejected(with(base, "s.shop", "not a domain!"), "s.shop");
        assertRejected(with(base, "s.api-version", "2026-05"), "s.api-version");
        assertRejected(with(base, "s.location", "Location 42"), "s.location");
        assertRejected(with(base, "s.bucket-size", "500"), "s.restore-rate");
        assertRejected(with(base, "s.mode", "everywhere"), "s.mode");
        assertRejected(with(base, "s.facility-locations", "WH1"), "s.facility-locations");
        assertRejected(with(base, "s.max-attempts", "0"), "s.max-attempts");
        Map<String, String> noToken = new HashMap<>(base);
        noToken.remove("s.token");
        assertRejected(noToken, "s.token");
        Map<String, String> typo = with(base, "s.tokne", "x");
        assertThatThrownBy(() -> {
            ConfigReader reader = ConfigReader.of(ConfigLookup.of(typo), "s.");
            ShopifyStoreConfig.read(reader);
            reader.rejectUnknown();
        }).isInstanceOf(InvalidInputException.class).hasMessageContaining("s.tokne");
    }

    @Test
    void thePublisherReportsItsRequestsAndBucketLevel() {
        VirtualClock time = new VirtualClock();
        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep)
                .plan(ShopifyPlan.STANDARD).start()) {
            Location location = shop.addLocation("Pre-order");
            Product product = shop.addProduct("P", List.of());
            shop.addVariant(product.id(), "RED", false, InventoryPolicy.CONTINUE);
            Map<String, String> keys = Map.of("s.shop", shop.shopDomain(),
                    "s.endpoint", shop.graphqlEndpoint("2026-04").resolve("/").toString(), "s.token", TOKEN,
                    "s.location", location.id());
            try (ShopifyPublisher publisher = ShopifyPublisher.builder(read(keys)).clock(time).sleeper(time)
                    .random(new SplittableRandom(1)).build()) {
                assertThat(publisher.usage().requests()).isZero();
                List<PublishOutcome> outcomes = publisher.publish(List.of(
                        new DesiredState("RED", null, 5, 0, true, LocalDate.of(2026, 9, 1), false)));
                assertThat(outcomes).extracting(PublishOutcome::status).containsOnly(PublishOutcome.Status.APPLIED);
                ChannelUsage usage = publisher.usage();
                assertThat(usage.requests()).isEqualTo(publisher.requestsSent()).isPositive();
                assertThat(usage.throttledResponses()).isZero();
                assertThat(usage.bucketCapacity()).isEqualTo(ShopifyPlan.STANDARD.bucketSize());
                assertThat(usage.bucketAvailable()).isLessThan(usage.bucketCapacity()).isPositive();
                // No virtual time passed, so nothing refilled: what left the bucket is what the shop charged.
                assertThat(usage.pointsSpent()).isPositive()
                        .isEqualTo(usage.bucketCapacity() - usage.bucketAvailable());
            }
        }
    }

    private static ShopifyPublisherConfig read(Map<String, String> keys) {
        return ShopifyStoreConfig.read(ConfigReader.of(ConfigLookup.of(keys), "s."));
    }

    private static void assertRejected(Map<String, String> keys, String key) {
        assertThatThrownBy(() -> read(keys)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).item()).isEqualTo(key))
                .hasMessageNotContaining(TOKEN);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> out = new HashMap<>(base);
        out.put(key, value);
        return out;
    }
}
