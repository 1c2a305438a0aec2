package co.hotwax.preorder.core.engine.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One publisher's outcome counters, the reasons of its retries and rejections (bounded, see {@link ReasonTemplates}),
 * and what the health summary needs: when it last published, its last failure and its run of failed calls. Written
 * by the loop thread, read from any thread.
 */
final class EngineCounters {
    final AtomicLong published = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong driftCorrected = new AtomicLong();
    final Map<String, AtomicLong> retriedByReason = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> rejectedByReason = new ConcurrentHashMap<>();
    /** Clock millis of the last state applied, or -1. */
    volatile long lastPublishedAt = -1;
    /** Clock millis of the last retry or rejection, or -1. */
    volatile long lastFailureAt = -1;
    /** The reason of the last retry or rejection, as the publisher said it. */
    volatile String lastFailureReason;
    /** Publish calls in a row in which no state was applied or rejected (all to retry, or the call threw). */
    volatile int failedCallsInARow;
    private boolean decidedThisCall;

    void applied(long now) {
        published.incrementAndGet();
        lastPublishedAt = now;
        decidedThisCall = true;
    }

    void retried(String reason, String sku, long now) {
        retried.incrementAndGet();
        count(retriedByReason, ReasonTemplates.template(reason, sku));
        lastFailureAt = now;
        lastFailureReason = reason;
    }

    /**
     * A retry the publisher gave a time for: a retry in the counters, but the channel answered on purpose, so it
     * is no failure for the health summary and the call counts as answered.
     */
    void deferred(String reason, String sku) {
        retried.incrementAndGet();
        count(retriedByReason, ReasonTemplates.template(reason, sku));
        decidedThisCall = true;
    }

    void rejected(String reason, String sku, long now) {
        rejected.incrementAndGet();
        count(rejectedByReason, ReasonTemplates.template(reason, sku));
        lastFailureAt = now;
        lastFailureReason = reason;
        decidedThisCall = true;
    }

    /** A publish call ended: a call that decided nothing extends the run of failed calls. */
    void callEnded() {
        failedCallsInARow = decidedThisCall ? 0 : failedCallsInARow + 1;
        decidedThisCall = false;
    }

    private static void count(Map<String, AtomicLong> byReason, String template) {
        AtomicLong counter = byReason.get(template);
        if (counter == null) {
            String kept = byReason.size() < ReasonTemplates.MAX_PER_STORE ? template : ReasonTemplates.OTHER;
            counter = byReason.computeIfAbsent(kept, k -> new AtomicLong());
        }
        counter.incrementAndGet();
    }
}
