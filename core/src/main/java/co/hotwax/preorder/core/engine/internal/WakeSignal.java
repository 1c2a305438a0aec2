package co.hotwax.preorder.core.engine.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the idle loop thread sleep until a deadline or until new work is signalled, whichever comes first. A signal
 * sent while nobody waits is remembered, so work queued just before the loop goes to sleep is never missed.
 */
public final class WakeSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;

    /** Wakes the waiting thread, or the next one to wait. Callable from any thread; never blocks for long. */
    public void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until signalled or until the time has passed; consumes the signal.
     *
     * @param duration the longest wait
     * @throws InterruptedException when the thread is interrupted
     */
    public void await(Duration duration) throws InterruptedException {
        long nanos = duration.isNegative() ? 0 : duration.toNanos();
        lock.lock();
        try {
            while (!pending && nanos > 0) {
                nanos = signalled.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits with a timeout in milliseconds; see {@link #await(Duration)}.
     *
     * @param millis the longest wait
     * @throws InterruptedException when the thread is interrupted
     */
    public void awaitMillis(long millis) throws InterruptedException {
        await(Duration.ofMillis(Math.max(0, millis)));
    }
}
