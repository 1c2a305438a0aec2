package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A clock that only moves when told to, and a {@link Sleeper} that moves it instead of sleeping: hand the same
 * instance to the simulator, the publisher and the engine, and a whole run (bucket refills, back-offs, schedules)
 * happens in virtual time, replayably and without waiting. The published counterpart of Micrometer's
 * {@code MockClock}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class VirtualClock extends Clock implements Sleeper {
    /** Where {@link #VirtualClock()} starts: a fixed instant, so dates derived from it are the same every run. */
    public static final Instant DEFAULT_START = Instant.parse("2026-05-01T10:00:00Z");
    private static final int RECORDED_SLEEPS = 10_000;

    private final ZoneId zone;
    private final Deque<Duration> sleeps = new ArrayDeque<>();
    private Instant now;
    private Duration slept = Duration.ZERO;

    /** Creates a clock at {@link #DEFAULT_START}, in UTC. */
    public VirtualClock() {
        this(DEFAULT_START);
    }

    /**
     * Creates a clock at an instant, in UTC.
     *
     * @param start the first instant
     */
    public VirtualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private VirtualClock(Instant start, ZoneId zone) {
        if (start == null || zone == null) {
            throw new IllegalArgumentException("start and zone are required");
        }
        this.now = start;
        this.zone = zone;
    }

    /**
     * Moves time forward by the duration, as if the caller had slept; never blocks.
     *
     * @param duration how long to "sleep"; zero or negative does nothing
     */
    @Override
    public synchronized void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        now = now.plus(duration);
        slept = slept.plus(duration);
        sleeps.addLast(duration);
        if (sleeps.size() > RECORDED_SLEEPS) {
            sleeps.removeFirst();
        }
    }

    /**
     * The most recent sleeps, oldest first (the last 10,000), so a test can check how long a component chose to
     * wait (a back-off, a {@code Retry-After}).
     *
     * @return a copy of the recorded sleeps
     */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /**
     * Moves time forward without counting it as sleep (time that passes while nobody waits).
     *
     * @param duration how far; must not be negative
     */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + duration);
        }
        now = now.plus(duration);
    }

    /**
     * Moves time to an instant, if it is later than now.
     *
     * @param instant the target
     */
    public synchronized void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    /**
     * The total of all sleeps so far.
     *
     * @return the virtual time spent waiting
     */
    public synchronized Duration slept() {
        return slept;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * This clock seen in another zone; sharing the same time source would need a shared state, so the zone is
     * only honoured when it is this clock's own.
     *
     * @param other the zone
     * @return this clock when the zone is the same
     * @throws UnsupportedOperationException for another zone
     */
    @Override
    public Clock withZone(ZoneId other) {
        if (other.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a VirtualClock keeps one zone (" + zone + ")");
    }
}
