package co.hotwax.preorder.shopify;

import co.hotwax.preorder.shopify.internal.AccessTokens;
import co.hotwax.preorder.shopify.internal.BatchItem;
import co.hotwax.preorder.shopify.internal.BatchPreparation;
import co.hotwax.preorder.shopify.internal.BulkMutationRunner;
import co.hotwax.preorder.shopify.internal.CallFailedException;
import co.hotwax.preorder.shopify.internal.CommittedElsewhere;
import co.hotwax.preorder.shopify.internal.CostPacer;
import co.hotwax.preorder.shopify.internal.ExportedCatalog;
import co.hotwax.preorder.shopify.internal.GraphQlTransport;
import co.hotwax.preorder.shopify.internal.IdempotencyKeys;
import co.hotwax.preorder.shopify.internal.LevelQuantities;
import co.hotwax.preorder.shopify.internal.BulkVariantExport;
import co.hotwax.preorder.shopify.internal.LevelReader;
import co.hotwax.preorder.shopify.internal.MarksWriter;
import co.hotwax.preorder.shopify.internal.OnHandCache;
import co.hotwax.preorder.shopify.internal.PreflightDocuments;
import co.hotwax.preorder.shopify.internal.PreflightGate;
import co.hotwax.preorder.shopify.internal.PreorderMetafield;
import co.hotwax.preorder.shopify.internal.PublishPreview;
import co.hotwax.preorder.shopify.internal.QuantityTarget;
import co.hotwax.preorder.shopify.internal.QuantityWriter;
import co.hotwax.preorder.shopify.internal.RetryIntervals;
import co.hotwax.preorder.shopify.internal.SdkVersion;
import co.hotwax.preorder.shopify.internal.ShopifyClient;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments;
import co.hotwax.preorder.shopify.internal.StorePreflight;
import co.hotwax.preorder.shopify.internal.VariantResolver;
import co.hotwax.preorder.spi.ChannelUsage;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.MdcKeys;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SetupCheck;
import co.hotwax.preorder.spi.Sleeper;
import co.hotwax.preorder.spi.SpiVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The {@link InventoryPublisher} for one Shopify shop.
 *
 * <p>Per publish: resolve SKUs (cached), read the items' levels at their locations in one request per 250 (at a
 * dedicated location, only for items whose on_hand the adapter cannot vouch for: see {@code OnHandCache}), put the
 * marks on for listed items (tracked, stocked, DENY, metafield, tag), write the quantities with compare-and-set
 * (see the README, "Why Shopify never sells a unit twice"), then take the marks off delisted items whose quantity
 * is down. Requests are paced by Shopify's cost bucket and retried (THROTTLED, 429, 5xx, IO errors, timeouts) with
 * the same idempotency key. One bad item never fails the others.
 *
 * <p>Not thread-safe per instance: the SPI calls {@link #publish} from one thread at a time.
 *
 * @since 0.1.0
 */
public final class ShopifyPublisher implements InventoryPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyPublisher.class);

    private final ShopifyPublisherConfig config;
    private final ShopifyClient client;
    private final VariantResolver resolver;
    private final LevelReader reader;
    private final BatchPreparation preparation;
    private final QuantityWriter quantities;
    private final MarksWriter marks;
    private final OnHandCache onHand = new OnHandCache();
    private final AccessTokens tokens;
    /** Read by {@link #usage()}: it reserves under its lock and waits outside it, so a read never blocks. */
    private final CostPacer pacer;
    private final HttpClient ownedHttp;
    private final StorePreflight storePreflight;
    private final PreflightGate gate;
    private final CommittedElsewhere elsewhere;

    private ShopifyPublisher(Builder b, RandomGenerator random) {
        this.config = b.config;
        ObjectMapper json = new ObjectMapper();
        HttpClient http = b.httpClient;
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
            this.ownedHttp = http;
        } else {
            this.ownedHttp = null;
        }
        GraphQlTransport transport = new GraphQlTransport(http, config.graphqlEndpoint(), config.accessToken(),
                config.requestTimeout(), json, SdkVersion.userAgent());
        this.pacer = new CostPacer(b.clock, b.sleeper, config.bucketSize(), config.restoreRate(), config.maxServerWait());
        RateLimiter limiter = null;
        if (config.maxRequestsPerSecond().isPresent()) {
            double rps = config.maxRequestsPerSecond().getAsDouble();
            RateLimiterConfig limiterConfig = RateLimiterConfig.custom()
                    .limitForPeriod(1)
                    .limitRefreshPeriod(Duration.ofNanos((long) Math.ceil(1e9 / rps)))
                    .timeoutDuration(Duration.ofDays(1))
                    .build();
            Clock clock = b.clock;
            // Driven by the injected clock so a simulation on virtual time is capped in virtual time; one instant
            // per reading, so seconds and nanos come from the same moment.
            limiter = RateLimiter.of("shopify-" + config.shopDomain(), limiterConfig, () -> {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            });
        }
        this.tokens = new AccessTokens(config.accessToken());
        this.client = new ShopifyClient(config.shopDomain(), transport, pacer, b.sleeper, limiter,
                ShopifyClient.retryConfig(config.maxAttempts(), new RetryIntervals(random)), tokens, config.maxServerWait());
        ShopifyDocuments documents = new ShopifyDocuments(config.metafieldNamespace(), config.metafieldKey());
        IdempotencyKeys keys = new IdempotencyKeys(random);
        ExportedCatalog catalog = new ExportedCatalog(b.clock, new BulkVariantExport(client, http, config.requestTimeout(),
                config.metafieldNamespace(), config.metafieldKey()), config.bulkReadThreshold(), config.shopDomain());
        this.resolver = new VariantResolver(client, documents, config.resolutionPageSize(), catalog);
        this.reader = new LevelReader(client, documents, catalog);
        this.preparation = new BatchPreparation(config, resolver, reader);
        this.quantities = new QuantityWriter(client, documents, reader, keys, config.mode(), config.inventoryReason(),
                config.maxCompareAndSetRounds());
        this.marks = new MarksWriter(client, documents, resolver, new PreorderMetafield(json, b.clock), keys, config.productTag(),
                config.groupedMarks(), new BulkMutationRunner(client, http, b.clock, b.sleeper, config.requestTimeout()),
                config.bulkWriteThreshold());
        Set<String> locations = new HashSet<>(config.facilityLocations().values());
        locations.add(config.defaultLocationId());
        this.storePreflight = new StorePreflight(client, new PreflightDocuments(config.metafieldNamespace(), config.metafieldKey()),
                new PreorderMetafield(json, b.clock), config.apiVersion(), locations, config.productTag(), catalog);
        this.elsewhere = new CommittedElsewhere(reader, config.shopDomain(), config.preflight(),
                config.allowUnsafeListing());
        this.gate = config.preflight() ? new PreflightGate(storePreflight, elsewhere, new PreorderMetafield(json, b.clock), b.clock,
                config.allowUnsafeListing(), config.preflightRecheck(), config.shopDomain(), catalog) : null;
    }

    /**
     * Starts a publisher for the configuration, with real time, real sleeping and a fresh random seed by default.
     *
     * @param config the validated configuration
     * @return the builder of seams
     */
    public static Builder builder(ShopifyPublisherConfig config) {
        return new Builder(config);
    }

    @Override
    public String channelId() {
        return config.shopDomain();
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<PublishOutcome> publish(List<DesiredState> states) {
        Objects.requireNonNull(states, "states");
        String previousShop = MDC.get(MdcKeys.SHOP);
        // Every line logged while publishing, here and in the internal classes, carries the shop.
        MDC.put(MdcKeys.SHOP, config.shopDomain());
        try {
            return publishAll(states);
        } finally {
            restoreShop(previousShop);
        }
    }

    private List<PublishOutcome> publishAll(List<DesiredState> states) {
        // More than maxBatchSize() is accepted anyway: reads and writes are split into 250-entry requests below.
        List<BatchItem> items = preparation.items(states);
        try {
            try {
                preparation.resolve(items);
            } catch (CallFailedException e) {
                items.forEach(i -> i.fail(e, "resolving SKUs failed"));
            }
            Consumer<BatchItem> storeRefusal = gate == null ? null : gate.check(items);
            for (Map.Entry<String, List<BatchItem>> location : BatchPreparation.openByLocation(items).entrySet()) {
                publishAt(location.getKey(), location.getValue(), storeRefusal);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            items.forEach(i -> i.retry("interrupted"));
        } catch (RuntimeException e) {
            // A shape of answer nothing above foresaw: every undecided item is retried (never applied), and nothing
            // is remembered for it; the message is scrubbed like every other.
            LOG.warn("shop {}: publish failed unexpectedly ({}); undecided items will be retried", config.shopDomain(),
                    tokens.scrub(String.valueOf(e)));
            items.forEach(i -> {
                i.retry("internal: " + e.getClass().getSimpleName());
                onHand.forget(i.variant() == null ? "" : i.variant().inventoryItemId(), i.locationId());
            });
        }
        List<PublishOutcome> outcomes = new ArrayList<>(items.size());
        items.forEach(i -> outcomes.add(scrubbed(i.outcome())));
        return outcomes;
    }

    private PublishOutcome scrubbed(PublishOutcome outcome) {
        String reason = tokens.scrub(outcome.reason());
        return reason.equals(outcome.reason()) ? outcome
                : new PublishOutcome(outcome.sku(), outcome.facilityId(), outcome.status(), outcome.wrote(), reason,
                        outcome.inFlight(), outcome.retryAfter());
    }

    /**
     * Says what {@link #publish} would do to each state, without writing anything: the same checks, SKU
     * resolution and level reads as publish (queries only, paced and retried the same way), then per state the
     * marks that would be put on or taken off and the quantity the same formula would write. Nothing is mutated
     * in Shopify; a publish right after reuses the SKU resolutions. A dry run for operators.
     *
     * <p>Unlike publish, which turns a failed call into RETRY outcomes, a preview that cannot read the shop throws:
     * a plan built without the reads would be a guess.
     *
     * @param states the states publish would get (any number; reads go 250 per request)
     * @return one planned change per state, in input order
     * @throws ShopifyUnavailableException when the shop cannot be read after retries (unreachable, throttled to
     *                                     the end, a refused token or scope); the message names the cause
     */
    public List<PlannedChange> preview(List<DesiredState> states) {
        String previousShop = MDC.get(MdcKeys.SHOP);
        MDC.put(MdcKeys.SHOP, config.shopDomain());
        try {
            return new PublishPreview(config, resolver, reader, onHand, tokens).preview(states);
        } finally {
            restoreShop(previousShop);
        }
    }

    private static void restoreShop(String previous) {
        if (previous == null) {
            MDC.remove(MdcKeys.SHOP);
        } else {
            MDC.put(MdcKeys.SHOP, previous);
        }
    }

    /**
     * Checks the shop's setup, read-only: the store level (the token's scopes against
     * {@link StorePreflight#REQUIRED_SCOPES}, the API version served, the pre-order locations exist, are active and
     * fulfil online orders, other online-fulfilling locations) and per SKU (found, unique, tracked, policy, where it
     * is stocked with what available, selling plans that would defeat DENY, a tag or metafield owned by something
     * else). Each finding has a severity, a reason and the fix. Publish runs the same checks (see
     * {@link ShopifyPublisherConfig.Builder#preflight}).
     *
     * @param skus the SKUs to check (may be empty: store level only)
     * @return the report
     * @throws ShopifyUnavailableException when the shop cannot be read after retries
     */
    public PreflightReport preflight(List<String> skus) {
        Objects.requireNonNull(skus, "skus");
        try {
            StorePreflight.Checked checked = storePreflight.check(skus);
            elsewhere.learn(checked);
            return checked.report();
        } catch (CallFailedException e) {
            throw new ShopifyUnavailableException(tokens.scrub("cannot check shop " + config.shopDomain() + ": " + e.getMessage()),
                    e.kind().isTransient(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailableException("checking shop " + config.shopDomain() + " was interrupted", true, e);
        }
    }

    /**
     * The store-level preflight for the engine's start ({@link #preflight} without SKUs: access scopes, the API
     * version served, the pre-order locations, other online locations), as the SPI's setup check: each BLOCKER is a
     * blocking problem, each WARNING a non-blocking one; passed checks are not reported. One query (254 points
     * requested for a page of 250 locations; Shopify refunds the difference to what it read). A shop that refuses the request (a wrong token, HTTP 4xx)
     * is a blocking problem; a shop that cannot be reached right now is a non-blocking one, since publish checks
     * the store again before it writes. With {@link ShopifyPublisherConfig.Builder#preflight preflight(false)}
     * nothing is checked and nothing reported.
     *
     * @return the problems found
     */
    @Override
    public SetupCheck checkSetup() {
        if (!config.preflight()) {
            return SetupCheck.NOTHING_TO_REPORT;
        }
        PreflightReport report;
        try {
            report = storePreflight.run(List.of());
        } catch (CallFailedException e) {
            return new SetupCheck(List.of(unreadable(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SetupCheck(List.of(new SetupCheck.Problem(false, "shop-reachable", "checking shop "
                    + config.shopDomain() + " was interrupted", "")));
        }
        List<SetupCheck.Problem> problems = new ArrayList<>();
        for (PreflightFinding f : report.store()) {
            if (f.severity() == PreflightFinding.Severity.BLOCKER || f.severity() == PreflightFinding.Severity.WARNING) {
                problems.add(new SetupCheck.Problem(f.blocking(), f.check(), f.subject().equals("store") ? f.reason()
                        : f.subject() + ": " + f.reason(), f.fix()));
            }
        }
        return new SetupCheck(problems);
    }

    /** Why the shop could not be checked: a missing scope or a refused request blocks, a transient failure not. */
    private SetupCheck.Problem unreadable(CallFailedException e) {
        String why = tokens.scrub("cannot check shop " + config.shopDomain() + ": " + e.getMessage());
        if (e.kind() == CallFailedException.Kind.ACCESS_DENIED) {
            return new SetupCheck.Problem(true, "access-scopes", why, "grant the access scope named to the app (it needs "
                    + String.join(", ", StorePreflight.REQUIRED_SCOPES) + ") and have the merchant approve it");
        }
        boolean refused = !e.kind().isTransient();
        return new SetupCheck.Problem(refused, "shop-reachable", why, refused
                ? "check the shop domain, the access token and the API version"
                : "nothing if it passes: publish checks the store again before it writes");
    }

    /**
     * Publishes the open items of one location. With a store refusal (the preflight refused the store, or could not
     * check it) every open item is decided by it once the levels are read, and only decreases are written.
     */
    private void publishAt(String locationId, List<BatchItem> items, Consumer<BatchItem> storeRefusal)
            throws InterruptedException {
        List<BatchItem> toRead = new ArrayList<>();
        for (BatchItem item : items) {
            // Shared location: available moves with every order, so only a fresh read will do; and so for a SKU
            // stocked at another location, whose committed units there are read beside a fresh read here.
            Optional<LevelQuantities> remembered = config.mode() == PublishMode.DEDICATED_LOCATION
                    && !elsewhere.stockedElsewhere(item.state().sku())
                    ? onHand.usableFor(item.variant().inventoryItemId(), locationId, item.state())
                    : Optional.empty();
            remembered.ifPresentOrElse(item::level, () -> toRead.add(item));
        }
        if (!toRead.isEmpty()) {
            try {
                preparation.readLevels(locationId, toRead);
            } catch (CallFailedException e) {
                toRead.forEach(i -> i.fail(e, "reading levels failed"));
            }
        }
        if (config.mode() == PublishMode.DEDICATED_LOCATION) {
            // At a shared location the SKU's other units are ordinary stock: orders there are not pre-orders.
            elsewhere.read(items.stream().filter(BatchItem::open).filter(i -> elsewhere.stockedElsewhere(i.state().sku())).toList());
        }
        // A decrease needs only write_inventory and never sells a unit more, so it is written whatever the marks'
        // outcome (a denied metafield write must not keep a lower quantity from the store). An increase waits for
        // its marks, so a unit never sells without DENY and the pre-order metafield.
        List<BatchItem> open = items.stream().filter(BatchItem::open).toList();
        Set<BatchItem> decreases = new HashSet<>(open.stream().filter(this::lowers).toList());
        if (storeRefusal == null) {
            marks.list(open.stream().filter(i -> i.state().listed()).toList(), locationId);
        } else {
            // The store's setup is not vouched for: nothing is listed or raised, but a decrease sells less whatever
            // the setup (as with marks refused), so the store is not left selling a stale, larger quantity.
            open.forEach(storeRefusal);
        }
        List<BatchItem> done = quantities.write(open.stream().filter(i -> i.open() || decreases.contains(i)).toList(),
                locationId);
        // Delisting: only after the quantity is down do the marks come off.
        marks.delist(done.stream().filter(BatchItem::open).filter(i -> !i.state().listed()).toList());
        done.forEach(BatchItem::applied);
        rememberOnHand(locationId, items, done);
        for (BatchItem item : items) {
            if (item.open()) {
                LOG.warn("shop {}: sku {}: no outcome decided; reporting RETRY", config.shopDomain(), item.state().key());
                item.retry("internal: no outcome decided");
            }
        }
    }

    /** Whether the item's quantity goes down (or it is delisted): safe to write before, or without, its marks. */
    private boolean lowers(BatchItem item) {
        if (!item.state().listed()) {
            return true;
        }
        QuantityTarget t = QuantityTarget.of(config.mode(), item);
        return t.write() && t.target() < t.changeFrom();
    }

    /**
     * Remembers the on_hand of every item whose quantity now matches its target and forgets every other one (its
     * write may or may not have applied), so that only a level the adapter can vouch for is written from.
     */
    private void rememberOnHand(String locationId, List<BatchItem> items, List<BatchItem> done) {
        if (config.mode() != PublishMode.DEDICATED_LOCATION) {
            return;
        }
        Set<BatchItem> matched = new HashSet<>(done);
        for (BatchItem item : items) {
            String itemId = item.variant().inventoryItemId();
            if (matched.contains(item) && item.level() != null && item.level().stocked()
                    && item.outcome().status() == PublishOutcome.Status.APPLIED) {
                onHand.remember(itemId, locationId, item.level().onHand(), item.state());
            } else {
                onHand.forget(itemId, locationId);
            }
        }
    }

    /** @return THROTTLED responses seen so far (0 when pacing works) */
    public int throttledResponses() {
        return client.throttledResponses();
    }

    /** @return HTTP requests sent so far */
    public int requestsSent() {
        return client.requests();
    }

    /**
     * Requests, THROTTLED responses and the cost bucket's level and size by the adapter's own model (synced from
     * every response's {@code throttleStatus}), read now. Points spent are not counted yet (-1). Thread-safe, never
     * blocks for a pacing wait.
     */
    @Override
    public ChannelUsage usage() {
        return new ChannelUsage(client.requests(), client.throttledResponses(), client.pointsSpent(), pacer.available(),
                pacer.maximum());
    }

    @Override
    public void close() {
        if (ownedHttp instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP client failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "ShopifyPublisher{" + config + "}";
    }

    /** Seams for time, sleeping, randomness and HTTP; every one optional. */
    public static final class Builder {
        private final ShopifyPublisherConfig config;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random;
        private HttpClient httpClient;

        private Builder(ShopifyPublisherConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The time source for pacing, the rate limiter and metafield stamps (default UTC system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How waits happen (default {@link Sleeper#system()}).
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Randomness for idempotency keys and retry jitter (default a new {@code SplittableRandom}); seed it to
         * replay a run. In production leave the default (or seed per process run): two runs with the same seed
         * send the same keys, which Shopify answers with IDEMPOTENCY_KEY_PARAMETER_MISMATCH (recovered from by a
         * re-read and a new key, at the cost of a round trip).
         *
         * @param random the generator
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The HTTP client (default: a new HTTP/1.1 client with the configured connect timeout, closed with the
         * publisher). A client passed here is not closed.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** @return the publisher; building again gives another publisher with the settings of that moment */
        public ShopifyPublisher build() {
            return new ShopifyPublisher(this, random == null ? new java.util.SplittableRandom() : random);
        }
    }
}
