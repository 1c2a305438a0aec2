package co.hotwax.preorder.core.engine;

/**
 * A snapshot of the engine's counters, from {@link PreorderSync#metrics()}. Counters count per SKU state and
 * publisher and only grow; {@code pendingPools} and {@code lagMillis} are gauges.
 *
 * @param published states a publisher applied (written or already right)
 * @param retried states a publisher asked to retry (or failed to publish by throwing)
 * @param rejected states a publisher refused for good
 * @param driftCorrected states a reconciliation found wrong in the channel and corrected
 * @param pendingPools pool states waiting to be published, counted once per publisher
 * @param lagMillis age of the oldest change not yet published, by the engine's clock; 0 when none waits
 * @param resyncsCompleted full resyncs finished since start
 * @param feedFailures feed reads that failed (each is retried after a back-off), see {@link SyncEvent.FeedFailed}
 */
public record SyncMetrics(long published, long retried, long rejected, long driftCorrected, long pendingPools,
                          long lagMillis, long resyncsCompleted, long feedFailures) {

    /**
     * The metrics without feed failures (zero), as before that counter existed.
     *
     * @param published states a publisher applied
     * @param retried states a publisher asked to retry
     * @param rejected states a publisher refused for good
     * @param driftCorrected states corrected by a reconciliation
     * @param pendingPools pool states waiting to be published
     * @param lagMillis age of the oldest unpublished change
     * @param resyncsCompleted full resyncs finished
     */
    public SyncMetrics(long published, long retried, long rejected, long driftCorrected, long pendingPools,
                       long lagMillis, long resyncsCompleted) {
        this(published, retried, rejected, driftCorrected, pendingPools, lagMillis, resyncsCompleted, 0);
    }
}
