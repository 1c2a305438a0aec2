package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.ChannelUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The health summary as a function of a snapshot. */
class SyncHealthTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final HealthThresholds THRESHOLDS = new HealthThresholds(Duration.ofMinutes(5), 3);

    @Test
    void aStoreRefusedForAMissingScopeSinceItsLastPublishIsReported() {
        StoreMetrics refused = store("shop-a", NOW.minusSeconds(60), NOW.minusSeconds(10),
                "productVariants was refused by shop shop-a: Access denied for inventoryItems field (ACCESS_DENIED)", 1);
        SyncHealth health = SyncHealth.of(metrics("RUNNING", refused), THRESHOLDS);
        assertThat(health.status()).isEqualTo(SyncHealth.Status.DEGRADED);
        assertThat(health.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(SyncHealth.Kind.SCOPE_MISSING);
            assertThat(p.subject()).isEqualTo("shop-a");
        });
    }

    @Test
    void aScopeErrorFollowedByASuccessfulPublishIsOver() {
        StoreMetrics healed = store("shop-a", NOW.minusSeconds(5), NOW.minusSeconds(10), "got HTTP 403 from shop a", 0);
        assertThat(SyncHealth.of(metrics("RUNNING", healed), THRESHOLDS).healthy()).isTrue();
    }

    @Test
    void lagAboveTheThresholdAndRepeatedFailedCallsAreEachReported() {
        StoreMetrics slow = new StoreMetrics("shop-b", 1, 0, 0, 0, Map.of(), Map.of(), Duration.ofMinutes(6).toMillis(),
                1, 0, 0, NOW, 0, null, null, ChannelUsage.UNKNOWN);
        StoreMetrics down = store("shop-c", null, NOW, "publisher failed: java.net.ConnectException", 3);
        SyncHealth health = SyncHealth.of(metrics("RUNNING", slow, down), THRESHOLDS);
        assertThat(health.problems()).extracting(SyncHealth.Problem::kind, SyncHealth.Problem::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SyncHealth.Kind.LAG_ABOVE_THRESHOLD, "shop-b"),
                        org.assertj.core.groups.Tuple.tuple(SyncHealth.Kind.STORE_UNREACHABLE, "shop-c"));
    }

    @Test
    void anEngineThatIsNotRunningIsDownWhateverTheStoresSay() {
        assertThat(SyncHealth.of(metrics("STOPPED"), THRESHOLDS).status()).isEqualTo(SyncHealth.Status.DOWN);
        assertThat(SyncHealth.of(metrics("FAILED"), THRESHOLDS).status()).isEqualTo(SyncHealth.Status.DOWN);
        assertThat(SyncHealth.of(metrics("MANUAL"), THRESHOLDS).status()).isEqualTo(SyncHealth.Status.HEALTHY);
    }

    private static StoreMetrics store(String name, Instant lastPublish, Instant lastFailure, String reason, int failedCalls) {
        return new StoreMetrics(name, 0, 1, 0, 0, Map.of(), Map.of(), 0, 0, 0, 0, lastPublish, failedCalls, lastFailure,
                reason, ChannelUsage.UNKNOWN);
    }

    private static EngineMetrics metrics(String state, StoreMetrics... stores) {
        return new EngineMetrics(NOW, state, 0, 0, 0, List.of(), 0, List.of(stores));
    }
}
