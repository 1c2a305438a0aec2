package co.hotwax.preorder.core.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands events from the engine's loop to a slow listener on another thread through a bounded queue, with an
 * explicit {@link OverflowPolicy}: the common part of {@link AsyncSyncListener} and {@link AsyncBookListener}.
 * Events reach the listener in the order offered; a listener exception is logged and counted, and delivery goes on.
 * A dropped event is never re-sent: an OMS that must not lose one reconciles with {@link PreorderSync#readBook}
 * when {@link #dropped()} grows (or after a crash). Close it after the engine (events queued meanwhile are
 * delivered first).
 *
 * @param <E> the event type
 *
 * @since 0.1.0
 */
public abstract sealed class AsyncListener<E> implements AutoCloseable permits AsyncSyncListener, AsyncBookListener {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncListener.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);
    /** Tells the worker that nothing follows; never handed to the consumer. */
    private static final Object END = new Object();

    private final String name;
    private final Consumer<E> consumer;
    private final BlockingQueue<Object> queue;
    private final OverflowPolicy overflow;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean closed;

    /**
     * Starts the worker on the executor.
     *
     * @param name names the listener in log lines
     * @param consumer receives the events on the worker
     * @param capacity the most events waiting, at least 1
     * @param overflow what to do when full
     * @param executor runs the worker (one long-running task)
     * @throws IllegalArgumentException when the capacity is below 1
     */
    AsyncListener(String name, Consumer<E> consumer, int capacity, OverflowPolicy overflow, Executor executor) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.overflow = Objects.requireNonNull(overflow, "overflow");
        this.queue = new ArrayBlockingQueue<>(capacity);
        Objects.requireNonNull(executor, "executor").execute(this::work);
    }

    /**
     * Queues an event, waiting or dropping when full as the policy says. Called by the engine's loop.
     *
     * @param event the event
     */
    final void offer(E event) {
        boolean queued;
        try {
            queued = !closed && (overflow.blocks()
                    ? queue.offer(event, overflow.maxBlock().toNanos(), TimeUnit.NANOSECONDS)
                    : queue.offer(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        if (!queued) {
            long n = dropped.incrementAndGet();
            if (n == 1) {
                LOG.warn("{}: queue full or closed, event dropped ({}); further drops are counted and logged at DEBUG",
                        name, event);
            } else {
                LOG.debug("{}: event dropped ({}), {} so far", name, event, n);
            }
        }
    }

    /**
     * Stops taking events, lets the worker deliver what is queued, and waits for it.
     *
     * @param grace the longest wait for room in the queue, and again for the worker to finish
     * @return true when every queued event was delivered
     * @throws InterruptedException when interrupted while waiting
     */
    public final boolean close(Duration grace) throws InterruptedException {
        Objects.requireNonNull(grace, "grace");
        closed = true;
        return queue.offer(END, grace.toNanos(), TimeUnit.NANOSECONDS)
                && finished.await(grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Events the consumer took without throwing.
     *
     * @return the counter
     */
    public final long delivered() {
        return delivered.get();
    }

    /**
     * Events dropped because the queue was full (after the policy's wait) or closed.
     *
     * @return the counter
     */
    public final long dropped() {
        return dropped.get();
    }

    /**
     * Events the consumer threw on.
     *
     * @return the counter
     */
    public final long failed() {
        return failed.get();
    }

    /**
     * Events waiting.
     *
     * @return the queue's size
     */
    public final int queued() {
        return queue.contains(END) ? queue.size() - 1 : queue.size();
    }

    /** Closes, waiting up to 30 seconds for room to mark the end and again for the queued events. */
    @Override
    public final void close() {
        try {
            close(CLOSE_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An executor that runs each task on a new daemon thread named {@code preorder-sync-listener}: the usual choice
     * for an asynchronous listener's delivery task.
     *
     * @return the executor
     */
    public static Executor daemonThread() {
        return task -> {
            Thread thread = new Thread(task, "preorder-sync-listener");
            thread.setDaemon(true);
            thread.start();
        };
    }

    @SuppressWarnings("unchecked")
    private void work() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    return;
                }
                try {
                    consumer.accept((E) next);
                    delivered.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.warn("{}: listener failed on {}; delivery goes on", name, next, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{}: delivery thread interrupted; {} event(s) left undelivered", name, queue.size());
        } finally {
            finished.countDown();
        }
    }
}
