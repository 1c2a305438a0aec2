package co.hotwax.preorder.core.engine;

import java.time.Duration;

/**
 * How the sync loop waits when it has nothing to do. A seam so a test or a simulation can replace real time with
 * a virtual clock.
 *
 * <p>The engine re-checks its queues and due times after every return, so returning early is always safe. The
 * default sleeper returns as soon as new work is queued (an OMS call), and otherwise after the duration.
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
}
