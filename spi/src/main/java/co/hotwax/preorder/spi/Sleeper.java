package co.hotwax.preorder.spi;

import java.time.Duration;

/**
 * How every part of Preorder Sync waits: the engine between loop iterations, the Shopify publisher while pacing and
 * backing off, the simulator when it plays latency. Nothing calls {@code Thread.sleep} itself, so a test or a
 * simulation hands one virtual clock's sleeper to all of them and a whole run happens in virtual time, replayable
 * from one seed. Callers re-check their state after every return, so returning early is always safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for about the given time.
     *
     * @param duration how long to wait at most; zero or negative returns at once
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
