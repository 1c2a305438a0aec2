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
 * figures measured on a real store. The concurrency limit defaults to one bulk query per shop, as the 2026-04 schema's
 * description of {@code bulkOperationRunQuery} says ("Apps can run one bulk query operation and one bulk mutation
 * operation at a time per shop"); Shopify's newer reference pages and third-party guides
 * (learn.mechanic.dev/core/shopify/bulk-operations) state up to five from 2026-01, hence the setting.
 *
 * @param startDelay time spent in {@code CREATED} before {@code RUNNING}
 * @param objectsPerSecond objects processed per second while running (at least 1)
 * @param concurrentQueries bulk queries that may be created or running at once per shop (at least 1)
 * @since 0.1.0
 */
public record BulkBehaviour(Duration startDelay, int objectsPerSecond, int concurrentQueries) {
    /**
     * Validates.
     *
     * @param startDelay time spent in {@code CREATED} before {@code RUNNING}
     * @param objectsPerSecond objects processed per second while running (at least 1)
     * @param concurrentQueries bulk queries that may be created or running at once per shop (at least 1)
     */
    public BulkBehaviour {
        Objects.requireNonNull(startDelay, "startDelay");
        if (startDelay.isNegative()) {
            throw new IllegalArgumentException("startDelay must not be negative, got " + startDelay);
        }
        if (objectsPerSecond < 1) {
            throw new IllegalArgumentException("objectsPerSecond must be at least 1, got " + objectsPerSecond);
        }
        if (concurrentQueries < 1) {
            throw new IllegalArgumentException("concurrentQueries must be at least 1, got " + concurrentQueries);
        }
    }

    /**
     * The default: one second in {@code CREATED}, 1,000 objects a second, one bulk query at a time.
     *
     * @return the default behaviour
     */
    public static BulkBehaviour defaults() {
        return new BulkBehaviour(Duration.ofSeconds(1), 1_000, 1);
    }
}
