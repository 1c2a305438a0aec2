package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.BookListener;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.BookView;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.core.engine.internal.CommandInbox;
import co.hotwax.preorder.core.engine.internal.EngineConfig;
import co.hotwax.preorder.core.engine.internal.Lifecycle;
import co.hotwax.preorder.core.engine.internal.ListenerSet;
import co.hotwax.preorder.core.engine.internal.StoreQuotas;
import co.hotwax.preorder.core.engine.internal.BookRead;
import co.hotwax.preorder.core.engine.internal.SyncLoop;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.Quantities;
import co.hotwax.preorder.spi.Sleeper;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;
import co.hotwax.preorder.spi.SupplyLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The entry point of Preorder Sync: keeps every configured sales channel's sellable pre-order inventory equal to
 * the pre-orderable quantity P computed by a {@link PreorderBook} from the supply and pre-order feeds.
 *
 * <h2>How it works</h2>
 * {@link #start()} takes a snapshot of every feed, rebuilds the book and queues every pool for a full resync, then
 * runs the sync loop on the executor. Each loop iteration ({@link #step()}) applies the changes the OMS pushed
 * ({@link #preOrderTaken}, {@link #stockChanged}, ...), applies the feed reads that finished and starts the next
 * when due, starts a reconciliation when due, and publishes at most one batch per publisher. Every change of a pool marks it dirty; the state published is
 * computed at publish time, so many changes of one SKU become one write of its latest state. Decreases and
 * delistings go in an urgent lane ahead of increases, which go ahead of reconciliation.
 *
 * <h2>Crash safety</h2>
 * The engine keeps no local state file: checkpoints and what was published live in memory only. A restart (after
 * a crash at any instant, or a clean stop) takes fresh snapshots, rebuilds the book and resyncs every pool. That is
 * safe because the publisher never writes blindly: each write is a compare-and-set against the channel's current
 * value with an idempotency key, and a state that already matches writes nothing. So a write that was applied just
 * before a crash is not applied twice: after the restart the publisher sees the channel already right (or finds
 * the new value and writes the difference once).
 *
 * <h2>Several stores</h2>
 * Publishers sharing one pool get shares of P by weight: {@code floor(P * w / W)}, the leftover units one by one to
 * the stores in builder order, so the shares never add up to more than P. Each store's desired state carries its
 * own channel's open pre-orders ({@link co.hotwax.preorder.spi.DesiredState#openOrders()}). A store may have a
 * fixed {@link Quota} instead ({@link Builder#publisher(InventoryPublisher, Quota)}, {@link Builder#defaultQuota}):
 * it is given its quota first and the stores without one share the rest by weight.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>The OMS methods ({@link #preOrderTaken}, {@link #preOrderCancelled}, {@link #preOrderReleased},
 *   {@link #stockChanged}, {@link #supplyChanged}), {@link #metrics()}, {@link #metricsSnapshot()},
 *   {@link #health()} and {@link #readBook} are thread-safe, callable from any thread and never block: they
 *   validate the value and queue a command (or a read) for the loop, or read published figures.</li>
 *   <li>One loop thread owns the book and calls the publishers (one call at a time per publisher; with several,
 *   the calls of one step to different publishers run at once on {@link Builder#publishExecutor}). Listener
 *   callbacks ({@link SyncListener}, {@link BookListener}) run on that thread and must not block; a listener that
 *   does I/O goes behind an {@link AsyncSyncListener} or {@link AsyncBookListener}.</li>
 *   <li>Feed reads (polls, and reloads after an expired checkpoint) run on a separate feed thread
 *   ({@link Builder#feedExecutor(Executor)}), one at a time; the loop applies their results. A slow, blocked or
 *   failing feed never delays publishing: a failure is reported as {@link SyncEvent.FeedFailed}, counted in
 *   {@link SyncMetrics#feedFailures()}, and read again after a back-off while the book keeps its last good
 *   state.</li>
 *   <li>{@link #start()}, {@link #stop(Duration)} and {@link #close()} may be called from any thread (not from a
 *   listener callback). During {@code start()} the snapshot is loaded on the calling thread, so the
 *   {@link BookListener} sees the rebuild's events there.</li>
 *   <li>Manual mode ({@link #startManual()}, {@link #step()}, {@link #runUntilIdle(int)}) runs the loop, and the
 *   feed reads, on the caller's thread: call those from one thread only; with a virtual {@link Clock} a whole
 *   run replays from one seed.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class PreorderSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PreorderSync.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final List<InventoryPublisher> publishers;
    private final BookPolicy policy;
    private final Executor executor;
    private final Executor feedExecutor;
    private final Sleeper sleeper;
    private final CommandInbox inbox = new CommandInbox();
    private final Lifecycle lifecycle = new Lifecycle();
    private final SyncLoop loop;
    /** The feed thread this engine created (none when the builder was given a feed executor). */
    private volatile ExecutorService ownFeedThread;
    private final Executor publishExecutor;
    /** The threads for concurrent publish calls this engine created (several publishers, none given). */
    private volatile ExecutorService ownPublishThreads;

    /**
     * Where the engine is in its life, from {@link #state()}.
     */
    public enum State {
        /** Built, not started. */
        NEW,
        /** Started (with a loop thread, or in manual mode): OMS calls are taken. */
        RUNNING,
        /** {@link #stop(Duration)} was called; the loop finishes its batch in flight. OMS calls are refused. */
        STOPPING,
        /** Stopped, or a start failed with an exception. OMS calls are refused. */
        STOPPED,
        /**
         * An {@link Error} ended the loop or the start (logged at ERROR, reported as
         * {@link SyncEvent.EngineFailed}). Nothing is published; OMS calls are refused; {@link #close()} is clean.
         */
        FAILED
    }

    private final HealthThresholds healthThresholds;

    private PreorderSync(EngineConfig config, Executor executor, Executor feedExecutor, Executor publishExecutor,
                         Sleeper sleeper, HealthThresholds healthThresholds) {
        this.publishers = config.publishers();
        this.policy = config.policy();
        this.feedExecutor = feedExecutor;
        this.publishExecutor = publishExecutor;
        this.executor = executor != null ? executor : PreorderSync::startDaemon;
        this.sleeper = sleeper != null ? sleeper : inbox::awaitWork;
        this.loop = new SyncLoop(config, inbox);
        this.healthThresholds = healthThresholds;
    }

    /**
     * Starts configuring an engine.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ----------------------------------------------------------------------------------------------- lifecycle

    /**
     * Loads every feed, rebuilds the book, queues a full resync and runs the sync loop on the executor.
     *
     * @throws IllegalStateException when already started or stopped
     * @throws StoreSetupException when a store's setup check finds a blocking problem (see
     *         {@link Builder#continueOnSetupProblems}); the engine is then not started
     * @throws RuntimeException whatever a feed's snapshot throws; the engine is then not started
     */
    public void start() {
        load(Lifecycle.Phase.RUNNING);
        try {
            loop.readFeedsOn(feedExecutor != null ? feedExecutor : startFeedThread());
            if (publishers.size() > 1) {
                loop.publishOn(publishExecutor != null ? publishExecutor : startPublishThreads());
            }
            executor.execute(() -> loop.runUntilStopped(lifecycle, sleeper));
        } catch (RuntimeException e) {
            lifecycle.moveTo(Lifecycle.Phase.STOPPED);
            stopOwnThreads();
            throw e;
        } catch (Error e) {
            loop.fail(lifecycle, e);
            stopOwnThreads();
            throw e;
        }
        LOG.info("Preorder sync started: {} pools, {} publisher(s)", loop.poolCount(), publishers.size());
    }

    /**
     * Loads every feed, rebuilds the book and queues a full resync, without a loop thread: the caller drives the
     * engine with {@link #step()} or {@link #runUntilIdle(int)}.
     *
     * @throws IllegalStateException when already started or stopped
     * @throws StoreSetupException when a store's setup check finds a blocking problem (see
     *         {@link Builder#continueOnSetupProblems})
     */
    public void startManual() {
        load(Lifecycle.Phase.MANUAL);
        LOG.info("Preorder sync started in manual mode: {} pools", loop.poolCount());
    }

    /**
     * Stops taking new work, lets the loop finish the batch in flight, and returns. OMS calls made afterwards are
     * refused with {@link IllegalStateException}; commands queued but not yet applied are dropped (the feeds bring
     * them back at the next start). Do not call it from a listener callback: the loop would wait for itself.
     *
     * @param grace how long to wait for the loop to finish its batch
     * @return true when the loop has finished (or never ran); false when the grace period ran out first
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean stop(Duration grace) throws InterruptedException {
        Objects.requireNonNull(grace, "grace");
        Lifecycle.Phase before = lifecycle.requestStop();
        if (before != Lifecycle.Phase.RUNNING && before != Lifecycle.Phase.STOPPING) {
            stopOwnThreads();
            failPendingReads();
            return true;
        }
        inbox.wakeUp();
        boolean done = lifecycle.awaitLoopEnd(grace);
        lifecycle.moveTo(Lifecycle.Phase.STOPPED);
        stopOwnThreads();
        failPendingReads();
        LOG.info("Preorder sync stopped{}", done ? "" : " (the loop did not finish within " + grace + ")");
        return done;
    }

    /**
     * Where the engine is in its life. Thread-safe. Manual mode counts as {@link State#RUNNING}.
     *
     * @return the state now
     */
    public State state() {
        Lifecycle.Phase phase = lifecycle.phase();
        return switch (phase) {
            case NEW -> State.NEW;
            case MANUAL, RUNNING -> State.RUNNING;
            case STOPPING -> State.STOPPING;
            case STOPPED -> State.STOPPED;
            case FAILED -> State.FAILED;
        };
    }

    /**
     * Stops (waiting up to 30 seconds for the batch in flight) and closes every publisher. Clean in every state,
     * also after the engine failed.
     */
    @Override
    public void close() {
        try {
            stop(CLOSE_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (InventoryPublisher publisher : publishers) {
            try {
                publisher.close();
            } catch (Exception e) {
                LOG.warn("Closing publisher {} failed", publisher.channelId(), e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ OMS calls

    /**
     * A pre-order was taken (on any channel). Thread-safe, non-blocking.
     *
     * @param preOrder the new pre-order, status {@link PreOrderStatus#OPEN}
     * @throws InvalidInputException when the value is missing, not open, or lacks the facility per-facility mode
     *         needs
     * @throws IllegalStateException when the engine is stopped
     */
    public void preOrderTaken(PreOrder preOrder) {
        if (preOrder == null) {
            throw new InvalidInputException("pre-order", "is missing");
        }
        if (preOrder.status() != PreOrderStatus.OPEN) {
            throw new InvalidInputException("pre-order " + preOrder.key(),
                    "a newly taken pre-order must be OPEN, was " + preOrder.status());
        }
        if (policy.perFacility() && preOrder.facilityId() == null) {
            throw new InvalidInputException("pre-order " + preOrder.key(),
                    "facilityId is required in per-facility mode");
        }
        enqueue(new BookCommand.UpsertPreOrder(preOrder));
    }

    /**
     * A pre-order was cancelled. Thread-safe, non-blocking. An unknown pre-order is reported to the listener as
     * {@link SyncEvent.InputRejected}.
     *
     * @param orderId the sales order
     * @param lineId the line
     * @throws InvalidInputException when an id is missing
     * @throws IllegalStateException when the engine is stopped
     */
    public void preOrderCancelled(String orderId, String lineId) {
        requireIds(orderId, lineId);
        enqueue(new BookCommand.CancelPreOrder(orderId, lineId));
    }

    /**
     * A pre-order was released to fulfilment. Call it BEFORE moving the order's fulfilment out of the pre-order
     * location in Shopify, so Shopify's available quantity never briefly grows. Thread-safe, non-blocking. An
     * unknown pre-order is reported to the listener as {@link SyncEvent.InputRejected}.
     *
     * @param orderId the sales order
     * @param lineId the line
     * @throws InvalidInputException when an id is missing
     * @throws IllegalStateException when the engine is stopped
     */
    public void preOrderReleased(String orderId, String lineId) {
        requireIds(orderId, lineId);
        enqueue(new BookCommand.ReleasePreOrder(orderId, lineId));
    }

    /**
     * Physical online ATP changed. Thread-safe, non-blocking.
     *
     * @param level the new level
     * @throws InvalidInputException when the value is missing
     * @throws IllegalStateException when the engine is stopped
     */
    public void stockChanged(StockLevel level) {
        if (level == null) {
            throw new InvalidInputException("stock level", "is missing");
        }
        enqueue(new BookCommand.SetStock(level));
    }

    /**
     * A supply line changed (pushed in addition to the supply feed). Thread-safe, non-blocking. When the feed
     * carries the same line, a feed page older than this push may briefly restore the older state until the feed
     * delivers this change too; push and feed converge on the feed's latest state.
     *
     * @param line the line's new state
     * @throws InvalidInputException when the value is missing
     * @throws IllegalStateException when the engine is stopped
     */
    public void supplyChanged(SupplyLine line) {
        if (line == null) {
            throw new InvalidInputException("supply line", "is missing");
        }
        enqueue(new BookCommand.UpsertSupplyLine(line));
    }

    // --------------------------------------------------------------------------------------------- manual mode

    /**
     * Runs one loop iteration on the caller's thread: applies queued OMS commands, polls the feeds if due,
     * starts a reconciliation if due, and publishes at most one batch per publisher from the most urgent lane.
     *
     * @return whether any work was done
     * @throws IllegalStateException unless started with {@link #startManual()}
     */
    public boolean step() {
        Lifecycle.Phase phase = lifecycle.phase();
        if (phase != Lifecycle.Phase.MANUAL) {
            throw new IllegalStateException("step() is only for manual mode (startManual()), state is " + phase);
        }
        try {
            return loop.runIteration();
        } catch (Error e) {
            loop.fail(lifecycle, e);
            throw e;
        }
    }

    /**
     * Calls {@link #step()} until it does nothing or {@code maxSteps} were run.
     *
     * @param maxSteps the most steps, at least 1
     * @throws IllegalStateException unless started with {@link #startManual()}
     */
    public void runUntilIdle(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        for (int i = 0; i < maxSteps && step(); i++) {
            // each step does its own work
        }
    }

    /**
     * When the engine next has something to do without new input: a feed poll, a reconciliation, the end of a
     * retry backoff, or now when work is queued. Lets a simulation advance a virtual clock straight to it.
     *
     * @return the instant, by the engine's clock
     */
    public Instant nextDue() {
        return Instant.ofEpochMilli(loop.nextDueMillis());
    }

    // ------------------------------------------------------------------------------------------- observability

    /**
     * The current counters. Thread-safe.
     *
     * @return a snapshot
     */
    public SyncMetrics metrics() {
        return loop.metrics();
    }

    /**
     * Every figure, per store (published, retried and rejected by reason, lag, pending per lane, last publish,
     * the channel's requests, throttling, cost points and bucket level) and engine-wide (state, command-queue
     * depth, feed polls and failures, resyncs). Thread-safe, cheap (no lock on the loop): meant to be scraped.
     *
     * @return a snapshot
     */
    public EngineMetrics metricsSnapshot() {
        return loop.metricsSnapshot(stateName());
    }

    /**
     * Healthy, degraded with reasons (store unreachable, scope missing, feed failing, lag above the threshold), or
     * down, from {@link #metricsSnapshot()} and the builder's {@link Builder#healthThresholds}. Thread-safe.
     *
     * @return the summary
     */
    public SyncHealth health() {
        return SyncHealth.of(metricsSnapshot(), healthThresholds);
    }

    /**
     * Reads the book on the loop thread, between two iterations, so the read sees one consistent state: the one
     * every event delivered so far describes. The way to re-derive what events said (every pre-order's allocation
     * and promise date, every pool's P and listing) after events were missed or dropped: page through
     * {@link BookView#poolKeys()} and read {@link BookView#preOrders} for a page of pools per call. Thread-safe;
     * never call {@code join()} on the result from a listener callback (the loop would wait for itself).
     *
     * <p>The read runs at the loop's next iteration (in manual mode: the next {@link #step()}); keep it short, the
     * loop publishes nothing meanwhile. A read queued before {@link #start()} runs once the engine runs.
     *
     * @param read what to read; it must not keep the view
     * @param <T> what the read returns
     * @return the read's result; completed exceptionally with the read's exception, or with
     *         {@link IllegalStateException} when the engine stops or fails before running it
     */
    public <T> CompletableFuture<T> readBook(Function<BookView, T> read) {
        BookRead<T> pending = new BookRead<>(Objects.requireNonNull(read, "read"));
        inbox.offerRead(pending);
        if (!lifecycle.acceptsWork()) {
            // Stopped before or while queuing: nobody would run it.
            failPendingReads();
        }
        return pending.result();
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** The state named in metrics and health: {@link #state()}'s name, so FAILED reads as down. */
    private String stateName() {
        return state().name();
    }

    /** Reads nobody will run: the loop has stopped. */
    private void failPendingReads() {
        inbox.drainReads().forEach(BookRead::abandon);
    }

    private void load(Lifecycle.Phase started) {
        lifecycle.start(started);
        try {
            loop.load();
        } catch (RuntimeException e) {
            lifecycle.moveTo(Lifecycle.Phase.STOPPED);
            throw e;
        } catch (Error e) {
            // Never left RUNNING without a loop: OMS calls would be taken and never applied.
            loop.fail(lifecycle, e);
            throw e;
        }
    }

    private void enqueue(BookCommand command) {
        if (!lifecycle.acceptsWork()) {
            throw new IllegalStateException(lifecycle.refusal() + "; " + command + " was not taken");
        }
        inbox.offer(command);
    }

    private Executor startFeedThread() {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "preorder-sync-feeds");
            t.setDaemon(true);
            return t;
        });
        ownFeedThread = thread;
        return thread;
    }

    private void stopOwnThreads() {
        ExecutorService thread = ownFeedThread;
        if (thread != null) {
            // A feed call blocked in I/O is interrupted; its result, if any, is never applied.
            thread.shutdownNow();
        }
        ExecutorService publishing = ownPublishThreads;
        if (publishing != null) {
            // A publish call in flight ends on its own (the loop has ended or given up waiting for it).
            publishing.shutdown();
        }
    }

    private Executor startPublishThreads() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "preorder-sync-publish-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ownPublishThreads = threads;
        return threads;
    }

    private static void requireIds(String orderId, String lineId) {
        String item = "pre-order " + orderId + "/" + lineId;
        Quantities.requireId(item, "orderId", orderId);
        Quantities.requireId(item, "lineId", lineId);
    }

    private static void startDaemon(Runnable loop) {
        Thread thread = new Thread(loop, "preorder-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Configures a {@link PreorderSync}; {@link #build()} validates everything. Not thread-safe.
     */
    public static final class Builder {
        private final List<PurchaseOrderSource> supply = new ArrayList<>();
        private PreOrderSource preOrders;
        private StockSource stock;
        private final List<InventoryPublisher> publishers = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        /** Per publisher its own quota, or null. */
        private final List<Quota> quotas = new ArrayList<>();
        private Quota defaultQuota;
        private BookPolicy policy = BookPolicy.defaults();
        private boolean publishPhysicalStock;
        private final List<SyncListener> listeners = new ArrayList<>();
        private final List<BookListener> bookListeners = new ArrayList<>();
        private HealthThresholds healthThresholds = HealthThresholds.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper;
        private RandomGenerator random;
        private Executor executor;
        private Executor feedExecutor;
        private Executor publishExecutor;
        private Duration pollInterval = Duration.ofSeconds(5);
        private Duration reconcileInterval = Duration.ofHours(1);
        private Integer batchSize;
        private Duration backoffMin = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofMinutes(1);
        private boolean continueOnSetupProblems;

        private Builder() {
        }

        /**
         * Adds supply sources (at least one in all). Several are merged; their line ids must be unique across
         * them: a line whose id another source already uses is reported and ignored.
         *
         * @param sources the sources
         * @return this builder
         */
        public Builder supply(PurchaseOrderSource... sources) {
            for (PurchaseOrderSource source : Objects.requireNonNull(sources, "sources")) {
                supply.add(Objects.requireNonNull(source, "supply source"));
            }
            return this;
        }

        /**
         * The pre-order feed, read at start and polled; optional (the OMS may push every change instead).
         *
         * @param source the source
         * @return this builder
         */
        public Builder preOrders(PreOrderSource source) {
            this.preOrders = Objects.requireNonNull(source, "preOrders");
            return this;
        }

        /**
         * The physical stock feed; optional.
         *
         * @param source the source
         * @return this builder
         */
        public Builder stock(StockSource source) {
            this.stock = Objects.requireNonNull(source, "stock");
            return this;
        }

        /**
         * Adds a publisher (a sales channel) with weight 1.
         *
         * @param publisher the publisher
         * @return this builder
         */
        public Builder publisher(InventoryPublisher publisher) {
            return publisher(publisher, 1);
        }

        /**
         * Adds a publisher with a weight: publishers share each pool's P by weight.
         *
         * @param publisher the publisher
         * @param weight its weight, at least 1
         * @return this builder
         */
        public Builder publisher(InventoryPublisher publisher, int weight) {
            publishers.add(Objects.requireNonNull(publisher, "publisher"));
            weights.add(weight);
            quotas.add(null);
            return this;
        }

        /**
         * Adds a publisher with a fixed quota of every shared pool instead of a share by weight: it is given its
         * quota first, the publishers without one share the rest (see {@link Quota}).
         *
         * @param publisher the publisher
         * @param quota its quota
         * @return this builder
         */
        public Builder publisher(InventoryPublisher publisher, Quota quota) {
            publishers.add(Objects.requireNonNull(publisher, "publisher"));
            weights.add(1);
            quotas.add(Objects.requireNonNull(quota, () -> "the quota of publisher " + publisher.channelId()));
            return this;
        }

        /**
         * The quota of every publisher added without its own ({@link #publisher(InventoryPublisher, Quota)}); with
         * it set, no publisher shares by weight.
         *
         * @param quota the quota, or null for none (the default: publishers share by weight)
         * @return this builder
         */
        public Builder defaultQuota(Quota quota) {
            this.defaultQuota = quota;
            return this;
        }

        /**
         * The domain policy (buffers, promise buffer days, stale ETA, per-facility pools).
         *
         * @param policy the policy; default {@link BookPolicy#defaults()}
         * @return this builder
         */
        public Builder policy(BookPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Shared-location mode: publish physical online ATP plus the P share. Default false: a dedicated pre-order
         * location showing only the P share.
         *
         * @param publish whether to add physical ATP
         * @return this builder
         */
        public Builder publishPhysicalStock(boolean publish) {
            this.publishPhysicalStock = publish;
            return this;
        }

        /**
         * Adds a receiver of sync events. Several may be added: each gets every event, in the order added; one
         * that throws is logged and the others still get the event. Callbacks run on the loop thread: wrap a
         * listener that does I/O in an {@link AsyncSyncListener}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SyncListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a receiver of the book's domain events (P changed, listed, promise dates, coverage). Several may be
         * added, as with {@link #listener}; wrap one that writes to a database in an {@link AsyncBookListener}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder bookListener(BookListener listener) {
            bookListeners.add(Objects.requireNonNull(listener, "bookListener"));
            return this;
        }

        /**
         * When {@link PreorderSync#health()} calls the engine degraded.
         *
         * @param thresholds the thresholds; default {@link HealthThresholds#DEFAULTS}
         * @return this builder
         */
        public Builder healthThresholds(HealthThresholds thresholds) {
            this.healthThresholds = Objects.requireNonNull(thresholds, "healthThresholds");
            return this;
        }

        /**
         * The clock for due times, backoff, lag and today's date.
         *
         * @param clock the clock; default system UTC
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the loop waits when idle.
         *
         * @param sleeper the sleeper; default waits on the clock's real time and wakes early on new work
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The randomness for retry jitter.
         *
         * @param random the generator; default a new {@link SplittableRandom}
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Runs the loop in {@link #start()}.
         *
         * @param executor the executor; default a new daemon thread named {@code preorder-sync}
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Runs the feed reads (polls and reloads) in {@link #start()}, off the loop thread, so a slow or failing
         * feed never delays publishing. One read runs at a time. Manual mode reads on the caller's thread.
         *
         * @param executor the executor; default a daemon thread named {@code preorder-sync-feeds}, ended by
         *                 {@link #stop(Duration)}
         * @return this builder
         */
        public Builder feedExecutor(Executor executor) {
            this.feedExecutor = Objects.requireNonNull(executor, "feedExecutor");
            return this;
        }

        /**
         * With several publishers, runs the publish calls of one loop step to the different publishers at once, so
         * a step takes about one call's time however many stores there are (each publisher still gets one call at
         * a time). Manual mode calls them one after the other on the caller's thread.
         *
         * @param executor the executor; default daemon threads named {@code preorder-sync-publish-<n>}, ended by
         *                 {@link #stop(Duration)}
         * @return this builder
         */
        public Builder publishExecutor(Executor executor) {
            this.publishExecutor = Objects.requireNonNull(executor, "publishExecutor");
            return this;
        }

        /**
         * How often the feeds are polled.
         *
         * @param interval positive; default 5 seconds
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /**
         * How often a full resync reconciles every pool with every channel.
         *
         * @param interval positive; default 1 hour
         * @return this builder
         */
        public Builder reconcileInterval(Duration interval) {
            this.reconcileInterval = interval;
            return this;
        }

        /**
         * The most states per publish call (and items per feed page).
         *
         * @param size 1..the smallest {@link InventoryPublisher#maxBatchSize()}; default that smallest size
         * @return this builder
         */
        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /**
         * The retry backoff: exponential from {@code min} to {@code max}, with jitter.
         *
         * @param min the first wait, positive; default 500 ms
         * @param max the longest wait, at least min; default 1 minute
         * @return this builder
         */
        public Builder retryBackoff(Duration min, Duration max) {
            this.backoffMin = min;
            this.backoffMax = max;
            return this;
        }

        /**
         * What a blocking problem of a store's setup does at start ({@link InventoryPublisher#checkSetup()}, e.g.
         * a Shopify token without {@code write_inventory}, or a pre-order location that does not fulfil online
         * orders). Default false: {@link PreorderSync#start()} throws {@link StoreSetupException} naming the store and the fix.
         * True: the engine starts, reports each problem as a {@link SyncEvent.SetupProblem} and publishes; the
         * publisher still refuses what its setup makes unsafe (the Shopify adapter rejects every item as one
         * channel problem until the store is fixed), so the other stores run while one is being fixed.
         *
         * @param continueOn whether to start despite a blocking setup problem
         * @return this builder
         */
        public Builder continueOnSetupProblems(boolean continueOn) {
            this.continueOnSetupProblems = continueOn;
            return this;
        }

        /**
         * Validates the configuration and builds the engine (not started).
         *
         * @return the engine
         * @throws IllegalArgumentException naming the setting that is missing or out of range
         * @throws co.hotwax.preorder.spi.IncompatibleSpiException when a source or publisher was built for another
         *         SPI version
         */
        public PreorderSync build() {
            if (supply.isEmpty()) {
                throw new IllegalArgumentException("at least one supply source is required (supply(...))");
            }
            if (publishers.isEmpty()) {
                throw new IllegalArgumentException("at least one publisher is required (publisher(...))");
            }
            for (PurchaseOrderSource source : supply) {
                SpiVersion.requireCompatible(source, source.spiVersion());
            }
            if (preOrders != null) {
                SpiVersion.requireCompatible(preOrders, preOrders.spiVersion());
            }
            if (stock != null) {
                SpiVersion.requireCompatible(stock, stock.spiVersion());
            }
            int effectiveBatchSize = requireBatchSize(requirePublishers());
            requireIntervals();
            // Derived values stay local: build() never changes the builder, so it can be built again.
            RandomGenerator jitter = random != null ? random : new SplittableRandom();
            List<Quota> effectiveQuotas = StoreQuotas.resolve(publishers, weights, quotas, defaultQuota);
            EngineConfig config = new EngineConfig(supply, preOrders, stock, publishers, weights, effectiveQuotas, policy,
                    publishPhysicalStock, ListenerSet.sync(listeners), ListenerSet.book(bookListeners), clock, jitter, pollInterval, reconcileInterval,
                    backoffMin, backoffMax, effectiveBatchSize, continueOnSetupProblems);
            return new PreorderSync(config, executor, feedExecutor, publishExecutor, sleeper, healthThresholds);
        }

        /** Checks every publisher and returns the smallest batch size they all accept. */
        private int requirePublishers() {
            Set<String> channels = new HashSet<>();
            int maxBatch = Integer.MAX_VALUE;
            for (int i = 0; i < publishers.size(); i++) {
                InventoryPublisher publisher = publishers.get(i);
                SpiVersion.requireCompatible(publisher, publisher.spiVersion());
                String channel = publisher.channelId();
                if (channel == null || channel.isBlank()) {
                    throw new IllegalArgumentException("publisher #" + (i + 1) + " has no channel id");
                }
                if (!channels.add(channel)) {
                    throw new IllegalArgumentException("two publishers have channel id " + channel
                            + "; each channel may be published once");
                }
                if (weights.get(i) < 1) {
                    throw new IllegalArgumentException("publisher " + channel + " has weight " + weights.get(i)
                            + "; weights must be at least 1");
                }
                maxBatch = Math.min(maxBatch, publisher.maxBatchSize());
            }
            if (maxBatch < 1) {
                throw new IllegalArgumentException("a publisher declares maxBatchSize " + maxBatch);
            }
            return maxBatch;
        }

        private int requireBatchSize(int maxBatch) {
            if (batchSize == null) {
                return maxBatch;
            }
            if (batchSize < 1 || batchSize > maxBatch) {
                throw new IllegalArgumentException("batchSize must be 1.." + maxBatch
                        + " (the smallest publisher maxBatchSize), was " + batchSize);
            }
            return batchSize;
        }

        private void requireIntervals() {
            requirePositive("pollInterval", pollInterval);
            requirePositive("reconcileInterval", reconcileInterval);
            requirePositive("retryBackoff min", backoffMin);
            requirePositive("retryBackoff max", backoffMax);
            if (backoffMax.compareTo(backoffMin) < 0) {
                throw new IllegalArgumentException("retryBackoff max " + backoffMax + " is below min " + backoffMin);
            }
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
            }
        }
    }
}
