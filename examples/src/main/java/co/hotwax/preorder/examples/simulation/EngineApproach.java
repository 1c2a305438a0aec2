package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The SDK under test: {@link PreorderSync} in manual mode over the OMS's feeds, publishing through the real
 * {@link ShopifyPublisher} to the simulator over HTTP, one publisher per store with the store's weight (stores share
 * every pool). Every seam (clock, sleeper, randomness) is the run's, so pacing waits and retry backoffs move
 * virtual time and a seed replays exactly. Each publisher talks through the store's observed HTTP client, so the
 * run checks every store after every call.
 *
 * <p>A crash drops the engine and its publishers without stopping them (queued OMS calls are lost, as in a killed
 * process) and starts new ones over the same feeds: the restart reloads snapshots and resyncs every SKU. The engine
 * starts even when a store's setup check fails ({@code continueOnSetupProblems}: a restart while a scope is revoked
 * must not take the other stores down); the publisher still refuses to write into a store its preflight blocks.
 *
 * <p>A store that refuses the engine's writes for its setup (a revoked scope: a {@code ChannelProblem}) may show a
 * stale quantity until the engine has published each SKU there again, so the engine counts as caught up only once
 * it has ({@link #caughtUp()}): a capacity drop during a revocation stays inside its propagation window until the
 * store shows it.
 *
 * <p>{@code bulkReads} sets the publishers' {@code bulkReadThreshold} below the catalog, so every resolution (the
 * first publish and each restart) exports the catalog with a bulk query (issue 15 item 5).
 */
public final class EngineApproach implements SyncApproach {
    /** The most steps one tick runs: far above what a tick needs, a guard against a loop that never idles. */
    private static final int MAX_STEPS_PER_TICK = 10_000;
    /** How often the engine reconciles every store with the book (reads each store afresh). */
    public static final Duration RECONCILE_INTERVAL = Duration.ofMinutes(15);

    private final RunContext ctx;
    private final SplittableRandom random;
    private final List<String> rejections = new ArrayList<>();
    /** Per store, the SKUs whose state a channel problem may have left stale there, until published again. */
    private final Map<String, Set<String>> unconfirmed = new HashMap<>();
    private final Integer bulkReadThreshold;
    private PreorderSync engine;
    private int generation;
    private long writes;

    /**
     * Creates the approach for a run.
     *
     * @param context the run
     */
    public EngineApproach(RunContext context) {
        this(context, null);
    }

    private EngineApproach(RunContext context, Integer bulkReadThreshold) {
        this.ctx = context;
        this.random = new SplittableRandom(context.seed());
        this.bulkReadThreshold = bulkReadThreshold;
    }

    /**
     * The engine with its publishers' bulk reads on: {@code bulkReadThreshold} is half the run's pre-order SKUs
     * (rounded down), below the catalog, so each resolution of the catalog exports it with a bulk query.
     *
     * @param context the run
     * @return the approach
     */
    public static EngineApproach withBulkReads(RunContext context) {
        return new EngineApproach(context, context.store().skus().size() / 2);
    }

    @Override
    public String name() {
        return "engine (this SDK)";
    }

    @Override
    public void start() {
        generation++;
        PreorderSync.Builder builder = PreorderSync.builder();
        for (SimulatedStore store : ctx.stores()) {
            builder.publisher(new WriteCountingPublisher(publisher(store), n -> writes += n), store.weight());
        }
        engine = builder
                .supply(ctx.oms().supplyFeed())
                .preOrders(ctx.oms().preOrderFeed())
                .policy(BookPolicy.defaults())
                .clock(ctx.clock())
                .sleeper(ctx.clock()::sleep)
                .random(random.split())
                .pollInterval(Duration.ofSeconds(30))
                .reconcileInterval(RECONCILE_INTERVAL)
                .retryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .listener(this::onSyncEvent)
                .continueOnSetupProblems(true)
                .build();
        engine.startManual();
        tick();
    }

    private ShopifyPublisher publisher(SimulatedStore store) {
        URI endpoint = store.endpoint();
        ShopifyPublisherConfig.Builder config = ShopifyPublisherConfig.builder()
                .shopDomain(store.shopDomain())
                .endpoint(URI.create(endpoint.getScheme() + "://" + endpoint.getAuthority()))
                .accessToken(store::token)
                .apiVersion(SimulatedStore.API_VERSION)
                .defaultLocationId(store.preorderLocationId());
        if (bulkReadThreshold != null) {
            config.bulkReadThreshold(bulkReadThreshold);
        }
        return ShopifyPublisher.builder(config.build())
                .clock(ctx.clock())
                .sleeper(ctx.clock()::sleep)
                .random(random.split())
                .httpClient(store.observedHttpClient())
                .build();
    }

    private void onSyncEvent(SyncEvent event) {
        if (event instanceof SyncEvent.Published p) {
            if (p.wrote()) {
                writes++;
            }
            int at = p.key().indexOf('@');
            unconfirmed.getOrDefault(p.publisher(), new HashSet<>()).remove(at < 0 ? p.key() : p.key().substring(0, at));
        } else if (event instanceof SyncEvent.Rejected r) {
            rejections.add("engine #" + generation + " publisher rejected " + r.key() + ": " + r.reason());
        } else if (event instanceof SyncEvent.InputRejected r) {
            rejections.add("engine #" + generation + " rejected input " + r.item() + ": " + r.reason());
        } else if (event instanceof SyncEvent.ChannelProblem c) {
            rejections.add(ctx.clock().instant() + " engine #" + generation + " store " + c.publisher()
                    + " refuses every SKU: " + c.reason());
            unconfirmed.computeIfAbsent(c.publisher(), k -> new HashSet<>()).addAll(ctx.store().skus());
        } else if (event instanceof SyncEvent.SetupProblem s && s.blocking()) {
            rejections.add(ctx.clock().instant() + " engine #" + generation + " store " + s.publisher()
                    + " setup check at start, " + s.check() + ": " + s.reason());
        }
    }

    @Override
    public void supplyChanged(SupplyLine line) {
        engine.supplyChanged(line);
    }

    @Override
    public void preOrderTaken(PreOrder preOrder) {
        engine.preOrderTaken(preOrder);
    }

    @Override
    public void preOrderReleased(PreOrder preOrder) {
        engine.preOrderReleased(preOrder.orderId(), preOrder.lineId());
        // The OMS moves the fulfilment once the engine has lowered on_hand, so available never grows.
        tick();
    }

    @Override
    public void tick() {
        engine.runUntilIdle(MAX_STEPS_PER_TICK);
    }

    @Override
    public boolean confirmed(String channel, String sku) {
        return !unconfirmed.getOrDefault(channel, Set.of()).contains(sku);
    }

    @Override
    public Instant nextDue() {
        return engine.nextDue();
    }

    @Override
    public boolean caughtUp() {
        return engine.metrics().pendingPools() == 0 && unconfirmed.values().stream().allMatch(Set::isEmpty);
    }

    @Override
    public void crash() {
        // No stop, no close: the process is gone. Its publishers and HTTP clients are garbage.
        engine = null;
        start();
    }

    @Override
    public long writesReported() {
        return writes;
    }

    @Override
    public List<String> problems() {
        return List.copyOf(rejections);
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
