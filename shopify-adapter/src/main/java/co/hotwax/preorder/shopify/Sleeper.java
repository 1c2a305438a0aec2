package co.hotwax.preorder.shopify;

import java.time.Duration;

/**
 * Waits. The adapter never calls {@code Thread.sleep} itself, so a simulation on a virtual clock can advance time
 * instead of sleeping, and a whole run replays from one seed.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the duration.
     *
     * @param duration how long, never negative
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real sleeper.
     *
     * @return a sleeper backed by {@link Thread#sleep(long, int)}
     */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
