package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.ShopifyPlan;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyPublisherConfigTest {
    private static final String TOKEN = "shpat_do-not-leak-0123456789";

    private static ShopifyPublisherConfig.Builder valid() {
        return ShopifyPublisherConfig.builder()
                .shopDomain("my-store.myshopify.com")
                .accessToken(() -> TOKEN)
                .defaultLocationId("gid://shopify/Location/42");
    }

    @Test
    void defaults() {
        ShopifyPublisherConfig config = valid().build();
        assertThat(config.graphqlEndpoint()).isEqualTo(URI.create("https://my-store.myshopify.com/admin/api/2026-04/graphql.json"));
        assertThat(config.mode()).isEqualTo(PublishMode.DEDICATED_LOCATION);
        assertThat(config.metafieldNamespace()).isEqualTo("HC_PREORDER");
        assertThat(config.productTag()).isEqualTo("HC:Pre-Order");
        assertThat(config.bucketSize()).isEqualTo(2000);
        assertThat(config.restoreRate()).isEqualTo(100);
        assertThat(config.maxRequestsPerSecond()).isEmpty();
        assertThat(config.locationFor(null)).hasValue("gid://shopify/Location/42");
        assertThat(config.locationFor("WH-1")).isEmpty();
    }

    @Test
    void plainHttpOnlyForLoopback() {
        assertThat(valid().endpoint(URI.create("http://127.0.0.1:8123")).build().graphqlEndpoint())
                .isEqualTo(URI.create("http://127.0.0.1:8123/admin/api/2026-04/graphql.json"));
        assertThat(valid().endpoint(URI.create("http://localhost:1")).build()).isNotNull();
        assertThat(valid().endpoint(URI.create("http://[::1]:8123")).build()).isNotNull();
        assertThatThrownBy(() -> valid().endpoint(URI.create("http://my-store.myshopify.com")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> valid().endpoint(URI.create("http://10.0.0.5")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void refusesBadSettingsNamingThem() {
        assertThatThrownBy(() -> valid().shopDomain("https://x.myshopify.com").build()).hasMessageContaining("shopDomain");
        assertThatThrownBy(() -> valid().accessToken(null).build()).hasMessageContaining("accessToken");
        assertThatThrownBy(() -> valid().apiVersion("2026-05").build()).hasMessageContaining("apiVersion");
        assertThatThrownBy(() -> valid().defaultLocationId("42").build()).hasMessageContaining("defaultLocationId");
        assertThatThrownBy(() -> valid().facilityLocation("WH-1", "gid://shopify/Product/1").build()).hasMessageContaining("WH-1");
        assertThatThrownBy(() -> valid().metafield("HC", "preorder").build()).hasMessageContaining("namespace");
        assertThatThrownBy(() -> valid().metafield("HC_PREORDER", "bad key").build()).hasMessageContaining("key");
        assertThatThrownBy(() -> valid().productTag("a,b").build()).hasMessageContaining("productTag");
        assertThatThrownBy(() -> valid().bucket(0, 100)).hasMessageContaining("bucket");
        assertThatThrownBy(() -> valid().timeouts(Duration.ZERO, Duration.ofSeconds(1)).build()).hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> valid().maxAttempts(0).build()).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> valid().resolutionPageSize(251).build()).hasMessageContaining("resolutionPageSize");
        assertThatThrownBy(() -> valid().maxRequestsPerSecond(-1).build()).hasMessageContaining("maxRequestsPerSecond");
    }

    @Test
    void explicitBucketAndPlans() {
        assertThat(valid().plan(ShopifyPlan.PLUS).build().restoreRate()).isEqualTo(1000);
        ShopifyPublisherConfig c = valid().bucket(500, 50).build();
        assertThat(c.bucketSize()).isEqualTo(500);
        assertThat(c.restoreRate()).isEqualTo(50);
    }

    @Test
    void theTokenNeverAppearsInToString() {
        ShopifyPublisherConfig config = valid().facilityLocation("WH-1", "gid://shopify/Location/7").build();
        assertThat(config.toString()).doesNotContain(TOKEN).contains("redacted").contains("my-store.myshopify.com");
        try (ShopifyPublisher publisher = ShopifyPublisher.builder(config).build()) {
            assertThat(publisher.toString()).doesNotContain(TOKEN);
            assertThat(publisher.channelId()).isEqualTo("my-store.myshopify.com");
        }
    }

    @Test
    void buildingTwiceFromOneBuilderGivesIndependentConfigurations() {
        ShopifyPublisherConfig.Builder builder = valid();
        ShopifyPublisherConfig first = builder.build();
        builder.shopDomain("second-store.myshopify.com").plan(ShopifyPlan.PLUS);
        ShopifyPublisherConfig second = builder.build();

        // build() wrote nothing back: the second shop's requests and token go to the second shop.
        assertThat(second.graphqlEndpoint()).isEqualTo(URI.create("https://second-store.myshopify.com/admin/api/2026-04/graphql.json"));
        assertThat(second.restoreRate()).isEqualTo(1000);
        assertThat(first.graphqlEndpoint().getHost()).isEqualTo("my-store.myshopify.com");
        assertThat(first.restoreRate()).isEqualTo(100);
        builder.bucket(500, 50);
        assertThat(builder.build().bucketSize()).isEqualTo(500);
        assertThat(second.bucketSize()).isEqualTo(20000);
    }

    @Test
    void aTokenThatCannotBeSentIsRefusedAtBuildWithoutEchoingIt() {
        for (String bad : new String[] {"shpat_abc\ndef-0123456789", "shpat_abc def", "shpat_\u0000x", "shpat_tab\t",
                "shpat_é-accent", ""}) {
            assertThatThrownBy(() -> valid().accessToken(() -> bad).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token")
                    .satisfies(e -> {
                        if (!bad.isEmpty()) {
                            assertThat(e.getMessage()).doesNotContain(bad).doesNotContain(bad.strip());
                        }
                    });
        }
        assertThatThrownBy(() -> valid().accessToken(() -> {
            throw new IllegalStateException("vault says " + TOKEN);
        }).build()).hasMessageNotContaining(TOKEN).hasMessageContaining("IllegalStateException");
    }

    @Test
    void aShopOutsideMyshopifyNeedsAnExplicitEndpoint() {
        assertThatThrownBy(() -> valid().shopDomain("evil.example.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".myshopify.com");
        assertThatThrownBy(() -> valid().shopDomain("my-store.myshopify.com:8443").build())
                .hasMessageContaining(".myshopify.com");
        assertThat(valid().shopDomain("sim.local").endpoint(URI.create("http://127.0.0.1:9")).build().shopDomain())
                .isEqualTo("sim.local");
    }

    @Test
    void versionsBefore202604AreRefusedAndLaterOnesAccepted() {
        assertThatThrownBy(() -> valid().apiVersion("2024-01").build()).hasMessageContaining("2026-04 or later");
        assertThatThrownBy(() -> valid().apiVersion("2026-01").build()).hasMessageContaining("2026-04 or later");
        assertThat(valid().apiVersion("2026-07").build().apiVersion()).isEqualTo("2026-07");
        assertThat(valid().apiVersion("unstable").build().apiVersion()).isEqualTo("unstable");
    }

    @Test
    void serverWaitsAreCappedAtSixtySecondsByDefaultAndTheCapIsBounded() {
        assertThat(valid().build().maxServerWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(valid().maxServerWait(Duration.ofSeconds(5)).build().maxServerWait()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> valid().maxServerWait(Duration.ZERO).build()).hasMessageContaining("maxServerWait");
        assertThatThrownBy(() -> valid().maxServerWait(Duration.ofHours(2)).build()).hasMessageContaining("maxServerWait");
        assertThat(valid().build().toString()).contains("maxServerWait=PT1M").contains("maxAttempts=6");
    }
}
