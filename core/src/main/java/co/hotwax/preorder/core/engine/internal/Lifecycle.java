package co.hotwax.preorder.core.engine.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's lifecycle: its phase, the legal moves between phases (in one table), and the latch the loop thread
 * releases when it ends. Thread-safe.
 */
public final class Lifecycle {

    /** Where the engine is in its life. */
    public enum Phase {
        /** Built, not started. */
        NEW,
        /** Started without a loop thread: the caller steps the loop. */
        MANUAL,
        /** The loop thread runs. */
        RUNNING,
        /** Asked to stop; the loop finishes its batch in flight. */
        STOPPING,
        /** Stopped, or a start failed with an exception. */
        STOPPED,
        /** An {@link Error} ended the loop (or a start): nothing runs, nothing is taken. */
        FAILED
    }

    private static final Map<Phase, Set<Phase>> LEGAL = new EnumMap<>(Map.of(
            Phase.NEW, EnumSet.of(Phase.MANUAL, Phase.RUNNING, Phase.STOPPED, Phase.FAILED),
            Phase.MANUAL, EnumSet.of(Phase.STOPPED, Phase.FAILED),
            Phase.RUNNING, EnumSet.of(Phase.STOPPING, Phase.STOPPED, Phase.FAILED),
            Phase.STOPPING, EnumSet.of(Phase.STOPPED, Phase.FAILED),
            Phase.STOPPED, EnumSet.noneOf(Phase.class),
            Phase.FAILED, EnumSet.noneOf(Phase.class)));

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.NEW);
    private final CountDownLatch loopDone = new CountDownLatch(1);

    /**
     * The phase now.
     *
     * @return the phase
     */
    public Phase phase() {
        return phase.get();
    }

    /**
     * Moves from NEW to a started phase.
     *
     * @param started {@link Phase#MANUAL} or {@link Phase#RUNNING}
     * @throws IllegalStateException when the engine was started or stopped before
     */
    public void start(Phase started) {
        if (!phase.compareAndSet(Phase.NEW, started)) {
            throw new IllegalStateException("the engine can be started once; state is " + phase.get());
        }
    }

    /**
     * Moves to a phase if the table allows it from the phase now.
     *
     * @param target the phase wanted
     * @return the phase before, whether or not the move was made
     */
    public Phase moveTo(Phase target) {
        while (true) {
            Phase now = phase.get();
            if (!LEGAL.get(now).contains(target) || phase.compareAndSet(now, target)) {
                return now;
            }
        }
    }

    /**
     * Asks the engine to stop: a running loop goes to STOPPING (it finishes its batch), anything else but FAILED to
     * STOPPED.
     *
     * @return the phase before
     */
    public Phase requestStop() {
        Phase before = moveTo(Phase.STOPPING);
        return before == Phase.RUNNING ? before : moveTo(Phase.STOPPED);
    }

    /**
     * Whether the loop thread should go on.
     *
     * @return true while RUNNING
     */
    public boolean isRunning() {
        return phase.get() == Phase.RUNNING;
    }

    /**
     * Whether OMS commands are still taken.
     *
     * @return false once stopping or stopped
     */
    public boolean acceptsWork() {
        Phase now = phase.get();
        return now == Phase.NEW || now == Phase.MANUAL || now == Phase.RUNNING;
    }

    /**
     * Why work is refused now, for the exception an OMS call gets.
     *
     * @return a sentence naming the phase
     */
    public String refusal() {
        return phase.get() == Phase.FAILED
                ? "the preorder sync failed (see the ERROR log or the EngineFailed event) and takes no more work"
                : "the preorder sync is stopped";
    }

    /** The loop thread ended (however): nothing would apply new work, so the engine is stopped. */
    public void loopEnded() {
        moveTo(Phase.STOPPED);
        loopDone.countDown();
    }

    /**
     * Waits for the loop thread to end.
     *
     * @param grace the longest wait
     * @return true when the loop ended within it
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitLoopEnd(Duration grace) throws InterruptedException {
        return loopDone.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
