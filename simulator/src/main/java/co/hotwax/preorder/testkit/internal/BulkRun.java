package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.BulkBehaviour;
import co.hotwax.preorder.testkit.BulkOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lifecycle of one bulk operation, query or mutation, in (virtual) time: the statuses of enum
 * {@code BulkOperationStatus} (schema 2026-04) derived from the clock on every read, {@code CREATED} for
 * {@link BulkBehaviour#startDelay()}, then {@code RUNNING} at {@link BulkBehaviour#objectsPerSecond()} until its work
 * is done ({@code COMPLETED}) or, with an injected {@link BulkOutcome}, half-way through ({@code FAILED} with
 * {@code errorCode} {@code INTERNAL_SERVER_ERROR} or {@code TIMEOUT}, {@code partialDataUrl} for the first; or
 * {@code CANCELED}). A cancel makes it {@code CANCELING} for the start delay, then {@code CANCELED}: "There may be a
 * short delay from when a cancelation starts until the operation is actually canceled" (schema 2026-04,
 * {@code BulkOperationStatus.CANCELING}; "Starts the cancelation process of a running bulk operation", mutation
 * {@code bulkOperationCancel}). So its work goes on while it is CANCELING and stops only when it is CANCELED, and
 * nothing it did is undone (Shopify documents no rollback): a bulk mutation canceled while RUNNING may still apply
 * lines during the delay. The same rules for queries and mutations, and the same payloads for cancels and refusals.
 */
final class BulkRun {
    private final String id;
    private final String type;
    private final String query;
    private final Instant createdAt;
    private final long work;
    private final BulkOutcome outcome;
    private final Clock clock;
    private final BulkBehaviour behaviour;
    private Instant canceledAt;

    /**
     * An operation created now.
     *
     * @param id its gid
     * @param type {@code QUERY} or {@code MUTATION}
     * @param query the query or mutation it runs
     * @param work the objects (or lines) it processes
     * @param outcome how it ends instead of completing, or null
     * @param clock the clock statuses move on
     * @param behaviour timing
     */
    BulkRun(String id, String type, String query, long work, BulkOutcome outcome, Clock clock, BulkBehaviour behaviour) {
        this.id = id;
        this.type = type;
        this.query = query;
        this.createdAt = clock.instant();
        this.work = work;
        this.outcome = outcome;
        this.clock = clock;
        this.behaviour = behaviour;
    }

    /** @return its gid */
    String id() {
        return id;
    }

    /** @return the number at the end of its gid, which names its files */
    String number() {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** @return how it ends instead of completing, or null */
    BulkOutcome outcome() {
        return outcome;
    }

    /** @return the objects (or lines) it processes when it completes */
    long work() {
        return work;
    }

    private Instant running() {
        return createdAt.plus(behaviour.startDelay());
    }

    private Instant end() {
        Duration runTime = Duration.ofMillis(Math.max(1, (work * 1000 + behaviour.objectsPerSecond() - 1)
                / behaviour.objectsPerSecond()));
        return running().plus(outcome == null ? runTime : runTime.dividedBy(2));
    }

    /**
     * The objects (or lines) processed by now: none before it runs, then at the configured rate, up to its work (half
     * of it with an injected outcome), no more once a cancel took effect (CANCELED, the start delay after it was
     * asked: the work goes on while CANCELING).
     *
     * @return the count
     */
    long processed() {
        Instant canceled = canceledAt == null ? null : canceledAt.plus(behaviour.startDelay());
        Instant now = canceled != null && canceled.isBefore(clock.instant()) ? canceled : clock.instant();
        long done = now.isBefore(running()) ? 0
                : Duration.between(running(), now).toMillis() * behaviour.objectsPerSecond() / 1000;
        return Math.min(outcome == null ? work : work / 2, done);
    }

    /**
     * The status now.
     *
     * @param accessDenied whether it fails with {@code ACCESS_DENIED} once it runs
     * @return the status
     */
    String status(boolean accessDenied) {
        Instant now = clock.instant();
        if (canceledAt != null) {
            return now.isBefore(canceledAt.plus(behaviour.startDelay())) ? "CANCELING" : "CANCELED";
        } else if (now.isBefore(running())) {
            return "CREATED";
        } else if (accessDenied) {
            return "FAILED";
        } else if (now.isBefore(end())) {
            return "RUNNING";
        } else if (outcome == null) {
            return "COMPLETED";
        }
        return outcome == BulkOutcome.CANCELED ? "CANCELED" : "FAILED";
    }

    /** @return whether it is CREATED, RUNNING or CANCELING (counts against the concurrency limit) */
    boolean inProgress() {
        return inProgress(status(false));
    }

    /**
     * Whether a status counts against the concurrency limit.
     *
     * @param status the status
     * @return true for CREATED, RUNNING and CANCELING
     */
    static boolean inProgress(String status) {
        return status.equals("CREATED") || status.equals("RUNNING") || status.equals("CANCELING");
    }

    /**
     * The operation as {@code bulkOperation(id:)} shows it now, with its result files under {@code fileBase}
     * ({@code <fileBase><n>.jsonl}, {@code -partial.jsonl}); {@code objectCount} is {@link #processed()}.
     *
     * @param accessDenied whether it fails with {@code ACCESS_DENIED} once it runs
     * @param fileBase the URL its files' names are appended to
     * @return the view
     */
    Map<String, Object> view(boolean accessDenied, String fileBase) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("type", type);
        v.put("query", query);
        v.put("createdAt", createdAt);
        v.put("completedAt", null);
        v.put("errorCode", null);
        v.put("fileSize", null);
        v.put("url", null);
        v.put("partialDataUrl", null);
        String status = status(accessDenied);
        if (status.equals("COMPLETED")) {
            v.put("completedAt", end());
            v.put("url", fileBase + number() + ".jsonl");
        } else if (status.equals("FAILED") && accessDenied) {
            v.put("errorCode", "ACCESS_DENIED");
        } else if (status.equals("FAILED")) {
            v.put("errorCode", outcome == BulkOutcome.FAILED_TIMEOUT ? "TIMEOUT" : "INTERNAL_SERVER_ERROR");
            if (outcome == BulkOutcome.FAILED_WITH_PARTIAL_DATA) {
                v.put("partialDataUrl", fileBase + number() + "-partial.jsonl");
            }
        }
        v.put("status", status);
        v.put("objectCount", Long.toString(processed()));
        return v;
    }

    /**
     * Cancels it if it is in progress, and answers as {@code bulkOperationCancel} does.
     *
     * @param view its view after the cancel
     * @return the payload
     */
    Map<String, Object> cancel(Function<BulkRun, Map<String, Object>> view) {
        String status = status(false);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (!inProgress(status)) {
            payload.put("bulkOperation", view.apply(this));
            payload.put("userErrors", List.of(Map.of("field", List.of("id"), "message",
                    "A bulk operation cannot be canceled when it is " + status.toLowerCase())));
            return payload;
        }
        canceledAt = clock.instant();
        payload.put("bulkOperation", view.apply(this));
        payload.put("userErrors", List.of());
        return payload;
    }

    /**
     * The payload of a start that is refused.
     *
     * @param code the userError code
     * @param field the field, or null
     * @param message the message
     * @return the payload, with no operation
     */
    static Map<String, Object> refused(String code, List<String> field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("field", field);
        error.put("message", message);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bulkOperation", null);
        payload.put("userErrors", List.of(error));
        return payload;
    }

    /**
     * The body of result file {@code file} ({@code <n>.jsonl} or {@code <n>-partial.jsonl}) of one of
     * {@code operations}, while its view shows the URL.
     *
     * @param <T> the registry's operation
     * @param operations the operations
     * @param file the file name asked for
     * @param run an operation's lifecycle
     * @param view an operation's view now
     * @param full an operation's whole result
     * @param partial an operation's partial result
     * @return the body, or empty (404)
     */
    static <T> Optional<byte[]> file(Collection<T> operations, String file, Function<T, BulkRun> run,
            Function<T, Map<String, Object>> view, Function<T, byte[]> full, Function<T, byte[]> partial) {
        for (T op : operations) {
            String n = run.apply(op).number();
            if (file.equals(n + ".jsonl") && view.apply(op).get("url") != null) {
                return Optional.of(full.apply(op));
            }
            if (file.equals(n + "-partial.jsonl") && view.apply(op).get("partialDataUrl") != null) {
                return Optional.of(partial.apply(op));
            }
        }
        return Optional.empty();
    }
}
