package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.engine.SyncEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs the feed reads (a poll, or a reload after an expired checkpoint) on the feed executor, one at a time, and
 * hands each result back to the loop thread, which applies it to the book. The loop never waits for a feed: while
 * a read runs, or while a failing feed backs off, it goes on applying OMS calls and publishing.
 *
 * <p>A failed read (an exception, a refused checkpoint, a failing snapshot) is reported as
 * {@link SyncEvent.FeedFailed}, counted, and tried again after an exponential back-off; the book keeps its last good
 * state meanwhile. A reload that fails is tried again (as a reload) until one succeeds.
 *
 * <p>It is the one source of the feed figures ({@link #polls()}, {@link #failures()}, {@link #failingNow()}).
 *
 * <p>Loop thread only, except the figures. In manual mode the executor runs the read on the caller's
 * thread, so a run replays from its seed.
 */
public final class FeedRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FeedRunner.class);

    /** What a read produced. */
    public sealed interface Result {
    }

    /**
     * A reload succeeded.
     *
     * @param snapshot every feed's items
     */
    public record Reloaded(FeedReader.Snapshot snapshot) implements Result {
    }

    /**
     * A poll ran (some feeds may have failed: see {@link FeedReader.Poll#failures()}).
     *
     * @param poll the changes
     */
    public record Polled(FeedReader.Poll poll) implements Result {
    }

    /**
     * A read failed as a whole.
     *
     * @param feed the feed that failed, as far as known
     * @param cause what it threw
     * @param reload whether it was a reload
     */
    public record Failed(String feed, Throwable cause, boolean reload) implements Result {
    }

    private final FeedReader reader;
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<SyncEvent> events;
    private final long pollMillis;
    private final long stuckMillis;
    private final int pageSize;
    private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    /** The feeds whose latest read failed. */
    private final Set<String> failingNow = ConcurrentHashMap.newKeySet();
    private Runnable wake = () -> { };
    private Executor executor = Runnable::run;

    private boolean inFlight;
    private boolean inFlightReload;
    private boolean stuckReported;
    private long inFlightSince;
    private boolean reloadWanted;
    private int failuresInRow;
    private long nextReadAt;

    /**
     * Creates the runner; reads run on the caller's thread until {@link #runOn} says otherwise.
     *
     * @param reader the feeds
     * @param backoff the back-off after failures
     * @param clock the engine's clock
     * @param events where failures are reported (loop thread)
     * @param pollMillis the poll interval
     * @param pageSize the most items per feed page
     */
    public FeedRunner(FeedReader reader, Backoff backoff, Clock clock, Consumer<SyncEvent> events, long pollMillis,
                      int pageSize) {
        this.reader = reader;
        this.backoff = backoff;
        this.clock = clock;
        this.events = events;
        this.pollMillis = pollMillis;
        // A read still running after this long is reported once: the feed may hang (publishing goes on anyway).
        this.stuckMillis = Math.max(60_000, 10 * pollMillis);
        this.pageSize = pageSize;
    }

    /**
     * Runs later reads on an executor and wakes the loop when one finishes.
     *
     * @param executor where reads run
     * @param wake wakes the loop thread
     */
    public void runOn(Executor executor, Runnable wake) {
        this.executor = executor;
        this.wake = wake;
    }

    /**
     * Takes the first snapshot on the caller's thread (a failure propagates: the engine does not start).
     *
     * @return every feed's items
     */
    public FeedReader.Snapshot loadNow() {
        FeedReader.Snapshot snapshot = reader.snapshotAll();
        nextReadAt = clock.millis() + pollMillis;
        return snapshot;
    }

    /**
     * Starts a read (a reload when one is wanted, else a poll) when it is due and none runs.
     *
     * @param now clock millis
     */
    public void startIfDue(long now) {
        if (inFlight) {
            reportIfStuck(now);
            return;
        }
        if (now < nextReadAt) {
            return;
        }
        inFlightReload = reloadWanted;
        inFlightSince = now;
        stuckReported = false;
        boolean reload = reloadWanted;
        try {
            executor.execute(() -> {
                results.add(read(reload));
                wake.run();
            });
        } catch (RuntimeException e) {
            // A refusing executor (shut down, queue full) is a failed read like any other: retried after back-off.
            failed(now, List.of(new FeedReader.FeedFailure("feeds", "the feed executor refused the read: " + e)));
            return;
        }
        // Set after the hand-over: in manual mode the read has already finished, and takeResult clears it.
        inFlight = true;
    }

    /**
     * Whether a reload was asked for and may start now (a refused checkpoint reloads at once).
     *
     * @param now clock millis
     * @return true when {@link #startIfDue} would start a reload
     */
    public boolean reloadDue(long now) {
        return reloadWanted && !inFlight && now >= nextReadAt;
    }

    /**
     * Whether the read running now is a reload.
     *
     * @return true while a reload runs
     */
    public boolean reloadInFlight() {
        return inFlight && inFlightReload;
    }

    /**
     * The next finished read, with the schedule updated and failures reported.
     *
     * @return the result, or null when none finished
     * @throws Error what a feed threw, when it was an {@link Error}: the engine fails
     */
    public Result takeResult() {
        Result result = results.poll();
        if (result == null) {
            return null;
        }
        inFlight = false;
        polls.incrementAndGet();
        long now = clock.millis();
        if (result instanceof Reloaded) {
            reloadWanted = false;
            succeeded(now, false);
        } else if (result instanceof Polled polled) {
            FeedReader.Poll poll = polled.poll();
            if (poll.needsReload()) {
                reloadWanted = true;
                nextReadAt = now;
            } else if (!poll.failures().isEmpty()) {
                failed(now, poll.failures());
            } else {
                succeeded(now, poll.hasMore());
            }
        } else if (result instanceof Failed f) {
            if (f.cause() instanceof Error error) {
                throw error;
            }
            reloadWanted |= f.reload();
            failed(now, List.of(new FeedReader.FeedFailure(f.feed(),
                    (f.reload() ? "snapshot failed: " : "") + f.cause())));
        }
        return result;
    }

    /**
     * When the runner next has something to do: the next read or, while one runs, a look at it one poll interval
     * on (the default sleeper wakes as soon as the read ends; a custom one may not), or the time it counts as
     * stuck if that is sooner.
     *
     * @return clock millis
     */
    public long nextDueMillis() {
        if (!inFlight) {
            return nextReadAt;
        }
        long look = clock.millis() + pollMillis;
        return stuckReported ? look : Math.min(look, inFlightSince + stuckMillis);
    }

    /**
     * Failed feed reads so far. Thread-safe.
     *
     * @return the counter
     */
    public long failures() {
        return failures.get();
    }

    /**
     * Feed reads (polls and reloads) that finished or failed so far. Thread-safe.
     *
     * @return the counter
     */
    public long polls() {
        return polls.get();
    }

    /**
     * The feeds whose latest read failed, cleared by the next read that succeeds. Thread-safe.
     *
     * @return a copy
     */
    public Set<String> failingNow() {
        return Set.copyOf(failingNow);
    }

    private Result read(boolean reload) {
        try {
            return reload ? new Reloaded(reader.snapshotAll()) : new Polled(reader.poll(pageSize));
        } catch (Throwable t) {
            // Even an Error goes back to the loop: a feed thread that died silently would stop every poll.
            return new Failed(reload ? reader.lastFeed() : "feeds", t, reload);
        }
    }

    private void succeeded(long now, boolean hasMore) {
        failuresInRow = 0;
        failingNow.clear();
        // A feed with more pages is read again at once rather than all in one go, so OMS pushes and urgent
        // writes are not held up behind a long backlog.
        nextReadAt = hasMore ? now : now + pollMillis;
    }

    private void failed(long now, List<FeedReader.FeedFailure> feedFailures) {
        failuresInRow++;
        long delay = backoff.delayMillis(failuresInRow);
        nextReadAt = now + delay;
        for (FeedReader.FeedFailure failure : feedFailures) {
            failures.incrementAndGet();
            failingNow.add(failure.feed());
            LOG.warn("Feed read failed ({} in a row), next read in {} ms: {}: {}", failuresInRow, delay,
                    failure.feed(), failure.reason());
            events.accept(new SyncEvent.FeedFailed(failure.feed(), failure.reason(), failuresInRow, delay));
        }
    }

    private void reportIfStuck(long now) {
        if (!stuckReported && now - inFlightSince >= stuckMillis) {
            stuckReported = true;
            failures.incrementAndGet();
            String reason = "a feed read has not returned for " + (now - inFlightSince) + " ms; publishing goes on";
            LOG.warn("{}", reason);
            events.accept(new SyncEvent.FeedFailed(inFlightReload ? "reload" : "poll", reason, failuresInRow, 0));
        }
    }
}
