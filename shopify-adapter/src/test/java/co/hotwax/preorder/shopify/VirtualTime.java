package co.hotwax.preorder.shopify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it: waits are recorded, never slept. */
public final class VirtualTime extends Clock implements Sleeper {
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    /** Starts at a fixed instant. */
    public VirtualTime() {
        this(Instant.parse("2026-05-01T10:00:00Z"));
    }

    /** @param start the first instant */
    public VirtualTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** @param duration how far to move time without a recorded sleep */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** @return every sleep so far */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** @return the sum of all sleeps */
    public synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }
}
