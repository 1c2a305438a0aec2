package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BookCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OMS commands and book reads waiting for the loop thread, and the signal that wakes it. OMS threads offer; the loop thread
 * drains and, when idle, waits here.
 */
public final class CommandInbox {
    private final ConcurrentLinkedQueue<BookCommand> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final ConcurrentLinkedQueue<BookRead<?>> reads = new ConcurrentLinkedQueue<>();
    private final WakeSignal wake = new WakeSignal();

    /**
     * Queues a command and wakes the loop. Callable from any thread; never blocks for long.
     *
     * @param command the command
     */
    public void offer(BookCommand command) {
        queue.add(command);
        depth.incrementAndGet();
        wake.signal();
    }

    /**
     * Takes every queued command, in the order offered. Loop thread only.
     *
     * @return the commands; empty when none waited
     */
    public List<BookCommand> drain() {
        List<BookCommand> batch = new ArrayList<>();
        BookCommand command;
        while ((command = queue.poll()) != null) {
            batch.add(command);
        }
        depth.addAndGet(-batch.size());
        return batch;
    }

    /**
     * Whether no command waits.
     *
     * @return true when the queue is empty
     */
    public boolean isEmpty() {
        return queue.isEmpty() && reads.isEmpty();
    }

    /**
     * Commands waiting. Any thread.
     *
     * @return the count
     */
    public int depth() {
        return depth.get();
    }

    /**
     * Queues a read of the book and wakes the loop, which runs it between iterations. Any thread.
     *
     * @param read the read; it completes its own future
     */
    public void offerRead(BookRead<?> read) {
        reads.add(read);
        wake.signal();
    }

    /**
     * Takes every queued read, in the order offered. Loop thread, or a stopping engine failing what is left.
     *
     * @return the reads; empty when none waited
     */
    public List<BookRead<?>> drainReads() {
        List<BookRead<?>> batch = new ArrayList<>();
        BookRead<?> read;
        while ((read = reads.poll()) != null) {
            batch.add(read);
        }
        return batch;
    }

    /** Wakes the loop without a command, e.g. to let it see that it must stop. */
    public void wakeUp() {
        wake.signal();
    }

    /**
     * Waits until a command is offered, {@link #wakeUp()} is called, or the time has passed. The default idle wait
     * of the loop thread.
     *
     * @param duration the longest wait
     * @throws InterruptedException when the thread is interrupted
     */
    public void awaitWork(Duration duration) throws InterruptedException {
        wake.await(duration);
    }
}
