package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void sleepingMovesTimeAndIsCountedAdvancingIsNot() {
        VirtualClock clock = new VirtualClock(T0);
        clock.sleep(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(2));
        clock.sleep(Duration.ofMillis(-5));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void advanceToNeverGoesBack() {
        VirtualClock clock = new VirtualClock(T0);
        clock.advanceTo(T0.plusSeconds(10));
        clock.advanceTo(T0);
        assertThat(clock.millis()).isEqualTo(T0.plusSeconds(10).toEpochMilli());
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("does not go back");
    }
}
