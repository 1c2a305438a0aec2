package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.core.engine.internal.SnapshotMBean;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes the engine's figures as JMX MBeans (JDK only), so an OMS without Micrometer can read them with
 * JConsole, VisualVM or a JMX exporter. One MBean for the engine,
 * {@code co.hotwax.preorder:type=PreorderSync,name=<name>} (state, health, command-queue depth, feed polls and
 * failures, resyncs, lag), and one per store, {@code co.hotwax.preorder:type=PreorderSyncStore,name=<name>,
 * store=<channel id>} (published, retried, rejected and their reasons, lag, pending per lane, last publish, the
 * channel's requests, throttled responses, cost points and bucket level). Every attribute is read from a fresh
 * {@link PreorderSync#metricsSnapshot()}: nothing is cached, nothing blocks the loop.
 *
 * @since 0.1.0
 */
public final class PreorderSyncJmx implements AutoCloseable {
    private static final String DOMAIN = "co.hotwax.preorder";

    private final MBeanServer server;
    private final List<ObjectName> names;

    private PreorderSyncJmx(MBeanServer server, List<ObjectName> names) {
        this.server = server;
        this.names = List.copyOf(names);
    }

    /**
     * Registers the engine's MBeans with the platform MBean server.
     *
     * @param sync the engine (its stores are fixed when it is built)
     * @param name tells several engines in one JVM apart, e.g. {@code "main"}
     * @return the registration; close it to unregister
     * @throws IllegalStateException when a name is already registered or invalid
     */
    public static PreorderSyncJmx register(PreorderSync sync, String name) {
        return register(sync, name, ManagementFactory.getPlatformMBeanServer());
    }

    /**
     * Registers the engine's MBeans with an MBean server.
     *
     * @param sync the engine
     * @param name tells several engines in one JVM apart
     * @param server the MBean server
     * @return the registration; close it to unregister
     * @throws IllegalStateException when a name is already registered or invalid
     */
    public static PreorderSyncJmx register(PreorderSync sync, String name, MBeanServer server) {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
        List<ObjectName> registered = new ArrayList<>();
        try {
            registered.add(register(server, engineName(name), engineBean(sync)));
            for (StoreMetrics store : sync.metricsSnapshot().stores()) {
                registered.add(register(server, storeName(name, store.store()), storeBean(sync, store.store())));
            }
        } catch (JMException | RuntimeException e) {
            new PreorderSyncJmx(server, registered).close();
            throw new IllegalStateException("registering the MBeans of preorder sync '" + name + "' failed: " + e, e);
        }
        return new PreorderSyncJmx(server, registered);
    }

    /**
     * The names registered.
     *
     * @return the engine's name first, then one per store
     */
    public List<ObjectName> names() {
        return names;
    }

    /** Unregisters every MBean (those already gone are skipped). */
    @Override
    public void close() {
        for (ObjectName n : names) {
            try {
                server.unregisterMBean(n);
            } catch (InstanceNotFoundException | MBeanRegistrationException e) {
                // already gone: nothing to undo
            }
        }
    }

    private static ObjectName register(MBeanServer server, ObjectName name, Object bean) throws JMException {
        server.registerMBean(bean, name);
        return name;
    }

    private static ObjectName engineName(String name) throws JMException {
        return new ObjectName(DOMAIN + ":type=PreorderSync,name=" + ObjectName.quote(name));
    }

    private static ObjectName storeName(String name, String store) throws JMException {
        return new ObjectName(DOMAIN + ":type=PreorderSyncStore,name=" + ObjectName.quote(name) + ",store="
                + ObjectName.quote(store));
    }

    private static SnapshotMBean<EngineMetrics> engineBean(PreorderSync sync) {
        return SnapshotMBean.builder("Preorder Sync engine", sync::metricsSnapshot)
                .text("State", "lifecycle state", EngineMetrics::state)
                .text("Health", "HEALTHY, DEGRADED or DOWN", m -> sync.health().status().name())
                .texts("HealthProblems", "why the engine is not healthy", m -> sync.health().problems().stream()
                        .map(p -> p.kind() + " " + p.subject() + ": " + p.detail()).toArray(String[]::new))
                .number("CommandQueueDepth", "OMS commands waiting for the loop", EngineMetrics::commandQueueDepth)
                .number("FeedPolls", "feed polls made", EngineMetrics::feedPolls)
                .number("FeedFailures", "feed polls that failed", EngineMetrics::feedFailures)
                .texts("FailingFeeds", "feeds whose latest poll failed", m -> m.failingFeeds().toArray(String[]::new))
                .number("ResyncsCompleted", "full resyncs finished", EngineMetrics::resyncsCompleted)
                .number("LagMillis", "age of the oldest unpublished change in any store", EngineMetrics::lagMillis)
                .build();
    }

    private static SnapshotMBean<StoreMetrics> storeBean(PreorderSync sync, String store) {
        return SnapshotMBean.<StoreMetrics>builder("Preorder Sync store " + store, () -> sync.metricsSnapshot()
                        .stores().stream().filter(s -> s.store().equals(store)).findFirst().orElseThrow())
                .number("Published", "states applied", StoreMetrics::published)
                .number("Retried", "states to retry", StoreMetrics::retried)
                .number("Rejected", "states refused for good", StoreMetrics::rejected)
                .number("DriftCorrected", "states a reconciliation corrected", StoreMetrics::driftCorrected)
                .texts("RetriedByReason", "retries per reason", s -> reasons(s.retriedByReason()))
                .texts("RejectedByReason", "rejections per reason", s -> reasons(s.rejectedByReason()))
                .number("LagMillis", "age of the oldest unpublished change", StoreMetrics::lagMillis)
                .number("PendingUrgent", "states waiting in the urgent lane", StoreMetrics::pendingUrgent)
                .number("PendingNormal", "states waiting in the normal lane", StoreMetrics::pendingNormal)
                .number("PendingResync", "states waiting in the reconciliation lane", StoreMetrics::pendingResync)
                .number("LastPublishEpochMillis", "when a state was last applied, -1 never",
                        s -> s.lastPublish() == null ? -1L : s.lastPublish().toEpochMilli())
                .number("FailedCallsInARow", "publish calls in a row that decided nothing",
                        s -> (long) s.failedCallsInARow())
                .text("LastFailureReason", "reason of the last retry or rejection", StoreMetrics::lastFailureReason)
                .number("Requests", "requests sent to the channel, -1 unknown", s -> s.usage().requests())
                .number("ThrottledResponses", "responses refused for rate, -1 unknown",
                        s -> s.usage().throttledResponses())
                .decimal("PointsSpent", "cost points spent, -1 unknown", s -> s.usage().pointsSpent())
                .decimal("BucketAvailable", "cost points available now, -1 unknown", s -> s.usage().bucketAvailable())
                .decimal("BucketCapacity", "cost bucket size, -1 unknown", s -> s.usage().bucketCapacity())
                .build();
    }

    private static String[] reasons(Map<String, Long> byReason) {
        return byReason.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new);
    }
}
