package co.hotwax.preorder.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator's bulk query operations move in (virtual) time, and how many may run at once.
 *
 * <p>Shopify documents the states ({@code CREATED}, {@code RUNNING}, {@code COMPLETED}, {@code FAILED},
 * {@code CANCELING}, {@code CANCELED}, {@code EXPIRED}: enum {@code BulkOperationStatus}, schema 2026-04) and that
 * {@code objectCount} is "a running count of all the objects processed" (object {@code BulkOperation}), but not how
 * fast an operation runs: the start delay and the throughput here are the simulator's assumptions, to be replaced by
 * figures measured on a real store. The concurrency limit follows the API version a request is served in by default
 * ({@link #AS_DOCUMENTED}): "In API versions 2026-01 and higher, you can run up to five bulk query operations at a
 * time per shop. In API versions prior to 2026-01, you can run only one bulk operation of each type"
 * (shopify.dev/docs/api/usage/bulk-operations/queries; shopify.dev/changelog/faster-bulk-operations), so five in the
 * 2026-04 the simulator serves; a fixed number (one, to test the older limit) overrides it. A start beyond a limit of
 * one answers {@code OPERATION_IN_PROGRESS}, beyond a larger one {@code LIMIT_REACHED} (the simulator's reading of
 * the two codes).
 *
 * @param startDelay time spent in {@code CREATED} before {@code RUNNING}
 * @param objectsPerSecond objects processed per second while running (at least 1)
 * @param concurrentQueries bulk operations of each type (queries; mutations) that may be created, running or
 *                          canceling at once per shop, or {@link #AS_DOCUMENTED}
 * @since 0.1.0
 */
public record BulkBehaviour(Duration startDelay, int objectsPerSecond, int concurrentQueries) {
    /** {@code concurrentQueries} value that follows Shopify's limit for the request's API version (five from 2026-01). */
    public static final int AS_DOCUMENTED = 0;

    /**
     * Validates.
     *
     * @param startDelay time spent in {@code CREATED} before {@code RUNNING}
     * @param objectsPerSecond objects processed per second while running (at least 1)
     * @param concurrentQueries operations of each type in progress at once per shop (at least 1), or
     *                          {@link #AS_DOCUMENTED}
     */
    public BulkBehaviour {
        Objects.requireNonNull(startDelay, "startDelay");
        if (startDelay.isNegative()) {
            throw new IllegalArgumentException("startDelay must not be negative, got " + startDelay);
        }
        if (objectsPerSecond < 1) {
            throw new IllegalArgumentException("objectsPerSecond must be at least 1, got " + objectsPerSecond);
        }
        if (concurrentQueries < AS_DOCUMENTED) {
            throw new IllegalArgumentException("concurrentQueries must be at least 1, or AS_DOCUMENTED (0), got "
                    + concurrentQueries);
        }
    }

    /**
     * The default: one second in {@code CREATED}, 1,000 objects a second, the limit the API version documents.
     *
     * @return the default behaviour
     */
    public static BulkBehaviour defaults() {
        return new BulkBehaviour(Duration.ofSeconds(1), 1_000, AS_DOCUMENTED);
    }
}
