package co.hotwax.preorder.micrometer;

import co.hotwax.preorder.core.engine.EngineMetrics;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.StoreMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a {@link PreorderSync}'s figures to a Micrometer {@link MeterRegistry}, following Micrometer's naming
 * conventions (lower-case dot-separated names, which each registry renders in its own style, e.g.
 * {@code preorder_sync_lag_seconds} in Prometheus; counters without a {@code total} suffix; time in base units).
 * Every meter reads a fresh {@link PreorderSync#metricsSnapshot()}; nothing blocks the engine's loop.
 *
 * <p>Per store, tag {@code shop} (the publisher's channel id):
 * <ul>
 *   <li>{@code preorder.sync.published}, {@code preorder.sync.drift.corrected}: counters of SKU states;</li>
 *   <li>{@code preorder.sync.retries}, {@code preorder.sync.rejections}: counters with tag {@code reason} (a
 *   template, at most 32 per store; a reason appears from the scrape after it was first seen);</li>
 *   <li>{@code preorder.sync.lag}: age of the oldest unpublished change (time gauge);</li>
 *   <li>{@code preorder.sync.pending}: SKU states waiting, tag {@code lane} = {@code urgent}, {@code normal},
 *   {@code resync};</li>
 *   <li>{@code preorder.sync.time.since.last.publish}: time gauge, NaN before the first publish;</li>
 *   <li>{@code preorder.sync.publish.failed.calls}: publish calls in a row that decided nothing;</li>
 *   <li>{@code preorder.sync.channel.requests}, {@code preorder.sync.channel.throttled},
 *   {@code preorder.sync.channel.points.spent}: counters; {@code preorder.sync.channel.bucket.available},
 *   {@code preorder.sync.channel.bucket.capacity}: gauges in points; NaN when the publisher does not know.</li>
 * </ul>
 * Engine-wide: {@code preorder.sync.commands.queued}, {@code preorder.sync.feed.polls},
 * {@code preorder.sync.feed.failures}, {@code preorder.sync.feeds.failing}, {@code preorder.sync.resyncs},
 * {@code preorder.sync.healthy} (1 healthy, 0 degraded or down).
 *
 * @since 0.1.0
 */
public final class PreorderSyncMeterBinder implements MeterBinder {
    private static final String PREFIX = "preorder.sync.";

    private final PreorderSync sync;
    private final Tags tags;
    /** Reason meters registered so far, per registry: {@code registry id|kind|shop|reason}. */
    private final Set<String> reasonMeters = ConcurrentHashMap.newKeySet();

    /**
     * Binds an engine's figures.
     *
     * @param sync the engine; the meters hold it weakly (an engine that is gone reads NaN)
     * @param tags added to every meter, e.g. {@code Tags.of("engine", "main")}
     */
    public PreorderSyncMeterBinder(PreorderSync sync, Iterable<Tag> tags) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    /**
     * Binds an engine's figures without extra tags.
     *
     * @param sync the engine
     */
    public PreorderSyncMeterBinder(PreorderSync sync) {
        this(sync, Tags.empty());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meter(registry, "commands.queued", tags, "OMS commands waiting for the loop", null,
                s -> snapshot(registry, s).commandQueueDepth(), true);
        meter(registry, "feed.polls", tags, "feed polls made", null, s -> snapshot(registry, s).feedPolls(), false);
        meter(registry, "feed.failures", tags, "feed polls that failed", null,
                s -> snapshot(registry, s).feedFailures(), false);
        meter(registry, "feeds.failing", tags, "feeds whose latest poll failed", null,
                s -> snapshot(registry, s).failingFeeds().size(), true);
        meter(registry, "resyncs", tags, "full resyncs completed", null,
                s -> snapshot(registry, s).resyncsCompleted(), false);
        meter(registry, "healthy", tags, "1 when healthy, 0 when degraded or down", null,
                s -> s.health().healthy() ? 1 : 0, true);
        for (StoreMetrics store : sync.metricsSnapshot().stores()) {
            bindStore(registry, store.store());
        }
    }

    private void bindStore(MeterRegistry registry, String shop) {
        Tags t = tags.and("shop", shop);
        meter(registry, "published", t, "SKU states the store applied", null,
                s -> store(registry, s, shop).published(), false);
        meter(registry, "drift.corrected", t, "SKU states a reconciliation corrected", null,
                s -> store(registry, s, shop).driftCorrected(), false);
        TimeGauge.builder(PREFIX + "lag", sync, TimeUnit.MILLISECONDS,
                        s -> orNaN(store(registry, s, shop).lagMillis()))
                .tags(t).description("age of the oldest change not yet published to the store").register(registry);
        TimeGauge.builder(PREFIX + "time.since.last.publish", sync, TimeUnit.MILLISECONDS,
                        s -> sinceLastPublish(snapshot(registry, s), shop))
                .tags(t).description("time since the store last applied a state").register(registry);
        meter(registry, "pending", t.and("lane", "urgent"), "SKU states waiting: decreases and delistings", null,
                s -> store(registry, s, shop).pendingUrgent(), true);
        meter(registry, "pending", t.and("lane", "normal"), "SKU states waiting: increases and listings", null,
                s -> store(registry, s, shop).pendingNormal(), true);
        meter(registry, "pending", t.and("lane", "resync"), "SKU states waiting: reconciliation", null,
                s -> store(registry, s, shop).pendingResync(), true);
        meter(registry, "publish.failed.calls", t, "publish calls in a row that decided nothing", null,
                s -> store(registry, s, shop).failedCallsInARow(), true);
        meter(registry, "channel.requests", t, "requests sent to the channel", "requests",
                s -> orNaN(store(registry, s, shop).usage().requests()), false);
        meter(registry, "channel.throttled", t, "responses the channel refused for rate", "responses",
                s -> orNaN(store(registry, s, shop).usage().throttledResponses()), false);
        meter(registry, "channel.points.spent", t, "cost points the channel charged", "points",
                s -> orNaN(store(registry, s, shop).usage().pointsSpent()), false);
        meter(registry, "channel.bucket.available", t, "cost points available in the bucket now", "points",
                s -> orNaN(store(registry, s, shop).usage().bucketAvailable()), true);
        meter(registry, "channel.bucket.capacity", t, "the cost bucket's size", "points",
                s -> orNaN(store(registry, s, shop).usage().bucketCapacity()), true);
    }

    /** Registers a function counter, or a gauge when {@code gauge}. */
    private void meter(MeterRegistry registry, String name, Tags t, String description, String unit,
                         ToDoubleFunction<PreorderSync> read, boolean gauge) {
        if (gauge) {
            Gauge.builder(PREFIX + name, sync, read).tags(t).description(description).baseUnit(unit)
                    .register(registry);
        } else {
            FunctionCounter.builder(PREFIX + name, sync, read).tags(t).description(description).baseUnit(unit)
                    .register(registry);
        }
    }

    /** A snapshot; registers the reason counters of reasons not seen before, so they show from the next scrape. */
    private EngineMetrics snapshot(MeterRegistry registry, PreorderSync s) {
        EngineMetrics m = s.metricsSnapshot();
        for (StoreMetrics store : m.stores()) {
            registerReasons(registry, store.store(), "retries", store.retriedByReason(), true);
            registerReasons(registry, store.store(), "rejections", store.rejectedByReason(), false);
        }
        return m;
    }

    private StoreMetrics store(MeterRegistry registry, PreorderSync s, String shop) {
        for (StoreMetrics store : snapshot(registry, s).stores()) {
            if (store.store().equals(shop)) {
                return store;
            }
        }
        throw new IllegalStateException("no store " + shop);
    }

    private void registerReasons(MeterRegistry registry, String shop, String kind, Map<String, Long> byReason,
                                 boolean retries) {
        for (String reason : byReason.keySet()) {
            String id = System.identityHashCode(registry) + "|" + kind + "|" + shop + "|" + reason;
            if (reasonMeters.add(id)) {
                FunctionCounter.builder(PREFIX + kind, sync, s -> reasonCount(s, shop, reason, retries))
                        .tags(tags.and("shop", shop, "reason", reason))
                        .description(retries ? "SKU states the store asked to retry, by reason"
                                : "SKU states the store refused for good, by reason")
                        .register(registry);
            }
        }
    }

    private static double reasonCount(PreorderSync s, String shop, String reason, boolean retries) {
        for (StoreMetrics store : s.metricsSnapshot().stores()) {
            if (store.store().equals(shop)) {
                Long n = (retries ? store.retriedByReason() : store.rejectedByReason()).get(reason);
                return n == null ? 0 : n;
            }
        }
        return Double.NaN;
    }

    private static double sinceLastPublish(EngineMetrics m, String shop) {
        for (StoreMetrics store : m.stores()) {
            if (store.store().equals(shop) && store.lastPublish() != null) {
                return Duration.between(store.lastPublish(), m.at()).toMillis();
            }
        }
        return Double.NaN;
    }

    private static double orNaN(double value) {
        return value < 0 ? Double.NaN : value;
    }
}
