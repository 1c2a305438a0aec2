package co.hotwax.preorder.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Time the test moves by hand; the simulator reads it from its HTTP threads, hence the atomic reference. */
final class ManualClock {
    private final AtomicReference<Instant> now;
    private final Clock clock;

    ManualClock(Instant start) {
        now = new AtomicReference<>(start);
        InstantSource source = now::get;
        clock = source.withZone(ZoneOffset.UTC);
    }

    void advance(Duration step) {
        now.updateAndGet(t -> t.plus(step));
    }

    Instant instant() {
        return now.get();
    }

    /** The clock to hand to the simulator. */
    Clock clock() {
        return clock;
    }
}
