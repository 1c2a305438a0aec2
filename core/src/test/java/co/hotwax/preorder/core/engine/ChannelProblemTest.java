package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SpiVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel that refuses every SKU for one reason of its own (a missing access scope) is reported once. */
class ChannelProblemTest {
    private final Fixture f = new Fixture();

    /** Refuses everything as a channel problem until healed, then applies. */
    private static final class ScopelessStore implements InventoryPublisher {
        volatile boolean healed;
        volatile String reason = "missing access scope write_inventory";
        int attempts;

        @Override
        public String channelId() {
            return "shop-a";
        }

        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public List<PublishOutcome> publish(List<DesiredState> states) {
            List<PublishOutcome> outcomes = new ArrayList<>();
            for (DesiredState state : states) {
                attempts++;
                outcomes.add(healed ? PublishOutcome.applied(state, true)
                        : PublishOutcome.rejectedByChannel(state, reason));
            }
            return outcomes;
        }
    }

    @Test
    void aChannelProblemIsReportedOncePerReasonNotPerSkuOrPerReconciliation() {
        f.supply.add(Fixture.po("L1", "RED", 10), Fixture.po("L2", "BLUE", 10), Fixture.po("L3", "GREEN", 10));
        ScopelessStore store = new ScopelessStore();
        PreorderSync sync = f.builder().publisher(store).build();
        sync.startManual();
        sync.runUntilIdle(100);
        f.clock.advance(Duration.ofHours(2));
        sync.runUntilIdle(100);

        assertThat(store.attempts).as("reconciliation tried again").isGreaterThanOrEqualTo(6);
        assertThat(f.events(SyncEvent.ChannelProblem.class)).singleElement().satisfies(p -> {
            assertThat(p.publisher()).isEqualTo("shop-a");
            assertThat(p.reason()).contains("write_inventory");
        });
        assertThat(f.events(SyncEvent.Rejected.class)).isEmpty();
        assertThat(sync.metrics().rejected()).isEqualTo(store.attempts);
    }

    @Test
    void aProblemThatComesBackAfterTheChannelWorkedIsReportedAgain() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        ScopelessStore store = new ScopelessStore();
        PreorderSync sync = f.builder().publisher(store).build();
        sync.startManual();
        sync.runUntilIdle(100);
        store.healed = true;
        f.clock.advance(Duration.ofHours(2));
        sync.runUntilIdle(100);
        store.healed = false;
        f.supply.add(Fixture.po("L2", "RED", 5));
        f.clock.advance(Duration.ofMinutes(1));
        sync.runUntilIdle(100);

        assertThat(f.events(SyncEvent.Published.class)).isNotEmpty();
        assertThat(f.events(SyncEvent.ChannelProblem.class)).hasSize(2);
    }

    @Test
    void healthNamesAChannelProblemAsAMissingScopeWhateverItsWordsUntilTheChannelWorks() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        ScopelessStore store = new ScopelessStore();
        // No "scope", "403" or "ACCESS_DENIED" in the words: the channel problem itself is what counts.
        store.reason = "the app may not write inventory";
        PreorderSync sync = f.builder().publisher(store).build();
        sync.startManual();
        sync.runUntilIdle(100);

        SyncHealth health = sync.health();
        assertThat(health.status()).isEqualTo(SyncHealth.Status.DEGRADED);
        assertThat(health.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(SyncHealth.Kind.SCOPE_MISSING);
            assertThat(p.subject()).isEqualTo("shop-a");
            assertThat(p.detail()).contains("the app may not write inventory");
        });

        store.healed = true;
        f.clock.advance(Duration.ofHours(2));
        sync.runUntilIdle(100);
        assertThat(sync.health().healthy()).isTrue();
    }
}
