package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Logs one publisher's rejections so that a persistent one is logged once at WARN and then at DEBUG until it
 * changes: the hourly reconciliation re-publishes a rejected SKU and would otherwise repeat the same WARN every
 * hour. A different reason, or a rejection after the SKU was published, is a change and is logged at WARN again.
 * Keeps one entry per SKU currently rejected. Loop thread only.
 */
final class RejectionLog {
    private static final Logger LOG = LoggerFactory.getLogger(PublishScheduler.class);

    private final String channel;
    private final Map<PoolKey, String> lastReason = new HashMap<>();

    RejectionLog(String channel) {
        this.channel = channel;
    }

    /**
     * A SKU was rejected.
     *
     * @return whether it was logged at WARN (news) rather than DEBUG (a repeat)
     */
    boolean rejected(PoolKey key, String reason) {
        String before = lastReason.put(key, reason);
        if (Objects.equals(before, reason)) {
            LOG.debug("{} rejected sku {} again: {}", channel, key, reason);
            return false;
        }
        LOG.warn("{} rejected sku {}: {} (repeats are logged at DEBUG until the reason changes)", channel, key, reason);
        return true;
    }

    /** A SKU was published: a later rejection is news again. */
    void published(PoolKey key) {
        lastReason.remove(key);
    }
}
