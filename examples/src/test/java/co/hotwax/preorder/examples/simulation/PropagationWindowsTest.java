package co.hotwax.preorder.examples.simulation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PropagationWindowsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void ordersWithinCapacityAreNotOversold() {
        PropagationWindows w = new PropagationWindows();
        w.capacity("A", T0, 5);
        assertThat(w.accepted("A", "o1", T0.plusSeconds(1), 3)).isZero();
        assertThat(w.accepted("A", "o2", T0.plusSeconds(2), 2)).isZero();
        assertThat(w.oversold()).isZero();
        assertThat(w.sold("A")).isEqualTo(5);
    }

    @Test
    void anOversoldOrderWithNoPendingDropIsAViolation() {
        PropagationWindows w = new PropagationWindows();
        w.capacity("A", T0, 4);
        w.accepted("A", "o1", T0.plusSeconds(1), 3);
        // 3 sold, capacity 4: an order of 3 oversells 2 units.
        assertThat(w.accepted("A", "o2", T0.plusSeconds(2), 3)).isEqualTo(2);
        assertThat(w.oversoldOutsideWindow()).isEqualTo(2);
        assertThat(w.violations()).singleElement().asString().contains("o2").contains("A");
    }

    @Test
    void aDropExcusesOversellUntilTheSyncCatchesUpAndMeasuresTheLag() {
        PropagationWindows w = new PropagationWindows();
        w.capacity("A", T0, 10);
        w.accepted("A", "o1", T0.plusSeconds(1), 8);
        w.capacity("A", T0.plusSeconds(10), 6); // a PO cut Shopify cannot see
        assertThat(w.accepted("A", "o2", T0.plusSeconds(11), 1)).isEqualTo(1);
        w.caughtUp(T0.plusSeconds(13));
        assertThat(w.accepted("A", "o3", T0.plusSeconds(20), 1)).isEqualTo(1);
        assertThat(w.oversold()).isEqualTo(2);
        assertThat(w.oversoldOutsideWindow()).isEqualTo(1);
        assertThat(w.lags()).containsExactly(Duration.ofSeconds(3));
        assertThat(w.maxLag()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void increasesOpenNoWindowAndQuantilesUseNearestRank() {
        PropagationWindows w = new PropagationWindows();
        w.capacity("A", T0, 1);
        w.capacity("A", T0.plusSeconds(1), 5);
        w.caughtUp(T0.plusSeconds(2));
        assertThat(w.lags()).isEmpty();
        for (int i = 1; i <= 100; i++) {
            w.capacity("B", T0, 100);
            w.capacity("B", T0.plusSeconds(i), 50);
            w.caughtUp(T0.plusSeconds(2L * i));
        }
        assertThat(w.lags()).hasSize(100);
        assertThat(w.quantile(0.99)).isEqualTo(Duration.ofSeconds(99));
        assertThat(w.maxLag()).isEqualTo(Duration.ofSeconds(100));
    }
}
