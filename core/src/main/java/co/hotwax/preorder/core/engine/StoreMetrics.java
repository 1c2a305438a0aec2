package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.ChannelUsage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One store's (one publisher's) figures, part of {@link EngineMetrics}. Counters count per SKU state and only grow;
 * the others are gauges as of the snapshot.
 *
 * @param store the publisher's channel id (a Shopify shop domain)
 * @param published states the store applied (written or already right)
 * @param retried states the store asked to retry (or failed to publish by throwing)
 * @param rejected states the store refused for good
 * @param driftCorrected states a reconciliation found wrong in the store and corrected
 * @param retriedByReason {@code retried} split by reason template (details and SKUs replaced, at most 32 reasons,
 *                        the rest under {@code other}), sorted by reason
 * @param rejectedByReason {@code rejected} split the same way
 * @param lagMillis age of the oldest change not yet published to this store, by the engine's clock; 0 when none
 * @param pendingUrgent SKU states waiting in the urgent lane (decreases, delistings)
 * @param pendingNormal SKU states waiting in the normal lane (increases, listings)
 * @param pendingResync SKU states waiting in the reconciliation lane
 * @param lastPublish when the store last applied a state, or null when it has not since start
 * @param failedCallsInARow publish calls in a row that decided nothing (every state to retry, or the call threw)
 * @param lastFailure when a state was last retried or rejected, or null
 * @param lastFailureReason the reason of the last retry or rejection, or null
 * @param usage requests, throttled responses, cost points and bucket level, as the publisher reports them
 *
 * @since 0.1.0
 */
public record StoreMetrics(String store, long published, long retried, long rejected, long driftCorrected,
                           Map<String, Long> retriedByReason, Map<String, Long> rejectedByReason, long lagMillis,
                           long pendingUrgent, long pendingNormal, long pendingResync, Instant lastPublish,
                           int failedCallsInARow, Instant lastFailure, String lastFailureReason, ChannelUsage usage) {

    /**
     * Validates and copies the snapshot.
     *
     * @param store the publisher's channel id (a Shopify shop domain)
     * @param published states the store applied (written or already right)
     * @param retried states the store asked to retry (or failed to publish by throwing)
     * @param rejected states the store refused for good
     * @param driftCorrected states a reconciliation found wrong in the store and corrected
     * @param retriedByReason {@code retried} split by reason template (details and SKUs replaced, at most 32 reasons,
     *     the rest under {@code other}), sorted by reason
     * @param rejectedByReason {@code rejected} split the same way
     * @param lagMillis age of the oldest change not yet published to this store, by the engine's clock; 0 when none
     * @param pendingUrgent SKU states waiting in the urgent lane (decreases, delistings)
     * @param pendingNormal SKU states waiting in the normal lane (increases, listings)
     * @param pendingResync SKU states waiting in the reconciliation lane
     * @param lastPublish when the store last applied a state, or null when it has not since start
     * @param failedCallsInARow publish calls in a row that decided nothing (every state to retry, or the call threw)
     * @param lastFailure when a state was last retried or rejected, or null
     * @param lastFailureReason the reason of the last retry or rejection, or null
     * @param usage requests, throttled responses, cost points and bucket level, as the publisher reports them
     * @throws NullPointerException when the store, a map or the usage is null
     */
    public StoreMetrics {
        Objects.requireNonNull(store, "store");
        retriedByReason = Map.copyOf(retriedByReason);
        rejectedByReason = Map.copyOf(rejectedByReason);
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * SKU states waiting in every lane.
     *
     * @return the sum of the three lanes
     */
    public long pending() {
        return pendingUrgent + pendingNormal + pendingResync;
    }
}
