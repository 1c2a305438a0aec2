package co.hotwax.preorder.shopify.internal;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt: the server's hint when it gave one (THROTTLED: the time the bucket needs
 * to refill the missing points; 429: Retry-After), otherwise exponential backoff with jitter from the injected
 * random generator, so a replay from the same seed waits the same.
 */
public final class RetryIntervals implements IntervalBiFunction<GraphQlResponse> {
    private static final long BASE_MILLIS = 500;
    private static final long CAP_MILLIS = 30_000;
    private final RandomGenerator random;

    /**
     * Creates the function.
     *
     * @param random jitter source
     */
    public RetryIntervals(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public Long apply(Integer attempt, Either<Throwable, GraphQlResponse> failure) {
        if (failure.isLeft() && failure.getLeft() instanceof CallFailedException e && e.waitHint() != null) {
            // Small jitter on top of the hint keeps several clients sharing one shop from waking in lockstep.
            long hint = e.waitHint().toMillis();
            return hint + (long) (random.nextDouble() * Math.min(250, hint / 10.0 + 1));
        }
        long exponential = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt - 1, 10));
        // "Equal jitter": at least half the backoff, so retries still spread out but never hammer.
        return exponential / 2 + (long) (random.nextDouble() * (exponential / 2.0));
    }

    /**
     * The THROTTLED wait: the points missing divided by the restore rate.
     *
     * @param cost the throttled response's cost block
     * @return the wait, at least 100 ms
     */
    static Duration throttledWait(QueryCost cost) {
        if (cost == null || cost.throttleStatus() == null || cost.throttleStatus().restoreRate() <= 0) {
            return Duration.ofSeconds(1);
        }
        ThrottleReading s = cost.throttleStatus();
        double missing = Math.max(0, cost.requested() - s.currentlyAvailable());
        return Duration.ofMillis(Math.max(100, (long) Math.ceil(missing / s.restoreRate() * 1000)));
    }
}
