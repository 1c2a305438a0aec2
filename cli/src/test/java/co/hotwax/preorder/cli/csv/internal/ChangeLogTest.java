package co.hotwax.preorder.cli.csv.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeLogTest {

    @Test
    void numbersChangesAndReplaysFromAnyRetainedVersion() {
        ChangeLog<String> log = new ChangeLog<>(10);
        log.append(List.of("a", "b"));
        log.append(List.of());
        log.append(List.of("c"));

        assertThat(log.version()).isEqualTo(3);
        assertThat(log.since(0, 10)).containsExactly("a", "b", "c");
        assertThat(log.since(1, 1)).containsExactly("b");
        assertThat(log.since(1, 1)).containsExactly("b");
        assertThat(log.since(3, 5)).isEmpty();
    }

    @Test
    void forgetsTheOldestChangesBeyondCapacity() {
        ChangeLog<String> log = new ChangeLog<>(2);
        log.append(List.of("a", "b", "c"));

        assertThat(log.oldestVersion()).isEqualTo(1);
        assertThat(log.since(1, 10)).containsExactly("b", "c");
        assertThatThrownBy(() -> log.since(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 1..3");
        assertThatThrownBy(() -> log.since(4, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new ChangeLog<String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
