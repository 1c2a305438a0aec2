package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BatchReport;
import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookListener;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.BookView;
import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.core.engine.EngineMetrics;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.core.engine.SyncListener;
import co.hotwax.preorder.core.engine.SyncMetrics;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.TreeSet;

/**
 * The sync loop: owns the book, the feed reader, the publish scheduler, the dirty pools and the due times. One
 * iteration applies the OMS commands, polls the feeds when due, refreshes dates on a new day, starts a
 * reconciliation when due and publishes at most one batch per publisher.
 *
 * <p>Loop thread only (in manual mode: the caller's thread), except {@link #metrics()} and
 * {@link #metricsSnapshot(String)}.
 */
public final class SyncLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

    private final PreorderBook book;
    private final BookView view;
    private final BookPolicy policy;
    private final FeedRunner feeds;
    private final PublishScheduler scheduler;
    private final CommandInbox inbox;
    private final SyncListener listener;
    private final BookListener bookListener;
    private final Clock clock;
    private final long reconcileMillis;
    private final long minBackoffMillis;
    private final int batchSize;
    private final SetupChecks setupChecks;
    /** Pools the book reported changed since the last classification. */
    private final Set<PoolKey> dirtyPools = new LinkedHashSet<>();
    /** OMS commands applied while a reload runs: the rebuild replaces the book, so they are applied again. */
    private final List<BookCommand> appliedDuringReload = new ArrayList<>();

    private long nextReconcileAt;
    private LocalDate datesRefreshedFor;

    /**
     * Wires the loop.
     *
     * @param config the validated configuration
     * @param inbox where the OMS commands wait
     */
    public SyncLoop(EngineConfig config, CommandInbox inbox) {
        this.inbox = inbox;
        this.policy = config.policy();
        this.listener = config.listener();
        this.bookListener = config.bookListener();
        this.clock = config.clock();
        this.reconcileMillis = config.reconcileInterval().toMillis();
        this.minBackoffMillis = config.backoffMin().toMillis();
        this.batchSize = config.batchSize();
        this.setupChecks = new SetupChecks(config.publishers(), this::emit, config.continueOnSetupProblems());
        this.book = PreorderBook.builder().policy(policy).clock(clock).listener(this::onBookEvent).build();
        this.feeds = new FeedRunner(new FeedReader(config.supply(), config.preOrders(), config.stock()),
                new Backoff(config.backoffMin(), config.backoffMax(), config.random()), clock, this::emit,
                config.pollInterval().toMillis(), batchSize);
        this.view = new ReadOnlyBook(book);
        List<InventoryPublisher> publishers = config.publishers();
        List<String> channels = new ArrayList<>();
        int[] weights = new int[publishers.size()];
        for (int i = 0; i < publishers.size(); i++) {
            channels.add(publishers.get(i).channelId());
            weights[i] = config.weights().get(i);
        }
        DesiredStates desired = new DesiredStates(channels, new ShareSplitter(weights), config.quotas(),
                config.publishPhysicalStock());
        this.scheduler = new PublishScheduler(publishers, desired,
                new Backoff(config.backoffMin(), config.backoffMax(), config.random()), clock, this::emit, batchSize);
    }

    /**
     * Checks every store's setup, then loads every feed on the caller's thread, rebuilds the book, queues a full
     * resync and sets the first due times.
     *
     * @throws co.hotwax.preorder.core.engine.StoreSetupException when a store's setup blocks and the engine is not
     *         configured to continue; nothing is loaded then
     */
    public void load() {
        setupChecks.run();
        rebuild(feeds.loadNow());
        nextReconcileAt = clock.millis() + reconcileMillis;
    }

    /**
     * Runs the publish calls of one step to several publishers at once, off the loop thread.
     *
     * @param executor where the calls run
     */
    public void publishOn(Executor executor) {
        scheduler.callOn(executor);
    }

    /**
     * Runs later feed reads on an executor, off the loop thread.
     *
     * @param executor where feed reads run
     */
    public void readFeedsOn(Executor executor) {
        feeds.runOn(executor, inbox::wakeUp);
    }

    /**
     * The number of pools in the book.
     *
     * @return the count
     */
    public int poolCount() {
        return book.poolCount();
    }

    /**
     * Runs one iteration.
     *
     * @return whether any work was done
     */
    public boolean runIteration() {
        boolean worked = applyInbox();
        worked |= runReads();
        long now = clock.millis();
        worked |= runFeeds(now);
        refreshDatesIfNewDay();
        classifyDirtyPools();
        worked |= reconcileIfDue(now);
        worked |= scheduler.publishOnce();
        return worked;
    }

    /**
     * Runs iterations until the lifecycle leaves RUNNING, sleeping while idle until the next due time. A failing
     * iteration is logged and followed by a pause, so a repeating failure is not a hot loop.
     *
     * @param lifecycle tells when to stop; told when the loop ends
     * @param sleeper how to wait while idle
     */
    public void runUntilStopped(Lifecycle lifecycle, Sleeper sleeper) {
        try {
            while (lifecycle.isRunning()) {
                boolean worked;
                long pause = 0;
                try {
                    worked = runIteration();
                } catch (RuntimeException e) {
                    // Never die silently: log, pause so a repeating failure is not a hot loop, go on.
                    LOG.error("Sync loop step failed; continuing", e);
                    worked = false;
                    pause = minBackoffMillis;
                } catch (Error e) {
                    fail(lifecycle, e);
                    return;
                }
                if (!worked && lifecycle.isRunning()) {
                    long wait = Math.max(pause, nextDueMillis() - clock.millis());
                    if (wait > 0) {
                        sleeper.sleep(Duration.ofMillis(wait));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Sync loop interrupted; the engine stops and refuses further OMS calls");
        } finally {
            // However the loop ends, stop taking work nobody would apply.
            lifecycle.loopEnded();
        }
    }

    /**
     * Moves the engine to FAILED after an {@link Error}: logs it at ERROR and reports
     * {@link SyncEvent.EngineFailed}. Nothing is published afterwards; OMS calls are refused, and book reads still
     * queued fail with {@link IllegalStateException}.
     *
     * @param lifecycle the engine's lifecycle
     * @param error what was thrown
     */
    public void fail(Lifecycle lifecycle, Error error) {
        lifecycle.moveTo(Lifecycle.Phase.FAILED);
        // A read queued before the move would otherwise wait for stop() or close(); one queued after it is refused
        // by readBook itself, which checks the phase after queuing.
        inbox.drainReads().forEach(BookRead::abandon);
        try {
            LOG.error("Preorder sync failed; it publishes nothing more and refuses OMS calls", error);
            emit(new SyncEvent.EngineFailed(error.toString()));
        } catch (Throwable ignored) {
            // Reporting may fail the same way (e.g. out of memory); the state already says FAILED.
        }
    }

    /**
     * When the loop next has something to do without new input.
     *
     * @return clock millis; now when commands wait
     */
    public long nextDueMillis() {
        long now = clock.millis();
        if (!inbox.isEmpty()) {
            return now;
        }
        long next = Math.min(feeds.nextDueMillis(), scheduler.nextReadyAt());
        if (!scheduler.resyncRunning()) {
            next = Math.min(next, nextReconcileAt);
        }
        if (datesRefreshedFor == null) {
            return next;
        }
        long tomorrow = datesRefreshedFor.plusDays(1).atStartOfDay(policy.zone()).toInstant().toEpochMilli();
        return Math.min(next, tomorrow);
    }

    /**
     * The current counters. Thread-safe.
     *
     * @return a snapshot
     */
    public SyncMetrics metrics() {
        long oldest = scheduler.oldestDirty();
        long lag = oldest < 0 ? 0 : Math.max(0, clock.millis() - oldest);
        return new SyncMetrics(scheduler.published(), scheduler.retried(), scheduler.rejected(),
                scheduler.driftCorrected(), scheduler.pending(), lag, scheduler.resyncsCompleted(), feeds.failures());
    }

    /**
     * Every figure, per store and engine-wide. Thread-safe.
     *
     * @param state the engine's lifecycle state, as the facade names it
     * @return a snapshot
     */
    public EngineMetrics metricsSnapshot(String state) {
        long now = clock.millis();
        return new EngineMetrics(Instant.ofEpochMilli(now), state, inbox.depth(), feeds.polls(),
                feeds.failures(), new TreeSet<>(feeds.failingNow()).stream().toList(), scheduler.resyncsCompleted(),
                scheduler.storeMetrics(now));
    }

    /** Rebuilds the book from a snapshot and queues a full resync. */
    private void rebuild(FeedReader.Snapshot snapshot) {
        snapshot.rejected().forEach(this::emit);
        BatchReport report = book.rebuild(snapshot.lines(), snapshot.preOrders(), snapshot.stock());
        reportRejections(report);
        datesRefreshedFor = today();
        classifyDirtyPools();
        startResync();
    }

    private boolean applyInbox() {
        List<BookCommand> batch = inbox.drain();
        if (batch.isEmpty()) {
            return false;
        }
        if (feeds.reloadInFlight()) {
            appliedDuringReload.addAll(batch);
        }
        reportRejections(book.apply(batch));
        return true;
    }

    private boolean runReads() {
        List<BookRead<?>> reads = inbox.drainReads();
        for (BookRead<?> read : reads) {
            read.run(view);
        }
        return !reads.isEmpty();
    }

    /** Starts a feed read when due and applies every read that finished; never waits for a feed. */
    private boolean runFeeds(long now) {
        feeds.startIfDue(now);
        boolean worked = false;
        FeedRunner.Result result;
        while ((result = feeds.takeResult()) != null) {
            worked |= apply(result);
            if (feeds.reloadDue(now)) {
                // A refused checkpoint reloads at once, as before reads left the loop thread.
                feeds.startIfDue(now);
            }
        }
        return worked;
    }

    private boolean apply(FeedRunner.Result result) {
        if (result instanceof FeedRunner.Reloaded reloaded) {
            rebuild(reloaded.snapshot());
            if (!appliedDuringReload.isEmpty()) {
                // Pushed while the snapshot was read: the snapshot may predate them (upserts are idempotent).
                List<BookCommand> replay = List.copyOf(appliedDuringReload);
                appliedDuringReload.clear();
                reportRejections(book.apply(replay));
            }
            return true;
        }
        if (result instanceof FeedRunner.Polled polled) {
            FeedReader.Poll poll = polled.poll();
            if (poll.needsReload()) {
                return true;
            }
            poll.rejected().forEach(this::emit);
            if (!poll.commands().isEmpty()) {
                reportRejections(book.apply(poll.commands()));
            }
            return !poll.commands().isEmpty() || !poll.rejected().isEmpty();
        }
        appliedDuringReload.clear();
        return false;
    }

    private void refreshDatesIfNewDay() {
        LocalDate today = today();
        if (!today.equals(datesRefreshedFor)) {
            datesRefreshedFor = today;
            int changed = book.refreshDates();
            LOG.info("Dates refreshed for {}: {} pool(s) changed", today, changed);
        }
    }

    private boolean reconcileIfDue(long now) {
        if (now < nextReconcileAt || scheduler.resyncRunning()) {
            return false;
        }
        nextReconcileAt = now + reconcileMillis;
        return startResync();
    }

    private boolean startResync() {
        return scheduler.startResync(book.poolKeys(), key -> book.pool(key.sku(), key.facilityId()).orElse(null));
    }

    private void classifyDirtyPools() {
        if (dirtyPools.isEmpty()) {
            return;
        }
        List<PoolKey> keys = new ArrayList<>(dirtyPools);
        dirtyPools.clear();
        for (PoolKey key : keys) {
            scheduler.poolChanged(key, book.pool(key.sku(), key.facilityId()).orElse(null));
        }
    }

    private void reportRejections(BatchReport report) {
        for (BatchReport.Rejection r : report.rejected()) {
            LOG.warn("Input rejected: {}: {}", r.item(), r.reason());
            emit(new SyncEvent.InputRejected(r.item(), r.reason()));
        }
    }

    private void onBookEvent(BookEvent event) {
        if (event instanceof BookEvent.PoolChanged changed) {
            dirtyPools.add(changed.pool());
        }
        try {
            bookListener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("Book listener failed on {}", event, e);
        }
    }

    private void emit(SyncEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("Sync listener failed on {}", event, e);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), policy.zone());
    }
}
