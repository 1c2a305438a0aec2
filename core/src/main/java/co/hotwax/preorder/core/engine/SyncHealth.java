package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.PublishOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A health summary an operator (or a load balancer's health check) can act on without reading metrics: healthy,
 * degraded with the reasons, or down. Derived from an {@link EngineMetrics} snapshot by
 * {@link #of(EngineMetrics, HealthThresholds)}, so it is a pure function of figures the operator can also see.
 *
 * @param status the overall status
 * @param problems every reason the engine is not healthy, empty when healthy
 *
 * @since 0.1.0
 */
public record SyncHealth(Status status, List<Problem> problems) {

    /** The overall status. */
    public enum Status {
        /** Running, every store reachable, every feed answering, no lag above the threshold. */
        HEALTHY,
        /** Running, but with at least one {@link Problem}. */
        DEGRADED,
        /** Not running (not started, stopping, stopped or failed): nothing is being published. */
        DOWN
    }

    /** What is wrong. */
    public enum Kind {
        /** The engine's loop is not running. */
        NOT_RUNNING,
        /** A store's last publish calls all failed (network, 5xx, timeouts, throttling to the end). */
        STORE_UNREACHABLE,
        /**
         * A store refused for lack of an access scope (Shopify's {@code ACCESS_DENIED}), reported by the publisher as
         * a channel problem ({@link co.hotwax.preorder.spi.PublishOutcome#rejectedByChannel}) or in words.
         */
        SCOPE_MISSING,
        /** A feed's latest poll failed. */
        FEED_FAILING,
        /** A store's oldest unpublished change is older than the threshold. */
        LAG_ABOVE_THRESHOLD
    }

    /**
     * One reason the engine is not healthy.
     *
     * @param kind what is wrong
     * @param subject the store's channel id, the feed's name, or {@code engine}
     * @param detail a sentence for the operator
     */
    public record Problem(Kind kind, String subject, String detail) {
        /**
         * Validates the problem.
         *
         * @param kind what is wrong
         * @param subject the store's channel id, the feed's name, or {@code engine}
         * @param detail a sentence for the operator
         * @throws NullPointerException when a field is null
         */
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Validates and copies the summary.
     *
     * @param status the overall status
     * @param problems every reason the engine is not healthy, empty when healthy
     * @throws NullPointerException when a field is null
     */
    public SyncHealth {
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
    }

    /**
     * Whether nothing is wrong.
     *
     * @return {@code status == HEALTHY}
     */
    public boolean healthy() {
        return status == Status.HEALTHY;
    }

    /**
     * Summarises a snapshot. The engine state counts as running when it is {@code RUNNING} (manual mode included);
     * {@code NEW}, {@code STOPPING}, {@code STOPPED} and {@code FAILED} are {@link Status#DOWN}.
     *
     * @param metrics the snapshot
     * @param thresholds when lag and failed calls count as problems
     * @return the summary
     */
    public static SyncHealth of(EngineMetrics metrics, HealthThresholds thresholds) {
        List<Problem> problems = new ArrayList<>();
        boolean running = metrics.state().equals("RUNNING") || metrics.state().equals("MANUAL");
        if (!running) {
            problems.add(new Problem(Kind.NOT_RUNNING, "engine", "the engine is " + metrics.state()));
        }
        for (String feed : metrics.failingFeeds()) {
            problems.add(new Problem(Kind.FEED_FAILING, feed, "the latest poll of the " + feed + " failed"));
        }
        for (StoreMetrics store : metrics.stores()) {
            storeProblems(store, thresholds, problems);
        }
        Status status = !running ? Status.DOWN : problems.isEmpty() ? Status.HEALTHY : Status.DEGRADED;
        return new SyncHealth(status, problems);
    }

    private static void storeProblems(StoreMetrics store, HealthThresholds thresholds, List<Problem> problems) {
        boolean failingSinceLastPublish = store.lastFailure() != null
                && (store.lastPublish() == null || store.lastFailure().isAfter(store.lastPublish()));
        if (failingSinceLastPublish && mentionsScope(store.lastFailureReason())) {
            problems.add(new Problem(Kind.SCOPE_MISSING, store.store(), store.lastFailureReason()));
        }
        if (store.failedCallsInARow() >= thresholds.unreachableAfter()) {
            problems.add(new Problem(Kind.STORE_UNREACHABLE, store.store(), store.failedCallsInARow()
                    + " publish calls in a row failed; last: " + store.lastFailureReason()));
        }
        if (store.lagMillis() > thresholds.maxLag().toMillis()) {
            problems.add(new Problem(Kind.LAG_ABOVE_THRESHOLD, store.store(), "oldest unpublished change is "
                    + store.lagMillis() / 1000 + " s old (threshold " + thresholds.maxLag().toSeconds() + " s)"));
        }
    }

    // A channel problem (PublishOutcome.rejectedByChannel) is a refusal of the store's setup: for the Shopify
    // adapter, an access denied naming the missing scope.
    // Shopify answers a missing scope with HTTP 403 or the GraphQL error code ACCESS_DENIED
    // (https://shopify.dev/docs/api/usage/response-codes); a publisher that reports it otherwise should name the scope.
    private static boolean mentionsScope(String reason) {
        if (reason == null) {
            return false;
        }
        if (reason.startsWith(PublishOutcome.CHANNEL_PROBLEM)) {
            return true;
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        return lower.contains("access_denied") || lower.contains("http 403") || lower.contains("access scope")
                || lower.contains("missing scope");
    }
}
