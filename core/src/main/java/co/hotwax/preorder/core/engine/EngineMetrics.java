package co.hotwax.preorder.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every figure the engine keeps, per store and engine-wide, from {@link PreorderSync#metricsSnapshot()}. A value:
 * read it from any thread, keep it, compare two of them. Counters only grow; the others are gauges.
 *
 * @param at when the snapshot was taken, by the engine's clock
 * @param state the engine's lifecycle state now, a {@link PreorderSync.State} name (manual mode is {@code RUNNING});
 *     see {@link SyncHealth}
 * @param commandQueueDepth OMS commands ({@code preOrderTaken}, ...) waiting for the loop
 * @param feedPolls feed reads finished (one per poll of every feed, or per reload), failed ones included
 * @param feedFailures failed feed reads, the figure of {@link SyncMetrics#feedFailures()} (each reported as
 *                     {@link SyncEvent.FeedFailed} and read again after a back-off)
 * @param failingFeeds the feeds whose latest poll failed (e.g. {@code "supply source #1"}), sorted
 * @param resyncsCompleted full resyncs (reconciliations) finished since start
 * @param stores one entry per publisher, in builder order
 *
 * @since 0.1.0
 */
public record EngineMetrics(Instant at, String state, long commandQueueDepth, long feedPolls, long feedFailures,
                            List<String> failingFeeds, long resyncsCompleted, List<StoreMetrics> stores) {

    /**
     * Validates and copies the snapshot.
     *
     * @param at when the snapshot was taken, by the engine's clock
     * @param state the engine's lifecycle state now, a {@link PreorderSync.State} name (manual mode is {@code
     *     RUNNING}); see {@link SyncHealth}
     * @param commandQueueDepth OMS commands ({@code preOrderTaken}, ...) waiting for the loop
     * @param feedPolls feed reads finished (one per poll of every feed, or per reload), failed ones included
     * @param feedFailures failed feed reads, the figure of {@link SyncMetrics#feedFailures()} (each reported as {@link
     *     SyncEvent.FeedFailed} and read again after a back-off)
     * @param failingFeeds the feeds whose latest poll failed (e.g. {@code "supply source #1"}), sorted
     * @param resyncsCompleted full resyncs (reconciliations) finished since start
     * @param stores one entry per publisher, in builder order
     * @throws NullPointerException when the time, the state or a list is null
     */
    public EngineMetrics {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        failingFeeds = List.copyOf(failingFeeds);
        stores = List.copyOf(stores);
    }

    /**
     * The age of the oldest change not yet published to any store.
     *
     * @return the largest store lag, in milliseconds; 0 when nothing waits
     */
    public long lagMillis() {
        long lag = 0;
        for (StoreMetrics store : stores) {
            lag = Math.max(lag, store.lagMillis());
        }
        return lag;
    }
}
