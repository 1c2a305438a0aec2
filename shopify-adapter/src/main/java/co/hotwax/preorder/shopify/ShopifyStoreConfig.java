package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.ConfigReader;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.ShopifyPlan;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one Shopify store's settings from configuration keys, for core's {@code PreorderSyncConfig}:
 * {@code PreorderSyncConfig.from(lookup, "preorder.", ShopifyStoreConfig::publisher)}. Keys, under the store's
 * prefix ({@code preorder.store.<id>.}):
 * <pre>
 * shop                     my-store.myshopify.com (required)
 * token                    the Admin API access token (required; read through the lookup's secret path, at every
 *                          request, so a rotated token is picked up; never logged)
 * api-version, endpoint, location (gid://shopify/Location/..), facility-locations (WH1=gid://..,WH2=gid://..),
 * mode (dedicated-location | shared-location), metafield-namespace, metafield-key, product-tag,
 * plan (standard | advanced | plus | enterprise) or bucket-size and restore-rate,
 * connect-timeout, request-timeout, max-attempts, max-cas-rounds, max-requests-per-second,
 * resolution-page-size, inventory-reason
 * </pre>
 * Each maps to the {@link ShopifyPublisherConfig.Builder} setting of the same meaning; unset keys keep its
 * defaults, and its validation applies, reported with the key's name.
 *
 * @since 0.1.0
 */
public final class ShopifyStoreConfig {
    /** The builder's names at the start of its messages, and the keys they come from; first match wins. */
    private static final List<Map.Entry<String, String>> KEY_OF_SETTING = List.of(
            Map.entry("shopDomain", "shop"),
            Map.entry("accessToken", "token"),
            Map.entry("apiVersion", "api-version"),
            Map.entry("endpoint", "endpoint"),
            Map.entry("defaultLocation", "location"),
            Map.entry("facility ", "facility-locations"),
            Map.entry("metafield namespace", "metafield-namespace"),
            Map.entry("metafield key", "metafield-key"),
            Map.entry("productTag", "product-tag"),
            Map.entry("bucket", "bucket-size"),
            Map.entry("connect timeout", "connect-timeout"),
            Map.entry("request timeout", "request-timeout"),
            Map.entry("maxAttempts", "max-attempts"),
            Map.entry("maxCompareAndSetRounds", "max-cas-rounds"),
            Map.entry("maxRequestsPerSecond", "max-requests-per-second"),
            Map.entry("resolutionPageSize", "resolution-page-size"),
            Map.entry("inventoryReason", "inventory-reason"));

    private ShopifyStoreConfig() {
    }

    /**
     * Reads a store's configuration.
     *
     * @param keys a reader of the store's keys
     * @return the validated configuration
     * @throws InvalidInputException naming the key that is missing or invalid
     */
    public static ShopifyPublisherConfig read(ConfigReader keys) {
        ShopifyPublisherConfig.Builder b = ShopifyPublisherConfig.builder()
                .shopDomain(keys.requiredString("shop"))
                .accessToken(keys.secret("token"));
        keys.string("api-version").ifPresent(b::apiVersion);
        keys.string("endpoint").ifPresent(v -> b.endpoint(uri(keys, v)));
        keys.string("location").ifPresent(b::defaultLocationId);
        for (String pair : keys.list("facility-locations")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new InvalidInputException(keys.key("facility-locations"), "'" + pair
                        + "' is not facility=gid://shopify/Location/..");
            }
            b.facilityLocation(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        keys.choice("mode", PublishMode.class).ifPresent(b::mode);
        b.metafield(keys.string("metafield-namespace").orElse(ShopifyPublisherConfig.DEFAULT_METAFIELD_NAMESPACE),
                keys.string("metafield-key").orElse(ShopifyPublisherConfig.DEFAULT_METAFIELD_KEY));
        keys.string("product-tag").ifPresent(b::productTag);
        keys.choice("plan", ShopifyPlan.class).ifPresent(b::plan);
        Optional<Double> bucketSize = keys.decimal("bucket-size", 1, 1e9);
        Optional<Double> restoreRate = keys.decimal("restore-rate", 0.001, 1e9);
        if (bucketSize.isPresent() != restoreRate.isPresent()) {
            throw new InvalidInputException(keys.key(bucketSize.isPresent() ? "restore-rate" : "bucket-size"),
                    "is required with " + keys.key(bucketSize.isPresent() ? "bucket-size" : "restore-rate"));
        }
        bucketSize.ifPresent(size -> b.bucket(size, restoreRate.orElseThrow()));
        keys.number("max-attempts", 1, 20).ifPresent(n -> b.maxAttempts(n.intValue()));
        keys.number("max-cas-rounds", 1, 50).ifPresent(n -> b.maxCompareAndSetRounds(n.intValue()));
        keys.decimal("max-requests-per-second", 0, 1e6).ifPresent(b::maxRequestsPerSecond);
        keys.number("resolution-page-size", 1, 250).ifPresent(n -> b.resolutionPageSize(n.intValue()));
        keys.string("inventory-reason").ifPresent(b::inventoryReason);
        Optional<Duration> connect = keys.duration("connect-timeout");
        Optional<Duration> request = keys.duration("request-timeout");
        ShopifyPublisherConfig withDefaults = build(b, keys);
        if (connect.isEmpty() && request.isEmpty()) {
            return withDefaults;
        }
        b.timeouts(connect.orElse(withDefaults.connectTimeout()), request.orElse(withDefaults.requestTimeout()));
        return build(b, keys);
    }

    /**
     * Reads a store's configuration and builds its publisher with real time, sleeping and HTTP. Matches core's
     * {@code PreorderSyncConfig.StoreFactory}.
     *
     * @param id the store's id in the configuration (unused: the shop domain is the channel id)
     * @param keys a reader of the store's keys
     * @return the publisher
     * @throws InvalidInputException naming the key that is missing or invalid
     */
    public static ShopifyPublisher publisher(String id, ConfigReader keys) {
        return ShopifyPublisher.builder(read(keys)).build();
    }

    private static ShopifyPublisherConfig build(ShopifyPublisherConfig.Builder b, ConfigReader keys) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            for (Map.Entry<String, String> setting : KEY_OF_SETTING) {
                if (message.startsWith(setting.getKey())) {
                    throw new InvalidInputException(keys.key(setting.getValue()), message);
                }
            }
            throw new InvalidInputException(keys.key("*"), message);
        }
    }

    private static URI uri(ConfigReader keys, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(keys.key("endpoint"), "is not an address: '" + value + "'");
        }
    }
}
