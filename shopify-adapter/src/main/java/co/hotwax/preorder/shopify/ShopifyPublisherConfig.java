package co.hotwax.preorder.shopify;

import co.hotwax.preorder.shopify.internal.AccessTokens;
import co.hotwax.preorder.spi.ShopifyPlan;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Immutable configuration of one {@link ShopifyPublisher} (one shop). Built with {@link #builder()}, which validates
 * everything at {@code build()} and throws {@link IllegalArgumentException} naming the setting and the reason.
 *
 * <p>The access token is held only as a supplier and is never part of {@link #toString()}, a log line or an
 * exception message.
 *
 * @since 0.1.0
 */
public final class ShopifyPublisherConfig {
    /** The Admin API version the adapter is built and tested against. */
    public static final String DEFAULT_API_VERSION = "2026-04";
    /** The oldest Admin API version accepted: the first that requires {@code @idempotent} keys on inventory writes. */
    public static final String MINIMUM_API_VERSION = "2026-04";
    /** The default of {@link Builder#preflightRecheck}: as long as the engine's default reconciliation interval. */
    public static final Duration DEFAULT_PREFLIGHT_RECHECK = Duration.ofHours(1);

    /** The default of {@link Builder#maxServerWait}: the longest wait any server answer can cause. */
    public static final Duration DEFAULT_MAX_SERVER_WAIT = Duration.ofSeconds(60);
    /**
     * Default of {@link Builder#bulkWriteThreshold(int)}: from 100 items (1,000 points one by one, 10 s of a Standard
     * bucket) a bulk mutation saves far more than the few seconds it waits; below, a listing is not held back.
     */
    public static final int DEFAULT_BULK_WRITE_THRESHOLD = 100;
    /** Default of {@link Builder#bulkReadThreshold(int)}. */
    public static final int DEFAULT_BULK_READ_THRESHOLD = 1_000;
    /** HotWax's storefront reads the pre-order metafield from this namespace. */
    public static final String DEFAULT_METAFIELD_NAMESPACE = "HC_PREORDER";
    /** Default metafield key. */
    public static final String DEFAULT_METAFIELD_KEY = "preorder";
    /** HotWax's pre-order product tag (a plain "Pre-order" tag is overwritten by other apps). */
    public static final String DEFAULT_PRODUCT_TAG = "HC:Pre-Order";

    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-(01|04|07|10)|unstable");
    private static final Pattern LOCATION_GID = Pattern.compile("gid://shopify/Location/\\d+");
    private static final Pattern METAFIELD_KEY = Pattern.compile("[A-Za-z0-9_-]{2,64}");
    private static final Pattern SHOPIFY_HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*\\.myshopify\\.com");
    private static final Pattern SHOP_DOMAIN = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");

    private final String shopDomain;
    private final URI endpoint;
    private final Supplier<String> accessToken;
    private final String apiVersion;
    private final String defaultLocationId;
    private final Map<String, String> facilityLocations;
    private final PublishMode mode;
    private final String metafieldNamespace;
    private final String metafieldKey;
    private final String productTag;
    private final double bucketSize;
    private final double restoreRate;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final int maxCompareAndSetRounds;
    private final double maxRequestsPerSecond;
    private final int resolutionPageSize;
    private final int bulkReadThreshold;
    private final String inventoryReason;
    private final Duration maxServerWait;
    private final boolean preflight;
    private final boolean allowUnsafeListing;
    private final Duration preflightRecheck;
    private final boolean groupedMarks;
    private final int bulkWriteThreshold;

    private ShopifyPublisherConfig(Builder b, URI endpoint, double bucketSize, double restoreRate) {
        this.shopDomain = b.shopDomain;
        this.endpoint = endpoint;
        this.accessToken = b.accessToken;
        this.apiVersion = b.apiVersion;
        this.defaultLocationId = b.defaultLocationId;
        this.facilityLocations = Map.copyOf(b.facilityLocations);
        this.mode = b.mode;
        this.metafieldNamespace = b.metafieldNamespace;
        this.metafieldKey = b.metafieldKey;
        this.productTag = b.productTag;
        this.bucketSize = bucketSize;
        this.restoreRate = restoreRate;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.maxCompareAndSetRounds = b.maxCompareAndSetRounds;
        this.maxRequestsPerSecond = b.maxRequestsPerSecond;
        this.resolutionPageSize = b.resolutionPageSize;
        this.bulkReadThreshold = b.bulkReadThreshold;
        this.inventoryReason = b.inventoryReason;
        this.maxServerWait = b.maxServerWait;
        this.preflight = b.preflight;
        this.allowUnsafeListing = b.allowUnsafeListing;
        this.preflightRecheck = b.preflightRecheck;
        this.groupedMarks = b.groupedMarks;
        this.bulkWriteThreshold = b.bulkWriteThreshold;
    }

    /**
     * Starts a configuration.
     *
     * @return a builder with the defaults described on each setter
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the shop domain, e.g. {@code my-store.myshopify.com}; the publisher's channel id */
    public String shopDomain() {
        return shopDomain;
    }

    /** @return the full GraphQL endpoint, {@code https://{shop}/admin/api/{version}/graphql.json} */
    public URI graphqlEndpoint() {
        return endpoint.resolve("/admin/api/" + apiVersion + "/graphql.json");
    }

    /** @return the supplier of the access token, asked before every request so tokens can rotate */
    public Supplier<String> accessToken() {
        return accessToken;
    }

    /** @return the Admin API version, e.g. {@code 2026-04} */
    public String apiVersion() {
        return apiVersion;
    }

    /** @return the Shopify location gid states without a facility are published to */
    public String defaultLocationId() {
        return defaultLocationId;
    }

    /**
     * The location a state is published to.
     *
     * @param facilityId the state's facility, or null for the default location
     * @return the location gid, empty when the facility is not mapped
     */
    public Optional<String> locationFor(String facilityId) {
        return facilityId == null ? Optional.of(defaultLocationId) : Optional.ofNullable(facilityLocations.get(facilityId));
    }

    /** @return facility id to location gid, for per-location mode; empty by default */
    public Map<String, String> facilityLocations() {
        return facilityLocations;
    }

    /** @return where quantities are kept; {@link PublishMode#DEDICATED_LOCATION} by default */
    public PublishMode mode() {
        return mode;
    }

    /** @return the variant metafield namespace; {@value #DEFAULT_METAFIELD_NAMESPACE} by default */
    public String metafieldNamespace() {
        return metafieldNamespace;
    }

    /** @return the variant metafield key; {@value #DEFAULT_METAFIELD_KEY} by default */
    public String metafieldKey() {
        return metafieldKey;
    }

    /** @return the product tag of listed products; {@value #DEFAULT_PRODUCT_TAG} by default */
    public String productTag() {
        return productTag;
    }

    /** @return the cost bucket's capacity in points, until the first response says otherwise */
    public double bucketSize() {
        return bucketSize;
    }

    /** @return the bucket's restore rate in points per second, until the first response says otherwise */
    public double restoreRate() {
        return restoreRate;
    }

    /** @return the TCP connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the timeout of one HTTP request */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return attempts per request including the first (THROTTLED, 429, 5xx, IO errors, timeouts) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return how many times a compare-and-set lost to another writer is re-read and recomputed per publish */
    public int maxCompareAndSetRounds() {
        return maxCompareAndSetRounds;
    }

    /** @return the optional per-shop cap on requests per second (resilience4j RateLimiter); empty when off */
    public OptionalDouble maxRequestsPerSecond() {
        return maxRequestsPerSecond > 0 ? OptionalDouble.of(maxRequestsPerSecond) : OptionalDouble.empty();
    }

    /** @return variants fetched per page when resolving SKUs, 1..250 */
    public int resolutionPageSize() {
        return resolutionPageSize;
    }

    /**
     * The catalog size (the shop's variant count, read once up front) or the SKUs searched per request since the
     * last export, above which reads (SKU resolution, the level read before each compare-and-set, the preflight's
     * per-SKU checks) go through a bulk export of the catalog, which costs a few points rather than 5-11 per SKU.
     *
     * @return the threshold; {@link #DEFAULT_BULK_READ_THRESHOLD} by default, {@link Integer#MAX_VALUE} for never
     */
    public int bulkReadThreshold() {
        return bulkReadThreshold;
    }

    /** @return the Shopify reason string on quantity writes; {@code correction} by default */
    public String inventoryReason() {
        return inventoryReason;
    }

    /**
     * The longest wait any answer of the server can cause (Retry-After, a THROTTLED wait, a {@code throttleStatus}
     * with a tiny restore rate); longer requests are cut to this.
     *
     * @return the cap; {@link #DEFAULT_MAX_SERVER_WAIT} by default
     */
    public Duration maxServerWait() {
        return maxServerWait;
    }

    /**
     * Whether publish runs the store preflight: the store-level checks on the first publish (until they pass) and
     * the per-SKU checks before a SKU is first listed (see {@link ShopifyPublisher#preflight}).
     *
     * @return true by default
     */
    public boolean preflight() {
        return preflight;
    }

    /**
     * Whether a SKU whose setup lets Shopify sell beyond what is offered is listed anyway.
     *
     * @return false by default
     */
    public boolean allowUnsafeListing() {
        return allowUnsafeListing;
    }

    /**
     * How long a SKU that passed the per-SKU preflight stays vouched for before its next publish checks it again.
     *
     * @return {@link #DEFAULT_PREFLIGHT_RECHECK} by default
     */
    public Duration preflightRecheck() {
        return preflightRecheck;
    }

    /**
     * Whether listing puts tracked, DENY and the pre-order metafield on with one {@code productVariantsBulkUpdate}
     * per product (see {@link Builder#groupedMarks}).
     *
     * @return true by default
     */
    public boolean groupedMarks() {
        return groupedMarks;
    }

    /**
     * Items to stock at a location in one publish from which one bulk mutation activates them all (see
     * {@link Builder#bulkWriteThreshold}).
     *
     * @return {@link #DEFAULT_BULK_WRITE_THRESHOLD} by default, {@link Integer#MAX_VALUE} for never
     */
    public int bulkWriteThreshold() {
        return bulkWriteThreshold;
    }

    /** Every setting except the access token. */
    @Override
    public String toString() {
        return "ShopifyPublisherConfig{shop=" + shopDomain + ", endpoint=" + graphqlEndpoint() + ", mode=" + mode
                + ", defaultLocation=" + defaultLocationId + ", facilityLocations=" + facilityLocations
                + ", metafield=" + metafieldNamespace + "." + metafieldKey + ", tag=" + productTag
                + ", bucket=" + bucketSize + "@" + restoreRate + "/s, timeouts=" + connectTimeout + "/" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", maxCompareAndSetRounds=" + maxCompareAndSetRounds
                + ", maxRequestsPerSecond=" + maxRequestsPerSecond + ", resolutionPageSize=" + resolutionPageSize
                + ", bulkReadThreshold=" + bulkReadThreshold
                + ", inventoryReason=" + inventoryReason + ", maxServerWait=" + maxServerWait + ", preflight=" + preflight
                + ", allowUnsafeListing=" + allowUnsafeListing + ", preflightRecheck=" + preflightRecheck
                + ", groupedMarks=" + groupedMarks + ", bulkWriteThreshold=" + bulkWriteThreshold
                + ", accessToken=<redacted>}";
    }

    /** Validating builder; see each setter for the default. */
    public static final class Builder {
        private String shopDomain;
        private URI endpoint;
        private Supplier<String> accessToken;
        private String apiVersion = DEFAULT_API_VERSION;
        private String defaultLocationId;
        private final Map<String, String> facilityLocations = new LinkedHashMap<>();
        private PublishMode mode = PublishMode.DEDICATED_LOCATION;
        private String metafieldNamespace = DEFAULT_METAFIELD_NAMESPACE;
        private String metafieldKey = DEFAULT_METAFIELD_KEY;
        private String productTag = DEFAULT_PRODUCT_TAG;
        private ShopifyPlan plan = ShopifyPlan.STANDARD;
        private double bucketSize;
        private double restoreRate;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 6;
        private int maxCompareAndSetRounds = 5;
        private double maxRequestsPerSecond;
        private int resolutionPageSize = 100;
        private int bulkReadThreshold = DEFAULT_BULK_READ_THRESHOLD;
        private String inventoryReason = "correction";
        private Duration maxServerWait = DEFAULT_MAX_SERVER_WAIT;
        private boolean preflight = true;
        private boolean allowUnsafeListing;
        private Duration preflightRecheck = DEFAULT_PREFLIGHT_RECHECK;
        private boolean groupedMarks = true;
        private int bulkWriteThreshold = DEFAULT_BULK_WRITE_THRESHOLD;

        private Builder() {
        }

        /**
         * The shop, e.g. {@code my-store.myshopify.com} (required). Requests go to
         * {@code https://{shopDomain}} unless {@link #endpoint(URI)} says otherwise.
         *
         * @param shopDomain host name, optionally with a port
         * @return this builder
         */
        public Builder shopDomain(String shopDomain) {
            this.shopDomain = shopDomain;
            return this;
        }

        /**
         * Overrides the base address, e.g. a simulator's {@code http://127.0.0.1:8123}. Must be HTTPS unless the
         * host is loopback (127.0.0.1, localhost, [::1]).
         *
         * @param endpoint scheme, host and port; the API path is appended
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Supplies the Admin API access token (required). Asked before every request; never logged.
         *
         * @param accessToken the token supplier
         * @return this builder
         */
        public Builder accessToken(Supplier<String> accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /**
         * The Admin API version (default {@value ShopifyPublisherConfig#DEFAULT_API_VERSION}).
         *
         * @param apiVersion {@code YYYY-MM} with a quarterly month, or {@code unstable}
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /**
         * The pre-order location gid for states without a facility (required).
         *
         * @param locationId e.g. {@code gid://shopify/Location/42}
         * @return this builder
         */
        public Builder defaultLocationId(String locationId) {
            this.defaultLocationId = locationId;
            return this;
        }

        /**
         * Maps a facility to a location, for per-location publishing.
         *
         * @param facilityId the OMS facility id
         * @param locationId the location gid
         * @return this builder
         */
        public Builder facilityLocation(String facilityId, String locationId) {
            if (facilityId == null || facilityId.isBlank()) {
                throw new IllegalArgumentException("facilityLocation: facility id is missing");
            }
            this.facilityLocations.put(facilityId, locationId);
            return this;
        }

        /**
         * Where quantities are kept (default {@link PublishMode#DEDICATED_LOCATION}).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(PublishMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * The variant metafield (default {@code HC_PREORDER.preorder}).
         *
         * @param namespace 3..255 characters
         * @param key 2..64 of {@code [A-Za-z0-9_-]}
         * @return this builder
         */
        public Builder metafield(String namespace, String key) {
            this.metafieldNamespace = namespace;
            this.metafieldKey = key;
            return this;
        }

        /**
         * The product tag of listed products (default {@value ShopifyPublisherConfig#DEFAULT_PRODUCT_TAG}).
         *
         * @param productTag non-blank, no comma
         * @return this builder
         */
        public Builder productTag(String productTag) {
            this.productTag = productTag;
            return this;
        }

        /**
         * Takes the bucket from a plan preset (default {@link ShopifyPlan#STANDARD}); clears an explicit bucket.
         *
         * @param plan the plan
         * @return this builder
         */
        public Builder plan(ShopifyPlan plan) {
            this.plan = plan;
            this.bucketSize = 0;
            this.restoreRate = 0;
            return this;
        }

        /**
         * An explicit bucket instead of a plan preset.
         *
         * @param bucketSize capacity in points, positive
         * @param restoreRate points per second, positive
         * @return this builder
         */
        public Builder bucket(double bucketSize, double restoreRate) {
            if (!(bucketSize > 0) || !(restoreRate > 0) || Double.isInfinite(bucketSize) || Double.isInfinite(restoreRate)) {
                throw new IllegalArgumentException("bucket: size and restore rate must be positive and finite, were "
                        + bucketSize + " and " + restoreRate);
            }
            this.plan = null;
            this.bucketSize = bucketSize;
            this.restoreRate = restoreRate;
            return this;
        }

        /**
         * Timeouts (defaults 10 s connect, 30 s per request).
         *
         * @param connect TCP connect timeout, positive
         * @param request whole-request timeout, positive
         * @return this builder
         */
        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = connect;
            this.requestTimeout = request;
            return this;
        }

        /**
         * Attempts per request including the first (default 6).
         *
         * @param maxAttempts 1..20
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Re-read-and-recompute rounds after a stale compare-and-set (default 5); beyond that the item is RETRY.
         *
         * @param rounds 1..50
         * @return this builder
         */
        public Builder maxCompareAndSetRounds(int rounds) {
            this.maxCompareAndSetRounds = rounds;
            return this;
        }

        /**
         * Caps requests per second for this shop (off by default); cost pacing applies either way.
         *
         * @param perSecond positive, or 0 to turn the cap off
         * @return this builder
         */
        public Builder maxRequestsPerSecond(double perSecond) {
            this.maxRequestsPerSecond = perSecond;
            return this;
        }

        /**
         * Variants per page when resolving SKUs (default 100: keeps a page's requested cost under Shopify's
         * 1,000-point single-query limit).
         *
         * @param pageSize 1..250
         * @return this builder
         */
        public Builder resolutionPageSize(int pageSize) {
            this.resolutionPageSize = pageSize;
            return this;
        }

        /**
         * The catalog size above which reads go through one bulk query ({@code bulkOperationRunQuery}) that exports
         * every variant with its levels and selling plans (default {@link #DEFAULT_BULK_READ_THRESHOLD}; 0 exports
         * at the first unknown SKU, {@link Integer#MAX_VALUE} never). The size is the shop's variant count, read
         * once up front, or the SKUs searched per request since the last export in a catalog that grew. Above it an
         * export is kept current (a new one each hour) and never waited for: until it lands, and for whatever it
         * does not show, reads go per request. A failed, canceled, refused or timed-out export falls back to
         * per-request reads and is tried again 10 minutes later.
         *
         * @param threshold 0 or more
         * @return this builder
         */
        public Builder bulkReadThreshold(int threshold) {
            this.bulkReadThreshold = threshold;
            return this;
        }

        /**
         * The reason recorded on quantity writes (default {@code correction}).
         *
         * @param reason one of Shopify's reason strings
         * @return this builder
         */
        public Builder inventoryReason(String reason) {
            this.inventoryReason = reason;
            return this;
        }

        /**
         * The longest wait any server answer can cause (default 60 s): Retry-After, THROTTLED waits and pacing
         * from {@code throttleStatus} are cut to it, so a hostile or broken answer cannot stall the caller.
         *
         * @param maxServerWait 1 ms to 1 hour
         * @return this builder
         */
        public Builder maxServerWait(Duration maxServerWait) {
            this.maxServerWait = maxServerWait;
            return this;
        }

        /**
         * Whether publish runs the store preflight (default true): store-level checks on the first publish (a
         * blocker answers every item REJECTED as a channel problem naming it and its fix, and is re-checked on the
         * next publish), and per-SKU checks before a SKU is first listed and again at each re-check interval. Turn
         * it off only where another process vouches for the store's setup.
         *
         * @param preflight false to skip every check in publish ({@link ShopifyPublisher#preflight} still works)
         * @return this builder
         */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        /**
         * Lists a SKU even when its setup lets Shopify sell beyond what is offered (default false). The risk: with
         * the SKU stocked at another location that fulfils online orders, checkout counts that location's available
         * and routing may commit orders there, outside the in-flight count at the pre-order location. With this
         * option the adapter also reads the units committed at those locations on every publish of such a SKU and
         * counts them as in flight (dedicated location), so they are sold again only if that location is put back
         * to 0 before the SKU's next publish; with a selling plan that reserves on fulfilment, its
         * orders never lower available and DENY never stops them. The findings are still logged and reported by
         * {@link ShopifyPublisher#preflight}.
         *
         * @param allow true to list unsafe SKUs anyway
         * @return this builder
         */
        public Builder allowUnsafeListing(boolean allow) {
            this.allowUnsafeListing = allow;
            return this;
        }

        /**
         * How long a SKU that passed the per-SKU preflight stays vouched for (default 1 hour); its next publish after
         * that checks it again. Each check reads the SKU's levels at every location and its selling plans: measured
         * under the simulator's cost models at 20,000 SKUs, 5.8 to 7.9 points a SKU with linear connection costs,
         * 0.2 with the logarithmic costs real stores were seen to charge (BENCHMARKS.md, "Under three cost
         * models"). Spread over the interval that is {@code SKUs x points / interval} points a second out of the
         * plan's restore rate (Standard: 100): 20,000 SKUs hourly take about a third of it, so a large catalog on
         * Standard should re-check less often, e.g. every 6 or 24 hours. A re-check never holds back a SKU already
         * listed; it finds a setup that became unsafe (logged) and, with {@link #allowUnsafeListing}, the other
         * locations whose committed units are counted as in flight.
         *
         * @param recheck 1 minute to 7 days
         * @return this builder
         */
        public Builder preflightRecheck(Duration recheck) {
            this.preflightRecheck = recheck;
            return this;
        }

        /**
         * How listing puts the variant marks on (default true): one {@code productVariantsBulkUpdate} per product
         * sets {@code inventoryPolicy}, {@code inventoryItem { tracked }} and the pre-order metafield of every
         * variant being listed (Shopify's dynamic cost: 10 + 0.2 per variant + 0.4 per variant metafield, so about
         * 1.6 points a SKU for products of 10 variants). False sends the marks per SKU instead (one
         * {@code inventoryItemUpdate} each, {@code metafieldsSet} 25 at a time, DENY per product), as releases before
         * issue 15 did: about 10.5 points a SKU more; kept to measure the difference (BENCHMARKS.md).
         *
         * @param grouped false for the per-SKU marks
         * @return this builder
         */
        public Builder groupedMarks(boolean grouped) {
            this.groupedMarks = grouped;
            return this;
        }

        /**
         * Items to stock at a location in one publish from which they are activated by one bulk mutation
         * ({@code bulkOperationRunMutation} over {@code inventoryActivate}) instead of one {@code inventoryActivate}
         * each (default {@link #DEFAULT_BULK_WRITE_THRESHOLD}). Each item activated alone costs 10 points; a bulk
         * mutation about 30 for any number, since the mutations it runs are not charged to the bucket, but the publish
         * waits for the operation (a few seconds; at most 2 minutes, then it is canceled) and takes one of the shop's bulk mutation slots (one at a time per
         * shop in 2026-04; up to five from 2026-01 in Shopify's guide). Items it leaves without a result (another
         * app's operation holds the slot, a failed operation) are activated one by one. 0 always uses bulk,
         * {@link Integer#MAX_VALUE} never.
         *
         * @param threshold 0 or more
         * @return this builder
         */
        public Builder bulkWriteThreshold(int threshold) {
            this.bulkWriteThreshold = threshold;
            return this;
        }

        /**
         * Validates and builds. Only reads this builder: building twice with other settings in between gives two
         * independent configurations.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first invalid setting and why
         */
        public ShopifyPublisherConfig build() {
            if (shopDomain == null || !SHOP_DOMAIN.matcher(shopDomain).matches()) {
                throw new IllegalArgumentException("shopDomain must be a host name such as my-store.myshopify.com, was "
                        + (shopDomain == null ? "missing" : "'" + shopDomain + "'"));
            }
            if (endpoint == null && !SHOPIFY_HOST.matcher(shopDomain).matches()) {
                // Without an explicit endpoint the token goes to this host: only a Shopify shop may get it.
                throw new IllegalArgumentException("shopDomain must end in .myshopify.com unless an endpoint is given, was '"
                        + shopDomain + "'");
            }
            URI base = endpoint == null ? URI.create("https://" + shopDomain) : endpoint;
            requireSecure(base);
            requireToken(accessToken);
            if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
                throw new IllegalArgumentException("apiVersion must look like 2026-04 (or be 'unstable'), was '" + apiVersion + "'");
            }
            if (!"unstable".equals(apiVersion) && apiVersion.compareTo(MINIMUM_API_VERSION) < 0) {
                throw new IllegalArgumentException("apiVersion must be " + MINIMUM_API_VERSION + " or later (idempotency keys"
                        + " on inventory writes), was '" + apiVersion + "'");
            }
            requireLocation("defaultLocationId", defaultLocationId);
            facilityLocations.forEach((facility, location) -> requireLocation("facility " + facility + " location", location));
            if (mode == null) {
                throw new IllegalArgumentException("mode is missing");
            }
            if (metafieldNamespace == null || metafieldNamespace.length() < 3 || metafieldNamespace.length() > 255) {
                throw new IllegalArgumentException("metafield namespace must be 3 to 255 characters, was '" + metafieldNamespace + "'");
            }
            if (metafieldKey == null || !METAFIELD_KEY.matcher(metafieldKey).matches()) {
                throw new IllegalArgumentException("metafield key must be 2 to 64 of [A-Za-z0-9_-], was '" + metafieldKey + "'");
            }
            if (productTag == null || productTag.isBlank() || productTag.contains(",") || productTag.length() > 255) {
                throw new IllegalArgumentException("productTag must be non-blank, without commas, at most 255 characters, was '"
                        + productTag + "'");
            }
            double bucket = plan != null ? plan.bucketSize() : bucketSize;
            double restore = plan != null ? plan.restoreRate() : restoreRate;
            requirePositive("connect timeout", connectTimeout);
            requirePositive("request timeout", requestTimeout);
            requireRange("maxAttempts", maxAttempts, 1, 20);
            requireRange("maxCompareAndSetRounds", maxCompareAndSetRounds, 1, 50);
            requireRange("resolutionPageSize", resolutionPageSize, 1, 250);
            requireRange("bulkReadThreshold", bulkReadThreshold, 0, Integer.MAX_VALUE);
            requireRange("bulkWriteThreshold", bulkWriteThreshold, 0, Integer.MAX_VALUE);
            if (maxRequestsPerSecond < 0 || Double.isNaN(maxRequestsPerSecond) || Double.isInfinite(maxRequestsPerSecond)) {
                throw new IllegalArgumentException("maxRequestsPerSecond must be positive or 0 (off), was " + maxRequestsPerSecond);
            }
            if (inventoryReason == null || inventoryReason.isBlank()) {
                throw new IllegalArgumentException("inventoryReason is missing");
            }
            if (preflightRecheck == null || preflightRecheck.compareTo(Duration.ofMinutes(1)) < 0
                    || preflightRecheck.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("preflightRecheck must be 1 minute to 7 days, was " + preflightRecheck);
            }
            requirePositive("maxServerWait", maxServerWait);
            if (maxServerWait.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("maxServerWait must be at most 1 hour, was " + maxServerWait);
            }
            return new ShopifyPublisherConfig(this, base, bucket, restore);
        }

        /** Asks the supplier once, so a token that could never be sent fails here; the token is never echoed. */
        private static void requireToken(Supplier<String> accessToken) {
            if (accessToken == null) {
                throw new IllegalArgumentException("accessToken supplier is missing");
            }
            String token;
            try {
                token = accessToken.get();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("accessToken supplier failed with " + e.getClass().getSimpleName());
            }
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("accessToken supplier returned no token");
            }
            if (!AccessTokens.isSendable(token)) {
                throw new IllegalArgumentException("access token must be printable ASCII without spaces, line breaks or"
                        + " control characters; the one given (" + token.length() + " characters) has such a character");
            }
        }

        private static void requireSecure(URI uri) {
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (host == null || scheme == null) {
                throw new IllegalArgumentException("endpoint must be an absolute http(s) address, was " + uri);
            }
            if ("https".equalsIgnoreCase(scheme)) {
                return;
            }
            if ("http".equalsIgnoreCase(scheme) && isLoopback(host)) {
                return;
            }
            throw new IllegalArgumentException("endpoint must use https (plain http only for loopback hosts), was " + uri);
        }

        private static boolean isLoopback(String host) {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (h.equalsIgnoreCase("localhost")) {
                return true;
            }
            // Only literal addresses: resolving a name here would be a network call and a DNS-rebinding hole.
            if (!h.matches("[0-9.]+") && !h.contains(":")) {
                return false;
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static void requireLocation(String what, String gid) {
            if (gid == null || !LOCATION_GID.matcher(gid).matches()) {
                throw new IllegalArgumentException(what + " must be a location gid such as gid://shopify/Location/42, was "
                        + (gid == null ? "missing" : "'" + gid + "'"));
            }
        }

        private static void requirePositive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
        }

        private static void requireRange(String what, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
            }
        }
    }
}
