package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.spi.Sleeper;

import co.hotwax.preorder.testkit.internal.AccessScopes;
import co.hotwax.preorder.testkit.internal.AdminApiHandler;
import co.hotwax.preorder.testkit.internal.AdminSchema;
import co.hotwax.preorder.testkit.internal.BulkMutationFiles;
import co.hotwax.preorder.testkit.internal.BulkMutations;
import co.hotwax.preorder.testkit.internal.BulkQueries;
import co.hotwax.preorder.testkit.internal.BulkResultHandler;
import co.hotwax.preorder.testkit.internal.CostBucket;
import co.hotwax.preorder.testkit.internal.CostGate;
import co.hotwax.preorder.testkit.internal.IdempotencyStore;
import co.hotwax.preorder.testkit.internal.LevelRecord;
import co.hotwax.preorder.testkit.internal.LocationRecord;
import co.hotwax.preorder.testkit.internal.OrderBook;
import co.hotwax.preorder.testkit.internal.OrderObserver;
import co.hotwax.preorder.testkit.internal.ProductRecord;
import co.hotwax.preorder.testkit.internal.SellingPlanGroupRecord;
import co.hotwax.preorder.testkit.internal.QuantityName;
import co.hotwax.preorder.testkit.internal.QueryCost;
import co.hotwax.preorder.testkit.internal.ShopStore;
import co.hotwax.preorder.testkit.internal.TcpNoDelay;
import co.hotwax.preorder.testkit.internal.Telemetry;
import co.hotwax.preorder.testkit.internal.VariantRecord;
import co.hotwax.preorder.testkit.internal.WriteObserver;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Shopify Admin GraphQL API simulator on loopback HTTP: {@code POST /admin/api/{version}/graphql.json} with
 * token auth, the 2026-04 inventory rules (changeFromQuantity compare-and-set, mandatory {@code @idempotent}),
 * catalog marks (tracked, inventoryPolicy, metafields, tags), shoppers placing orders, cost-based throttling and
 * seeded faults. Start one with {@link #builder()}; close it when done.
 *
 * <p>It turns on TCP_NODELAY for loopback speed by setting the JVM-wide {@code sun.net.httpserver.nodelay=true}
 * before its server starts, unless the property is already set. The JDK reads that property once, when the JVM's
 * first {@code com.sun.net.httpserver} server is created; if another such server started earlier in the JVM
 * without it, pass {@code -Dsun.net.httpserver.nodelay=true} to the JVM instead.
 *
 * <pre>{@code
 * try (ShopifySimulator shop = ShopifySimulator.builder().accessToken("shpat_test").start()) {
 *     Location loc = shop.addLocation("Pre-order warehouse");
 *     Product p = shop.addProduct("Jacket", List.of());
 *     Variant v = shop.addVariant(p.id(), "JKT-1", true, InventoryPolicy.DENY);
 *     shop.stock(v.inventoryItemId(), loc.id(), 5);
 *     URI endpoint = shop.graphqlEndpoint("2026-04");
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ShopifySimulator implements AutoCloseable {
    private static final int REQUEST_LOG_CAPACITY = 1_000;

    private final ShopStore store;
    private final Telemetry telemetry;
    private final SimulatedOrders orders;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String shopDomain;
    private final OversellLedger ledger;
    private final CostBucket bucket;
    private final AccessScopes scopes;
    private final BulkOperations bulk;
    private long refusals;

    private ShopifySimulator(Builder b) throws IOException {
        this.store = new ShopStore(b.clock);
        this.telemetry = new Telemetry(REQUEST_LOG_CAPACITY);
        this.shopDomain = b.shopDomain;
        this.ledger = b.ledger != null ? b.ledger : new OversellLedger();
        this.bucket = new CostBucket(b.limits, b.clock);
        WriteObserver writes = (sku, operation, detail, applied) -> {
            telemetry.write(applied);
            if (sku != null) {
                ledger.recordWrite(sku, operation, detail, store.now(), applied);
            }
        };
        this.scopes = new AccessScopes(b.scopes);
        BulkQueries bulkQueries = new BulkQueries(store, b.clock, b.bulk, this::bulkResultBase);
        BulkMutations bulkMutations = new BulkMutations(store, b.clock, b.bulk, this::baseUrl);
        this.bulk = new BulkOperations(bulkQueries, bulkMutations);
        AdminSchema schema = new AdminSchema(store, writes, new IdempotencyStore(b.clock), scopes, bulkQueries,
                bulkMutations);
        this.orders = new SimulatedOrders(new OrderBook(store, new OrderObserver() {
            @Override
            public void placed(String sku, String orderId, int quantity, Instant at, boolean accepted) {
                // A refused checkout has no order id in Shopify; the ledger still wants one per attempt.
                ledger.recordOrder(sku, accepted ? orderId : "refused-" + at.toEpochMilli() + "-" + (++refusals),
                        quantity, at, accepted);
            }

            @Override
            public void cancelled(String orderId, Instant at) {
                ledger.recordCancel(orderId, at);
            }
        }));
        TcpNoDelay.requestBeforeFirstServer();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "shopify-simulator-" + shopDomain);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(BulkResultHandler.PATH, new BulkResultHandler(BulkResultHandler.PATH, bulkQueries::result));
        server.createContext(BulkMutations.UPLOAD_PATH, new BulkMutationFiles(bulkMutations));
        server.createContext(BulkMutations.RESULT_PATH, new BulkResultHandler(BulkMutations.RESULT_PATH,
                bulkMutations::result));
        server.createContext("/", new AdminApiHandler(b.accessToken, b.versions, schema, store, telemetry,
                b.sleeper, b.latency, b.faults, new CostGate(schema.schema(), bucket,
                new QueryCost(b.cost.chargesNodeObjects(),
                        b.cost.connections() == CostModel.Connections.LOGARITHMIC, b.cost.overrides()))));
        server.start();
    }

    /**
     * A builder; only {@link Builder#accessToken} is required.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The GraphQL endpoint for an API version, e.g. {@code http://127.0.0.1:54321/admin/api/2026-04/graphql.json}.
     *
     * @param version the API version, e.g. {@code 2026-04}
     * @return the endpoint's URI on the loopback interface
     */
    public URI graphqlEndpoint(String version) {
        Objects.requireNonNull(version, "version");
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/admin/api/" + version
                + "/graphql.json");
    }

    /**
     * The simulated shop's domain, e.g. {@code sim-shop.myshopify.com}.
     *
     * @return the simulated shop's domain, e.g. {@code sim-shop.myshopify.com}
     */
    public String shopDomain() {
        return shopDomain;
    }

    /**
     * Shoppers: place, cancel, fulfil and move orders.
     *
     * @return the shop's orders
     */
    public SimulatedOrders orders() {
        return orders;
    }

    /**
     * The oversell ledger this shop feeds with every checkout attempt, cancellation and write.
     *
     * @return the oversell ledger this shop feeds with every checkout attempt, cancellation and write
     */
    public OversellLedger ledger() {
        return ledger;
    }

    /**
     * The cost bucket now, as {@code extensions.cost.throttleStatus} would report it.
     *
     * @return the cost bucket now, as {@code extensions.cost.throttleStatus} would report it
     */
    public ThrottleStatus throttleStatus() {
        return bucket.status();
    }

    /**
     * Cost points this shop has charged so far (requested costs admitted, minus refunds of requested over actual).
     *
     * @return the net points charged
     */
    public long pointsCharged() {
        return bucket.charged();
    }

    /**
     * The access scopes the token has now, sorted ({@code currentAppInstallation.accessScopes} answers the same).
     *
     * @return the granted scopes
     */
    public List<String> accessScopes() {
        return scopes.granted();
    }

    /**
     * Revokes a scope mid-run (as a merchant editing a custom app's scopes would); the next request that needs it
     * gets Shopify's ACCESS_DENIED error. Revoking a {@code write_} scope leaves its {@code read_} scope only if
     * that is granted on its own.
     *
     * @param scope the access scope, e.g. {@code write_inventory}
     */
    public void revokeScope(String scope) {
        scopes.revoke(requireText(scope, "scope"));
    }

    /**
     * Grants a scope again (or a new one).
     *
     * @param scope the access scope, e.g. {@code write_inventory}
     */
    public void grantScope(String scope) {
        scopes.grant(requireText(scope, "scope"));
    }

    /**
     * Request and write counters.
     *
     * @return request and write counters
     */
    public SimulatorStats stats() {
        return telemetry.stats();
    }

    /**
     * The last requests received (bounded), oldest first; tokens are never recorded.
     *
     * @return the last requests received (bounded), oldest first
     */
    public List<RequestLogEntry> requestLog() {
        return telemetry.requestLog();
    }

    /**
     * Seeds an active location that fulfils online orders, added at the bottom of the fulfilment priority list
     * ("After you create a location, it's added to the bottom of your fulfillment priority list",
     * help.shopify.com/en/manual/locations/setting-up-your-locations).
     *
     * @param name the name
     * @return the location
     */
    public Location addLocation(String name) {
        return addLocation(name, true);
    }

    /**
     * Seeds an active location; {@code fulfillsOnlineOrders} is Shopify's "Fulfill online orders from this
     * location" setting (a retail store that only sells through POS has it off).
     *
     * @param name the name
     * @param fulfillsOnlineOrders whether the location fulfils online orders
     * @return the location
     */
    public Location addLocation(String name, boolean fulfillsOnlineOrders) {
        LocationRecord l = store.addLocation(requireText(name, "name"), fulfillsOnlineOrders);
        return new Location(l.id(), l.name());
    }

    /**
     * Turns a location's "Fulfill online orders from this location" setting on or off.
     *
     * @param locationId the location's GID
     * @param fulfillsOnlineOrders whether the location fulfils online orders
     */
    public void setFulfillsOnlineOrders(String locationId, boolean fulfillsOnlineOrders) {
        store.fulfillsOnlineOrders(locationId, fulfillsOnlineOrders);
    }

    /**
     * Activates or deactivates a location. A deactivated location sells nothing and is left out of
     * {@code locations} unless {@code includeInactive: true}. (Shopify requires moving its stock and orders away
     * first; the simulator does not check that.)
     *
     * @param locationId the location's GID
     * @param active whether the location is active
     */
    public void setActive(String locationId, boolean active) {
        store.active(locationId, active);
    }

    /**
     * Sets the fulfilment priority list used to route online orders: these locations first, in this order, then
     * the others in their current order (by default, creation order).
     *
     * @param locationIds location GIDs, highest priority first
     * @throws IllegalArgumentException for an unknown location
     */
    public void routingPriority(List<String> locationIds) {
        store.routingPriority(List.copyOf(locationIds));
    }

    /**
     * Seeds a selling-plan group with one plan of category {@code PRE_ORDER} and the given inventory policy,
     * applied to the given variants (what another pre-order app would create with {@code sellingPlanGroupCreate}).
     *
     * @param name the name
     * @param reserve when the plan reserves inventory
     * @param variantIds the variants' GIDs
     * @return the selling plan group
     */
    public SellingPlanGroup addSellingPlanGroup(String name, SellingPlanReserve reserve, List<String> variantIds) {
        SellingPlanGroupRecord g = store.addSellingPlanGroup(requireText(name, "name"), name, "PRE_ORDER",
                Objects.requireNonNull(reserve, "reserve"), List.copyOf(variantIds));
        return new SellingPlanGroup(g.id(), g.plans().get(0).id());
    }

    /**
     * Sets a product's {@code requiresSellingPlan}: when on, checkout refuses lines bought without a plan.
     *
     * @param productId the product's GID
     * @param requiresSellingPlan whether checkout requires a selling plan
     */
    public void setRequiresSellingPlan(String productId, boolean requiresSellingPlan) {
        store.requiresSellingPlan(productId, requiresSellingPlan);
    }

    /**
     * Seeds a product with tags.
     *
     * @param title the product title
     * @param tags the product tags
     * @return the product
     */
    public Product addProduct(String title, List<String> tags) {
        ProductRecord p = store.addProduct(requireText(title, "title"), List.copyOf(tags));
        return new Product(p.id(), p.title());
    }

    /**
     * Seeds a variant of a product, creating its inventory item (tracked or not).
     *
     * @param productId the product's GID
     * @param sku the SKU
     * @param tracked whether inventory is tracked
     * @param policy the inventory policy
     * @return the variant
     */
    public Variant addVariant(String productId, String sku, boolean tracked, InventoryPolicy policy) {
        VariantRecord v = store.addVariant(productId, requireText(sku, "sku"), tracked,
                Objects.requireNonNull(policy, "policy"));
        return new Variant(v.id(), productId, v.sku(), v.inventoryItem().id());
    }

    /**
     * Activates a variant's (or item's) inventory at a location and sets available.
     *
     * @param variantOrItemId a variant or inventory item GID
     * @param locationId the location's GID
     * @param available the available quantity
     */
    public void stock(String variantOrItemId, String locationId, int available) {
        store.stock(itemId(variantOrItemId), locationId, available);
    }

    /**
     * The current value of a quantity name (available, committed, on_hand, ...) of an item at a location.
     *
     * @param itemId an inventory item or variant GID
     * @param locationId the location's GID
     * @param name the name
     * @return the quantity
     */
    public int quantity(String itemId, String locationId, String name) {
        if (!QuantityName.ALL.contains(name)) {
            throw new IllegalArgumentException("unknown quantity name " + name + "; use one of " + QuantityName.ALL);
        }
        return store.locked(() -> {
            LevelRecord level = store.item(itemId(itemId))
                    .orElseThrow(() -> new IllegalArgumentException("no item " + itemId)).level(locationId);
            if (level == null) {
                throw new IllegalArgumentException(itemId + " is not stocked at " + locationId);
            }
            return level.get(name);
        });
    }

    /**
     * A variant's inventory policy.
     *
     * @param variantId the variant's GID
     * @return a variant's inventory policy
     */
    public InventoryPolicy policy(String variantId) {
        return store.locked(() -> variantRecord(variantId).inventoryPolicy());
    }

    /**
     * A product's tags.
     *
     * @param productId the product's GID
     * @return a product's tags
     */
    public List<String> tags(String productId) {
        return store.locked(() -> store.product(productId)
                .orElseThrow(() -> new IllegalArgumentException("no product " + productId)).tags());
    }

    /**
     * The value of a metafield on a product or variant, if set.
     *
     * @param ownerId the product or variant GID
     * @param namespace the metafield namespace
     * @param key the metafield key
     * @return the value of a metafield on a product or variant, if set
     */
    public Optional<String> metafield(String ownerId, String namespace, String key) {
        return store.locked(() -> store.metafield(ownerId, namespace, key).map(m -> m.value()));
    }

    /**
     * Whether an inventory item (or a variant's item) is tracked.
     *
     * @param itemId an inventory item or variant GID
     * @return whether an inventory item (or a variant's item) is tracked
     */
    public boolean tracked(String itemId) {
        return store.locked(() -> store.item(itemId(itemId))
                .orElseThrow(() -> new IllegalArgumentException("no item " + itemId)).tracked());
    }

    private VariantRecord variantRecord(String variantId) {
        return store.variant(variantId).orElseThrow(() -> new IllegalArgumentException("no variant " + variantId));
    }

    private String itemId(String variantOrItemId) {
        return store.locked(() -> store.variant(variantOrItemId).map(v -> v.inventoryItem().id())
                .orElse(variantOrItemId));
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * The bulk query operations: outcomes to inject, operations started by others (see {@link BulkBehaviour}).
     *
     * @return the handle
     */
    public BulkOperations bulk() {
        return bulk;
    }

    private String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private String bulkResultBase() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + BulkResultHandler.PATH;
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Never shows the access token. */
    @Override
    public String toString() {
        return "ShopifySimulator[" + shopDomain + " at " + server.getAddress() + "]";
    }

    /** Validating builder for {@link ShopifySimulator}. */
    public static final class Builder {
        private String accessToken;
        private String shopDomain = "sim-shop.myshopify.com";
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Duration latency = Duration.ZERO;
        private Predicate<String> versions = AdminApiHandler::defaultVersion;
        private int threads = 4;
        private PlanLimits limits = PlanLimits.of(ShopifyPlan.STANDARD);
        private FaultPlan faults = FaultPlan.none();
        private OversellLedger ledger;
        private Set<String> scopes = new LinkedHashSet<>(AccessScopes.ALL);
        private CostModel cost = CostModel.firstSimulator();
        private BulkBehaviour bulk = BulkBehaviour.defaults();

        private Builder() {
        }

        /**
         * The access scopes granted to the token, replacing the default (every scope the simulator knows, so a
         * default simulator can do everything it serves).
         *
         * @param scopes the granted access scopes
         * @return this builder
         */
        public Builder accessScopes(String... scopes) {
            this.scopes = new LinkedHashSet<>(List.of(scopes));
            return this;
        }

        /**
         * The token clients must send in {@code X-Shopify-Access-Token} (required; never logged).
         *
         * @param accessToken the token requests must send in {@code X-Shopify-Access-Token}
         * @return this builder
         */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /**
         * The shop domain (default {@code sim-shop.myshopify.com}).
         *
         * @param shopDomain the shop's domain, e.g. {@code sim-shop.myshopify.com}
         * @return this builder
         */
        public Builder shopDomain(String shopDomain) {
            this.shopDomain = shopDomain;
            return this;
        }

        /**
         * The clock for timestamps, orders and the cost bucket (default system UTC).
         *
         * @param clock the time source
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How the simulator waits for latency and slow responses (default {@link Sleeper#system()}).
         *
         * @param sleeper how to wait
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Fixed extra latency added to every GraphQL request through the sleeper (default 0).
         *
         * @param latency the delay added to every response
         * @return this builder
         */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /**
         * The accepted API versions, replacing the default (2026-04 and every later YYYY-MM).
         *
         * @param versions the API versions accepted
         * @return this builder
         */
        public Builder apiVersions(String... versions) {
            Set<String> accepted = Set.of(versions);
            this.versions = accepted::contains;
            return this;
        }

        /**
         * The shop's plan, which sets the cost bucket (default {@link ShopifyPlan#STANDARD}).
         *
         * @param plan the plan
         * @return this builder
         */
        public Builder plan(ShopifyPlan plan) {
            this.limits = PlanLimits.of(plan);
            return this;
        }

        /**
         * Custom bucket limits, e.g. {@code new PlanLimits(10, 50)} so a test throttles quickly.
         *
         * @param limits the restore rate and bucket size
         * @return this builder
         */
        public Builder limits(PlanLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * How query costs are computed. The default is {@link CostModel#firstSimulator()}, which existing callers
         * were tuned against; pass {@link CostModel#documented()} for Shopify's documented calculation.
         *
         * @param cost the cost model
         * @return this builder
         */
        public Builder costModel(CostModel cost) {
            this.cost = cost;
            return this;
        }

        /**
         * How bulk query operations move in time and how many may run at once (default {@link BulkBehaviour#defaults()}).
         *
         * @param bulk how bulk operations behave
         * @return this builder
         */
        public Builder bulkBehaviour(BulkBehaviour bulk) {
            this.bulk = java.util.Objects.requireNonNull(bulk, "bulk");
            return this;
        }

        /**
         * The faults to inject, drawn once per request before execution (default none).
         *
         * @param faults the faults to inject
         * @return this builder
         */
        public Builder faults(FaultPlan faults) {
            this.faults = faults;
            return this;
        }

        /**
         * The ledger to feed (default a new one per started simulator, see {@link ShopifySimulator#ledger()}).
         *
         * @param ledger the ledger to record into
         * @return this builder
         */
        public Builder ledger(OversellLedger ledger) {
            this.ledger = ledger;
            return this;
        }

        /**
         * HTTP worker threads (default 4).
         *
         * @param threads the number of request threads
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Validates and starts the server on 127.0.0.1 with an ephemeral port.
         *
         * @return the running simulator; close it to stop the server
         * @throws IllegalArgumentException when a setting is missing or invalid
         * @throws UncheckedIOException when the port cannot be bound
         */
        public ShopifySimulator start() {
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalArgumentException("accessToken is required");
            }
            if (shopDomain == null || !shopDomain.endsWith(".myshopify.com")) {
                throw new IllegalArgumentException("shopDomain must end with .myshopify.com, got " + shopDomain);
            }
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(faults, "faults");
            Objects.requireNonNull(cost, "costModel");
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must be zero or positive, got " + latency);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            try {
                return new ShopifySimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the simulator", e);
            }
        }

        /** Never shows the access token. */
        @Override
        public String toString() {
            return "ShopifySimulator.Builder[" + shopDomain + "]";
        }
    }
}
