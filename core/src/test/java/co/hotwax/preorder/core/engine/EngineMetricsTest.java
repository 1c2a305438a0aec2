package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.MdcKeys;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SpiVersion;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-store and engine-wide figures, the health summary built on them, and the MDC around publish work. */
class EngineMetricsTest {

    @Test
    void eachStoreHasItsOwnCountersReasonsLagLanesAndUsage() {
        Fixture f = new Fixture();
        FaultInjectingStore a = new FaultInjectingStore("shop-a");
        FaultInjectingStore b = new FaultInjectingStore("shop-b");
        b.fail("RED", PublishOutcome.Status.RETRY);
        b.fail("BLUE", PublishOutcome.Status.REJECTED);
        f.supply.add(Fixture.po("L1", "RED", 10), Fixture.po("L2", "BLUE", 10));
        PreorderSync sync = f.settled(a, b);
        f.clock.advance(Duration.ofSeconds(20));

        EngineMetrics m = sync.metricsSnapshot();
        assertThat(m.state()).as("manual mode is RUNNING, as state() says").isEqualTo("RUNNING");
        assertThat(m.stores()).extracting(StoreMetrics::store).containsExactly("shop-a", "shop-b");
        StoreMetrics sa = m.stores().get(0);
        StoreMetrics sb = m.stores().get(1);
        // RED and BLUE, then BLUE again: B refused BLUE for good, so its share of the pool goes back to A.
        assertThat(sa.published()).isEqualTo(3);
        assertThat(sa.retried() + sa.rejected()).isZero();
        assertThat(sa.lagMillis()).isZero();
        assertThat(sa.pending()).isZero();
        assertThat(sa.lastPublish()).isEqualTo(Fixture.T0);
        assertThat(sa.usage().requests()).isEqualTo(a.publishCalls());
        assertThat(sa.usage().bucketCapacity()).isEqualTo(1000);

        assertThat(sb.published()).isZero();
        // Refused for its share, then once more for the pool's state recomputed after that refusal.
        assertThat(sb.rejectedByReason()).isEqualTo(Map.of("no variant has SKU <sku>", 2L));
        assertThat(sb.retriedByReason()).containsOnlyKeys("THROTTLED");
        assertThat(sb.retriedByReason().get("THROTTLED")).isEqualTo(sb.retried()).isPositive();
        assertThat(sb.pendingNormal()).as("RED's first listing waits for its retry").isEqualTo(1);
        assertThat(sb.pendingUrgent() + sb.pendingResync()).isZero();
        assertThat(sb.lagMillis()).as("RED has waited since T0").isEqualTo(20_000);
        assertThat(sb.lastPublish()).isNull();
        assertThat(m.lagMillis()).isEqualTo(20_000);
        assertThat(sync.metrics().retried()).as("the summed figures agree").isEqualTo(sb.retried());
    }

    @Test
    void theCommandQueueDepthCountsOmsCallsNotYetApplied() {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 10));
        PreorderSync sync = f.settled(new FaultInjectingStore("shop-a"));
        sync.preOrderTaken(f.order("RED", 1, "pos"));
        sync.preOrderTaken(f.order("RED", 1, "pos"));
        sync.preOrderCancelled("SO-1", "1");
        assertThat(sync.metricsSnapshot().commandQueueDepth()).isEqualTo(3);
        sync.step();
        assertThat(sync.metricsSnapshot().commandQueueDepth()).isZero();
    }

    @Test
    void aFailingFeedIsCountedAndMakesTheEngineDegradedUntilItAnswers() {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 10));
        PreorderSync sync = f.settled(new FaultInjectingStore("shop-a"));
        assertThat(sync.health().healthy()).isTrue();

        f.supply.down = true;
        f.clock.advance(Duration.ofSeconds(6));
        sync.runUntilIdle(10);
        EngineMetrics m = sync.metricsSnapshot();
        assertThat(m.feedFailures()).isEqualTo(1);
        assertThat(m.feedPolls()).as("one read of every feed").isEqualTo(1);
        assertThat(m.feedFailures()).as("the same figure as metrics()").isEqualTo(sync.metrics().feedFailures());
        assertThat(m.failingFeeds()).containsExactly("supply source #1");
        SyncHealth health = sync.health();
        assertThat(health.status()).isEqualTo(SyncHealth.Status.DEGRADED);
        assertThat(health.problems()).extracting(SyncHealth.Problem::kind).containsExactly(SyncHealth.Kind.FEED_FAILING);

        f.supply.down = false;
        f.clock.advance(Duration.ofSeconds(6));
        sync.runUntilIdle(10);
        assertThat(sync.metricsSnapshot().failingFeeds()).isEmpty();
        assertThat(sync.health().healthy()).isTrue();
    }

    @Test
    void aStoreWhoseCallsKeepFailingIsUnreachableAndLagging() {
        Fixture f = new Fixture();
        FaultInjectingStore a = new FaultInjectingStore("shop-a");
        a.throwing(true);
        f.supply.add(Fixture.po("L1", "RED", 10));
        PreorderSync sync = f.builder(a).healthThresholds(new HealthThresholds(Duration.ofSeconds(30), 3)).build();
        sync.startManual();
        for (int i = 0; i < 5; i++) {
            sync.runUntilIdle(10);
            f.clock.advance(Duration.ofSeconds(31));
        }
        StoreMetrics store = sync.metricsSnapshot().stores().get(0);
        assertThat(store.failedCallsInARow()).isGreaterThanOrEqualTo(3);
        assertThat(store.retriedByReason()).containsOnlyKeys("publisher failed");
        assertThat(sync.health().problems()).extracting(SyncHealth.Problem::kind)
                .containsExactly(SyncHealth.Kind.STORE_UNREACHABLE, SyncHealth.Kind.LAG_ABOVE_THRESHOLD);

        a.throwing(false);
        f.clock.advance(Duration.ofMinutes(2));
        sync.runUntilIdle(10);
        assertThat(sync.metricsSnapshot().stores().get(0).failedCallsInARow()).isZero();
        assertThat(sync.health().healthy()).isTrue();
    }

    @Test
    void aStoppedEngineIsDown() throws InterruptedException {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 10));
        PreorderSync sync = f.builder(new FaultInjectingStore("shop-a")).build();
        assertThat(sync.health().status()).as("not started").isEqualTo(SyncHealth.Status.DOWN);
        sync.startManual();
        assertThat(sync.health().status()).isEqualTo(SyncHealth.Status.HEALTHY);
        sync.stop(Duration.ofSeconds(1));
        assertThat(sync.health().problems()).extracting(SyncHealth.Problem::kind)
                .containsExactly(SyncHealth.Kind.NOT_RUNNING);
    }

    @Test
    void theShopAndSkuAreInTheMdcDuringPublishWorkAndRestoredAfter() {
        Fixture f = new Fixture();
        FaultInjectingStore a = new FaultInjectingStore("shop-a");
        List<String> seen = new ArrayList<>();
        InventoryPublisher recording = new InventoryPublisher() {
            @Override
            public String channelId() {
                return a.channelId();
            }

            @Override
            public List<PublishOutcome> publish(List<DesiredState> states) {
                seen.add(MDC.get(MdcKeys.SHOP) + " " + MDC.get(MdcKeys.SKU) + " " + states.size());
                return a.publish(states);
            }

            @Override
            public int spiVersion() {
                return SpiVersion.CURRENT;
            }
        };
        f.supply.add(Fixture.po("L1", "RED", 10), Fixture.po("L2", "BLUE", 10));
        MDC.put(MdcKeys.SHOP, "the caller's own");
        PreorderSync sync = f.builder().publisher(recording).build();
        sync.startManual();
        sync.runUntilIdle(10);
        assertThat(seen).containsExactly("shop-a null 2");
        sync.preOrderTaken(f.order("RED", 1, "pos"));
        sync.runUntilIdle(10);
        assertThat(seen).containsExactly("shop-a null 2", "shop-a RED 1");
        assertThat(MDC.get(MdcKeys.SHOP)).isEqualTo("the caller's own");
        assertThat(MDC.get(MdcKeys.SKU)).isNull();
        MDC.clear();
    }
}
