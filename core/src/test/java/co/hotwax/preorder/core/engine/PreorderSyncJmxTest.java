package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PublishOutcome;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figures over JMX, for an OMS without Micrometer. */
class PreorderSyncJmxTest {

    @Test
    void theEngineAndEachStoreAreReadableMBeansUntilClosed() throws Exception {
        Fixture f = new Fixture();
        FaultInjectingStore a = new FaultInjectingStore("shop-a.myshopify.com");
        FaultInjectingStore b = new FaultInjectingStore("shop-b");
        b.fail("RED", PublishOutcome.Status.REJECTED);
        f.supply.add(Fixture.po("L1", "RED", 10));
        PreorderSync sync = f.settled(a, b);
        MBeanServer server = MBeanServerFactory.newMBeanServer();

        try (PreorderSyncJmx jmx = PreorderSyncJmx.register(sync, "main", server)) {
            assertThat(jmx.names()).hasSize(3);
            ObjectName engine = new ObjectName("co.hotwax.preorder:type=PreorderSync,name=\"main\"");
            assertThat(server.getAttribute(engine, "State")).isEqualTo("RUNNING");
            assertThat(server.getAttribute(engine, "Health")).isEqualTo("HEALTHY");
            sync.preOrderTaken(f.order("RED", 1, "pos"));
            assertThat(server.getAttribute(engine, "CommandQueueDepth")).isEqualTo(1L);

            ObjectName storeA = new ObjectName("co.hotwax.preorder:type=PreorderSyncStore,name=\"main\","
                    + "store=\"shop-a.myshopify.com\"");
            // Its share of the pool, then the whole pool once store B refused it for good.
            assertThat(server.getAttribute(storeA, "Published")).isEqualTo(2L);
            assertThat(server.getAttribute(storeA, "Requests")).isEqualTo((long) a.publishCalls());
            assertThat(server.getAttribute(storeA, "BucketCapacity")).isEqualTo(1000.0);
            assertThat(server.getAttribute(storeA, "LastPublishEpochMillis")).isEqualTo(Fixture.T0.toEpochMilli());
            ObjectName storeB = jmx.names().get(2);
            // Refused for its share, then once more for the pool's state recomputed after that refusal.
            assertThat(server.getAttribute(storeB, "Rejected")).isEqualTo(2L);
            assertThat((String[]) server.getAttribute(storeB, "RejectedByReason"))
                    .containsExactly("no variant has SKU <sku>: 2");
            assertThat(server.getMBeanInfo(storeB).getAttributes()).extracting(a1 -> a1.getName())
                    .contains("PendingUrgent", "PendingNormal", "PendingResync", "ThrottledResponses", "PointsSpent");

            assertThatThrownBy(() -> PreorderSyncJmx.register(sync, "main", server))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("main");
            assertThat(server.isRegistered(engine)).as("the failed second registration undid only its own").isTrue();
        }
        assertThat(server.queryNames(new ObjectName("co.hotwax.preorder:*"), null)).isEmpty();
        sync.stop(Duration.ofSeconds(1));
    }
}
