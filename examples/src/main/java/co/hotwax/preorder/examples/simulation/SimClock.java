package co.hotwax.preorder.examples.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one virtual clock of a simulation run. The simulator (bucket refill, order times), the adapter (its sleeper
 * advances this clock instead of sleeping) and the engine (due times, backoff) all read it, so a run never waits
 * for real time and replays exactly from its seed.
 *
 * <p>Time only moves forward. Reads are safe from any thread (the simulator's server threads read it while the
 * driver thread is blocked in a request); advancing is done by whichever thread holds the single logical flow of
 * control at that moment.
 */
public final class SimClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * Creates a clock at an instant, in UTC.
     *
     * @param start the first instant
     */
    public SimClock(Instant start) {
        this(new AtomicReference<>(requireStart(start)), ZoneOffset.UTC);
    }

    private SimClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    private static Instant requireStart(Instant start) {
        if (start == null) {
            throw new IllegalArgumentException("start must not be null");
        }
        return start;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, not negative
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("a virtual clock only moves forward, got " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Moves the clock forward to an instant; an instant in the past leaves it where it is.
     *
     * @param target the instant to reach
     * @return the new instant
     */
    public Instant advanceTo(Instant target) {
        return now.updateAndGet(t -> target.isAfter(t) ? target : t);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SimClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "SimClock[" + now.get() + "]";
    }
}
