package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.engine.StoreMetrics;
import co.hotwax.preorder.spi.ChannelUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one publisher's counters and gauges into a {@link StoreMetrics} value. Any thread: it reads only the
 * fields the loop publishes for other threads.
 */
final class StoreSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSnapshots.class);

    private StoreSnapshots() {
    }

    static StoreMetrics of(PublisherQueue store, long now) {
        EngineCounters c = store.counters;
        long oldest = store.oldestDirty();
        long lastPublished = c.lastPublishedAt;
        long lastFailure = c.lastFailureAt;
        return new StoreMetrics(store.channel, c.published.get(), c.retried.get(), c.rejected.get(),
                c.driftCorrected.get(), copy(c.retriedByReason), copy(c.rejectedByReason),
                oldest < 0 ? 0 : Math.max(0, now - oldest), store.queuedIn(Lane.URGENT), store.queuedIn(Lane.NORMAL),
                store.queuedIn(Lane.RESYNC), lastPublished < 0 ? null : Instant.ofEpochMilli(lastPublished),
                c.failedCallsInARow, lastFailure < 0 ? null : Instant.ofEpochMilli(lastFailure), c.lastFailureReason, usage(store));
    }

    private static Map<String, Long> copy(Map<String, AtomicLong> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((reason, n) -> out.put(reason, n.get()));
        return out;
    }

    private static ChannelUsage usage(PublisherQueue store) {
        try {
            ChannelUsage usage = store.publisher.usage();
            return usage == null ? ChannelUsage.UNKNOWN : usage;
        } catch (RuntimeException e) {
            // A metrics read must never fail the caller (a scrape); the figures are unknown this time.
            LOG.debug("Publisher {} failed to report its usage", store.channel, e);
            return ChannelUsage.UNKNOWN;
        }
    }
}
