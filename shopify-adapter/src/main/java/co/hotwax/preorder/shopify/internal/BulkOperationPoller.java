package co.hotwax.preorder.shopify.internal;

import static co.hotwax.preorder.shopify.internal.BulkOperationCalls.literal;

import co.hotwax.preorder.spi.Sleeper;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for one bulk operation, the export's ({@link BulkVariantExport}, polled between publishes, never blocking)
 * as the mutation runner's ({@link BulkMutationRunner}, blocking): polls {@code bulkOperation(id:)}
 * ({@code currentBulkOperation} is deprecated in 2026-04) when its back-off says so (a first interval doubling up to
 * a ceiling), tells a status still in progress (CREATED, RUNNING, CANCELING) from a final one (COMPLETED, FAILED,
 * CANCELED, EXPIRED or anything unknown, which the caller reads), and once the operation has run longer than the
 * caller's longest wait cancels it ({@link BulkOperationCalls#cancel}), so it does not hold the shop's limit of
 * concurrent bulk operations. A transient poll failure counts as still in progress (the next poll asks again);
 * another failure is thrown.
 *
 * <p>Not thread-safe: one caller polls one operation.
 */
final class BulkOperationPoller {
    private static final String POLL = "bulkOperation";

    private final ShopifyClient client;
    private final Clock clock;
    private final String kind;
    private final String id;
    private final Instant since;
    private final Duration firstInterval;
    private final Duration maxInterval;
    private final Duration maxWait;
    private Duration interval;
    private Instant nextPoll;

    /** Where the operation stands after a poll. */
    sealed interface State permits Pending, Ended, TimedOut {
    }

    /**
     * Still in progress; polled again when due.
     *
     * @param status CREATED, RUNNING or CANCELING, or UNKNOWN after a transient failure
     * @param objectCount objects processed so far, or -1 when unknown
     */
    record Pending(String status, long objectCount) implements State {
    }

    /**
     * In a final status: the caller reads it.
     *
     * @param status the status
     * @param operation the operation as polled ({@code errorCode}, {@code url}, {@code partialDataUrl})
     */
    record Ended(String status, JsonNode operation) implements State {
    }

    /**
     * Ran longer than the longest wait: canceled.
     *
     * @param reason what happened, for logs and outcomes
     */
    record TimedOut(String reason) implements State {
    }

    /**
     * Starts waiting for operation {@code id}.
     *
     * @param client the client
     * @param clock the clock the back-off and the wait are measured on
     * @param kind what the operation is, for reasons and logs ("bulk query", "bulk mutation")
     * @param id the operation's gid
     * @param since when it was created: the wait is counted from then
     * @param firstInterval the first wait before a poll
     * @param maxInterval the longest wait between polls
     * @param maxWait the longest the operation may run before it is canceled
     * @param pollNow whether the first poll is due at once (an operation found, not started)
     */
    BulkOperationPoller(ShopifyClient client, Clock clock, String kind, String id, Instant since, Duration firstInterval,
            Duration maxInterval, Duration maxWait, boolean pollNow) {
        this.client = client;
        this.clock = clock;
        this.kind = kind;
        this.id = id;
        this.since = since;
        this.firstInterval = firstInterval;
        this.maxInterval = maxInterval;
        this.maxWait = maxWait;
        this.interval = firstInterval;
        this.nextPoll = pollNow ? clock.instant() : clock.instant().plus(firstInterval);
    }

    /** @return the operation's gid */
    String id() {
        return id;
    }

    /** @return when the operation was created */
    Instant since() {
        return since;
    }

    /** @return when the back-off lets the next poll go */
    Instant nextPoll() {
        return nextPoll;
    }

    /** @return whether the back-off lets the next poll go now */
    boolean due() {
        return !clock.instant().isBefore(nextPoll);
    }

    /**
     * Polls once, now.
     *
     * @return where the operation stands
     * @throws InterruptedException when interrupted
     * @throws CallFailedException when the poll failed for a reason that is not transient
     */
    State poll() throws InterruptedException {
        JsonNode op = fetch();
        String status = op == null ? "UNKNOWN" : op.path("status").asText("");
        if (op != null && !inProgress(status)) {
            return new Ended(status, op);
        }
        if (!clock.instant().isBefore(since.plus(maxWait))) {
            BulkOperationCalls.cancel(client, id, kind);
            return new TimedOut(kind + " " + id + " still " + status + " after " + maxWait + "; canceled");
        }
        backOff();
        return new Pending(status, op == null ? -1 : op.path("objectCount").asLong(0));
    }

    /**
     * Sleeps until each poll is due and polls until the operation is no longer in progress.
     *
     * @param sleeper the sleeper between polls
     * @return {@link Ended} or {@link TimedOut}
     * @throws InterruptedException when interrupted
     * @throws CallFailedException when a poll failed for a reason that is not transient
     */
    State await(Sleeper sleeper) throws InterruptedException {
        while (true) {
            sleepUntilDue(sleeper);
            State state = poll();
            if (!(state instanceof Pending)) {
                return state;
            }
        }
    }

    /**
     * After a cancel, sleeps and polls (back-off from the first interval again) until the operation is final or
     * {@code bound} has passed. A canceled operation goes on while CANCELING ("There may be a short delay from when
     * a cancelation starts until the operation is actually canceled", mutation {@code bulkOperationCancel}), so a
     * bulk mutation may still apply lines until then: its caller must not write the same objects before.
     *
     * @param sleeper the sleeper between polls
     * @param bound the longest wait for a final status
     * @return {@link Ended}, or {@link Pending} when it was still in progress at the bound
     * @throws InterruptedException when interrupted
     * @throws CallFailedException when a poll failed for a reason that is not transient
     */
    State settle(Sleeper sleeper, Duration bound) throws InterruptedException {
        Instant until = clock.instant().plus(bound);
        interval = firstInterval;
        nextPoll = clock.instant().plus(firstInterval);
        while (true) {
            sleepUntilDue(sleeper);
            JsonNode op = fetch();
            String status = op == null ? "UNKNOWN" : op.path("status").asText("");
            if (op != null && !inProgress(status)) {
                return new Ended(status, op);
            }
            if (!clock.instant().isBefore(until)) {
                return new Pending(status, op == null ? -1 : op.path("objectCount").asLong(0));
            }
            backOff();
        }
    }

    private void sleepUntilDue(Sleeper sleeper) throws InterruptedException {
        Duration wait = Duration.between(clock.instant(), nextPoll);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** The operation as polled, or null after a transient failure. */
    private JsonNode fetch() throws InterruptedException {
        try {
            return client.answered(client.execute(POLL, pollDocument(id), 1), POLL, POLL);
        } catch (CallFailedException e) {
            if (!e.kind().isTransient()) {
                throw e;
            }
            return null;
        }
    }

    private void backOff() {
        interval = interval.multipliedBy(2).compareTo(maxInterval) > 0 ? maxInterval : interval.multipliedBy(2);
        nextPoll = clock.instant().plus(interval);
    }

    private static boolean inProgress(String status) {
        return status.equals("CREATED") || status.equals("RUNNING") || status.equals("CANCELING");
    }

    /**
     * The poll of operation {@code id}.
     *
     * @param id the operation's gid
     * @return the document
     */
    static String pollDocument(String id) {
        return "query BulkOperationStatus { " + POLL + "(id: " + literal(id)
                + ") { id status errorCode objectCount url partialDataUrl } }";
    }
}
