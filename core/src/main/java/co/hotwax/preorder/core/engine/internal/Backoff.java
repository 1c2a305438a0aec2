package co.hotwax.preorder.core.engine.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of {@code min * 2^(n-1)}, capped
 * at {@code max}. The jitter comes from the injected generator so a run replays from its seed.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    /**
     * Creates a backoff.
     *
     * @param min the wait before the first retry, positive
     * @param max the longest wait, at least {@code min}
     * @param random the jitter source
     */
    public Backoff(Duration min, Duration max, RandomGenerator random) {
        if (min == null || max == null || min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("retry backoff needs 0 < min <= max, was " + min + ".." + max);
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /**
     * A wait a publisher asked for, capped at the longest back-off: no estimate holds a state longer than the
     * engine's own back-off would.
     *
     * @param millis the wait asked for, positive
     * @return {@code min(millis, max)}, at least 1
     */
    public long capped(long millis) {
        return Math.max(1, Math.min(millis, maxMillis));
    }

    /**
     * The wait before the next attempt.
     *
     * @param attempt failed attempts so far, from 1
     * @return milliseconds to wait, between {@code min/2} and {@code max}
     */
    public long delayMillis(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = minMillis << shift;
        if (ceiling <= 0 || ceiling > maxMillis) {
            ceiling = maxMillis;
        }
        long half = ceiling / 2;
        return half + random.nextLong(ceiling - half + 1);
    }
}
