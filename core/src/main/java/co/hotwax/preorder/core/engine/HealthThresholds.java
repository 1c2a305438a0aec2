package co.hotwax.preorder.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link SyncHealth} calls the engine degraded.
 *
 * @param maxLag a store whose oldest unpublished change is older than this is lagging; positive
 * @param unreachableAfter a store whose last this-many publish calls all failed (nothing applied, rejected or
 *                         deferred with a retry-after) is unreachable; at least 1
 *
 * @since 0.1.0
 */
public record HealthThresholds(Duration maxLag, int unreachableAfter) {

    /** Lag above 5 minutes, or 3 failed publish calls in a row. */
    public static final HealthThresholds DEFAULTS = new HealthThresholds(Duration.ofMinutes(5), 3);

    /**
     * Validates the thresholds.
     *
     * @param maxLag a store whose oldest unpublished change is older than this is lagging; positive
     * @param unreachableAfter a store whose last this-many publish calls all failed (nothing applied, rejected or
     *     deferred with a retry-after) is unreachable; at least 1
     * @throws IllegalArgumentException naming the threshold that is out of range
     */
    public HealthThresholds {
        Objects.requireNonNull(maxLag, "maxLag");
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("maxLag must be positive, was " + maxLag);
        }
        if (unreachableAfter < 1) {
            throw new IllegalArgumentException("unreachableAfter must be at least 1, was " + unreachableAfter);
        }
    }
}
