package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.engine.StoreMetrics;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decides what each publisher writes next: per publisher and pool it remembers the last state applied, coalesces
 * changes into the latest desired state, queues the pool in a {@link Lane}, publishes batches, and handles the
 * outcomes (backoff on retry, or the publisher's own retry-after, no retry after a rejection, drift counting,
 * resync progress).
 *
 * <p>Owned by the loop thread: every method except the metric getters must be called from that one thread.
 */
public final class PublishScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(PublishScheduler.class);

    private final PublisherQueue[] stores;
    private final DesiredStates desiredStates;
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<SyncEvent> events;
    private final ChannelProblems channelProblems = new ChannelProblems();
    private final int batchSize;
    private final LagTracker lag = new LagTracker();
    private final ResyncProgress resync;
    private final DecreasesFirst decreasesFirst = new DecreasesFirst();
    /** Pools a store confirmed a write of in this round: with several stores, computed again for all. */
    private final Set<PoolKey> confirmed = new LinkedHashSet<>();

    private volatile long pending;
    private volatile long oldestDirty = -1;
    /** Where the calls of one step to several publishers run at once; null: one after the other on the loop. */
    private Executor calls;

    /**
     * Creates a scheduler.
     *
     * @param publishers the publishers, in builder order
     * @param desiredStates maps pool states to each publisher's desired state
     * @param backoff the retry backoff
     * @param clock the engine's clock
     * @param events where events go (must not throw)
     * @param batchSize the most states per publish call
     */
    public PublishScheduler(List<InventoryPublisher> publishers, DesiredStates desiredStates, Backoff backoff,
                            Clock clock, Consumer<SyncEvent> events, int batchSize) {
        this.stores = new PublisherQueue[publishers.size()];
        for (int i = 0; i < stores.length; i++) {
            stores[i] = new PublisherQueue(publishers.get(i), i, publishers.size() > 1 ? decreasesFirst : null);
        }
        this.desiredStates = desiredStates;
        this.backoff = backoff;
        this.clock = clock;
        this.events = events;
        this.batchSize = batchSize;
        this.resync = new ResyncProgress(events);
    }

    /**
     * A pool changed in the book: recompute every publisher's desired state and queue it in the right lane, or
     * take it off the queues when the channel already shows it.
     *
     * @param key the pool
     * @param state its state now, or null when the book no longer has it
     */
    public void poolChanged(PoolKey key, PoolState state) {
        eachDesired(key, state, (store, slot, desired) -> {
            DesiredState reference = slot.published != null ? slot.published : slot.desired;
            slot.desired = desired;
            boolean changed = !desired.equals(slot.published);
            if (changed && !desired.equals(slot.rejected)) {
                markDirty(slot);
                store.enqueue(slot, laneFor(reference, desired));
            } else {
                clearDirty(slot);
                if (slot.resync) {
                    store.enqueue(slot, Lane.RESYNC);
                } else {
                    store.dequeue(slot);
                }
            }
        });
        if (resync.allChecked()) {
            resync.report();
        }
        updateGauges();
    }

    /**
     * Starts a full resync: every pool goes to every publisher again, in the resync lane unless it already waits
     * in a more urgent one.
     *
     * @param keys every pool of the book
     * @param states the book's current state of a pool (null when absent)
     * @return false when a resync is already running (nothing is started)
     */
    public boolean startResync(Iterable<PoolKey> keys, Function<PoolKey, PoolState> states) {
        if (!resync.begin()) {
            return false;
        }
        for (PoolKey key : keys) {
            eachDesired(key, states.apply(key), (store, slot, desired) -> {
                slot.desired = desired;
                slot.resync = true;
                resync.include();
                if (slot.lane == null) {
                    store.enqueue(slot, Lane.RESYNC);
                }
            });
        }
        LOG.info("Full resync started: {} pool states across {} publisher(s)", resync.total(), stores.length);
        if (resync.total() == 0) {
            resync.finish();
        }
        updateGauges();
        return true;
    }

    /**
     * Whether a full resync is in progress.
     *
     * @return true until every pool of the running resync was checked
     */
    public boolean resyncRunning() {
        return resync.running();
    }

    /**
     * Publishes at most one batch per publisher, from the most urgent lane that has work ready in any publisher:
     * all urgent work of all publishers goes before any normal work. With a single publisher, an urgent batch with
     * room left is topped up with ready normal work, after the urgent items. With several, once every publisher's
     * urgent batch is out, each publisher's ready normal work follows in the same step (increases of pools no store
     * still has a decrease of queued, {@link DecreasesFirst}).
     *
     * @return whether anything was published
     */
    public boolean publishOnce() {
        long now = clock.millis();
        Lane lane = null;
        for (Lane candidate : Lane.values()) {
            for (PublisherQueue store : stores) {
                if (store.hasReady(candidate, now)) {
                    lane = candidate;
                    break;
                }
            }
            if (lane != null) {
                break;
            }
        }
        if (lane == null) {
            return false;
        }
        List<List<Slot>> batches = new ArrayList<>(stores.length);
        for (PublisherQueue store : stores) {
            List<Slot> batch = store.ready(lane, now, batchSize);
            if (lane == Lane.URGENT && stores.length == 1 && batch.size() < batchSize) {
                // Top up with increases: they ride along after every urgent item, so a steady trickle of orders
                // (each one urgent) cannot starve them, and the urgent items wait for nothing extra but a few
                // more entries in a call that is made anyway. Only with one publisher: with several, shares shift
                // between stores and one store's increase must wait until another's decrease is out. Resync
                // items are left out: they would make the call read every SKU it carries.
                batch = new ArrayList<>(batch);
                batch.addAll(store.ready(Lane.NORMAL, now, batchSize - batch.size()));
            }
            batches.add(batch);
        }
        publishAll(batches, now);
        recomputeConfirmed();
        if (lane == Lane.URGENT && stores.length > 1) {
            // Every store's decreases of this step are out: now the increases, so a steady stream of sales (each
            // one a decrease somewhere) cannot starve them (measured: RebalanceLatencyHarness). An increase of a
            // pool whose decrease in another store is still queued or unconfirmed stays held (ready() leaves it).
            long later = clock.millis();
            List<List<Slot>> increases = new ArrayList<>(stores.length);
            for (PublisherQueue store : stores) {
                increases.add(store.ready(Lane.NORMAL, later, batchSize));
            }
            publishAll(increases, later);
            recomputeConfirmed();
        }
        updateGauges();
        return true;
    }

    /**
     * The earliest time a queued state becomes ready after a retry backoff.
     *
     * @return clock millis, or {@link Long#MAX_VALUE} when nothing waits
     */
    public long nextReadyAt() {
        long next = Long.MAX_VALUE;
        for (PublisherQueue store : stores) {
            next = Math.min(next, store.earliestNotBefore());
        }
        return next;
    }

    /**
     * The last state a publisher applied for a pool, as far as this engine run knows.
     *
     * @param store the publisher's index in builder order
     * @param key the pool
     * @return the state, or null when not published since start
     */
    public DesiredState lastPublished(int store, PoolKey key) {
        Slot slot = stores[store].existingSlot(key);
        return slot == null ? null : slot.published;
    }

    /**
     * States applied so far.
     *
     * @return the counter
     */
    public long published() {
        long sum = 0;
        for (PublisherQueue store : stores) {
            sum += store.counters.published.get();
        }
        return sum;
    }

    /**
     * Retry outcomes so far.
     *
     * @return the counter
     */
    public long retried() {
        long sum = 0;
        for (PublisherQueue store : stores) {
            sum += store.counters.retried.get();
        }
        return sum;
    }

    /**
     * Rejections so far.
     *
     * @return the counter
     */
    public long rejected() {
        long sum = 0;
        for (PublisherQueue store : stores) {
            sum += store.counters.rejected.get();
        }
        return sum;
    }

    /**
     * Drift corrections so far.
     *
     * @return the counter
     */
    public long driftCorrected() {
        long sum = 0;
        for (PublisherQueue store : stores) {
            sum += store.counters.driftCorrected.get();
        }
        return sum;
    }

    /**
     * Completed full resyncs.
     *
     * @return the counter
     */
    public long resyncsCompleted() {
        return resync.completed();
    }

    /**
     * Every publisher's figures. Any thread.
     *
     * @param now the engine clock's millis, for the lag
     * @return one value per publisher, in builder order
     */
    public List<StoreMetrics> storeMetrics(long now) {
        List<StoreMetrics> out = new ArrayList<>(stores.length);
        for (PublisherQueue store : stores) {
            out.add(StoreSnapshots.of(store, now));
        }
        return out;
    }

    /**
     * Queued pool states, once per publisher.
     *
     * @return the gauge
     */
    public long pending() {
        return pending;
    }

    /**
     * When the oldest unpublished change was first seen.
     *
     * @return clock millis, or -1 when none waits
     */
    public long oldestDirty() {
        return oldestDirty;
    }

    /** What to do with one publisher's slot of a pool and the state the book now wants there. */
    @FunctionalInterface
    private interface SlotAction {
        void apply(PublisherQueue store, Slot slot, DesiredState desired);
    }

    /** Computes every publisher's desired state of a pool and hands each expressible one to the action. */
    private void eachDesired(PoolKey key, PoolState state, SlotAction action) {
        for (int i = 0; i < stores.length; i++) {
            PublisherQueue store = stores[i];
            Slot slot = store.slot(key);
            DesiredState desired = desire(store, i, slot, state);
            if (desired != null) {
                action.apply(store, slot, desired);
            }
        }
    }

    private DesiredState desire(PublisherQueue store, int index, Slot slot, PoolState state) {
        try {
            return desiredStates.forStore(slot.key, state, index);
        } catch (InvalidInputException e) {
            // Not expressible through the SPI: reported like a publisher rejection, tried again when it changes.
            desiredStates.refused(slot.key, index, false);
            store.dequeue(slot);
            clearDirty(slot);
            resync.checked(slot);
            reportRejected(store, slot, e.getMessage());
            return null;
        }
    }

    private static Lane laneFor(DesiredState reference, DesiredState desired) {
        if (reference == null) {
            return Lane.NORMAL;
        }
        boolean delisting = reference.listed() && !desired.listed();
        // What the channel sells moves with sellable + openOrders (an imported order of this store raises
        // openOrders as P falls): a lower sellable with more open orders can be a rise of the channel's available.
        return delisting || desired.sellable() + desired.openOrders() < reference.sellable() + reference.openOrders()
                ? Lane.URGENT : Lane.NORMAL;
    }

    /**
     * Runs the publish calls of one step to several publishers at once (each publisher still gets one call at a
     * time), so a step takes about one call's time rather than the sum of every store's; the outcomes are then
     * applied on the loop thread in builder order, as when the calls run one after the other. Without it (manual
     * mode) the calls run one after the other on the loop thread.
     *
     * @param executor where the calls run
     */
    public void callOn(Executor executor) {
        this.calls = Objects.requireNonNull(executor, "executor");
    }

    /** Publishes each publisher's batch of one step (an empty one is skipped), at once when {@link #callOn} set. */
    private void publishAll(List<List<Slot>> batches, long now) {
        List<Integer> busy = new ArrayList<>();
        for (int i = 0; i < stores.length; i++) {
            if (!batches.get(i).isEmpty()) {
                busy.add(i);
            }
        }
        if (calls == null || busy.size() < 2) {
            for (int i : busy) {
                publish(stores[i], batches.get(i), now);
            }
            return;
        }
        List<CompletableFuture<Call>> running = new ArrayList<>(busy.size());
        for (int i : busy) {
            PublisherQueue store = stores[i];
            List<DesiredState> states = statesOf(batches.get(i));
            try {
                running.add(CompletableFuture.supplyAsync(() -> call(store, batches.get(i), states), calls));
            } catch (RejectedExecutionException e) {
                // The executor is shutting down (the engine stops): this call runs here, as without one.
                running.add(CompletableFuture.completedFuture(call(store, batches.get(i), states)));
            }
        }
        for (int k = 0; k < busy.size(); k++) {
            PublisherQueue store = stores[busy.get(k)];
            List<Slot> batch = batches.get(busy.get(k));
            Call call;
            try {
                call = running.get(k).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                // The executor refused the call or it failed outside the publisher: retried like a failed call.
                call = new Call(statesOf(batch), null, "publish call failed: " + e.getCause());
            }
            try (LogContext ignored = LogContext.store(store.channel, batch.size() == 1 ? batch.get(0).key : null)) {
                handle(store, batch, call, now);
            }
        }
    }

    /** Publishes a batch with the store (and the SKU of a one-state batch) in the MDC, for every log line. */
    private void publish(PublisherQueue store, List<Slot> batch, long now) {
        try (LogContext ignored = LogContext.store(store.channel, batch.size() == 1 ? batch.get(0).key : null)) {
            handle(store, batch, call(store, batch, statesOf(batch)), now);
        }
    }

    /** One publish call's states and outcomes, or why it failed (then outcomes is null). */
    private record Call(List<DesiredState> states, List<PublishOutcome> outcomes, String failure) {
    }

    private static List<DesiredState> statesOf(List<Slot> batch) {
        List<DesiredState> states = new ArrayList<>(batch.size());
        for (Slot slot : batch) {
            states.add(slot.desired);
        }
        return states;
    }

    /**
     * Calls the publisher, with its store in the MDC of the calling thread; touches no scheduler state, so it may run
     * off the loop thread.
     */
    private static Call call(PublisherQueue store, List<Slot> batch, List<DesiredState> states) {
        try (LogContext ignored = LogContext.store(store.channel, batch.size() == 1 ? batch.get(0).key : null)) {
            List<PublishOutcome> outcomes = store.publisher.publish(states);
            if (outcomes == null || outcomes.size() != states.size()) {
                throw new IllegalStateException("publisher returned " + (outcomes == null ? "no" : outcomes.size())
                        + " outcomes for " + states.size() + " states");
            }
            return new Call(states, outcomes, null);
        } catch (RuntimeException e) {
            LOG.warn("Publisher {} failed a batch of {} states; all will be retried", store.channel, states.size(), e);
            return new Call(states, null, "publisher failed: " + e);
        }
    }

    private void handle(PublisherQueue store, List<Slot> batch, Call call, long now) {
        List<DesiredState> states = call.states();
        List<PublishOutcome> outcomes = call.outcomes();
        String failure = call.failure();
        for (int i = 0; i < batch.size(); i++) {
            Slot slot = batch.get(i);
            LogContext.sku(slot.key);
            DesiredState state = states.get(i);
            PublishOutcome outcome = outcomes == null ? null : outcomes.get(i);
            if (outcome == null) {
                retry(store, slot, failure == null ? "publisher returned no outcome" : failure, now);
            } else if (outcome.status() == PublishOutcome.Status.APPLIED) {
                desiredStates.applied(slot.key, store.index, state, outcome.inFlight());
                confirmed(slot.key);
                applied(store, slot, state, outcome.wrote());
            } else if (outcome.status() == PublishOutcome.Status.RETRY && outcome.retryAfter() != null) {
                deferred(store, slot, outcome.reason(), outcome.retryAfter().toMillis());
            } else if (outcome.status() == PublishOutcome.Status.RETRY) {
                retry(store, slot, outcome.reason(), now);
            } else {
                desiredStates.refused(slot.key, store.index, outcome.channelProblem());
                confirmed(slot.key);
                slot.rejected = state;
                store.dequeue(slot);
                clearDirty(slot);
                resync.checked(slot);
                reportRejected(store, slot, outcome.reason());
            }
        }
        store.counters.callEnded();
        resync.report();
    }

    /** A store confirmed a write of the pool (applied, or refused for good). */
    private void confirmed(PoolKey key) {
        if (desiredStates.shared()) {
            confirmed.add(key);
        }
    }

    /**
     * With several stores, a confirmed write changes what the others may be given (a decrease confirmed frees units
     * for another store's increase): every store's state of those pools is computed again.
     */
    private void recomputeConfirmed() {
        if (confirmed.isEmpty()) {
            return;
        }
        List<PoolKey> keys = new ArrayList<>(confirmed);
        confirmed.clear();
        for (PoolKey key : keys) {
            poolChanged(key, desiredStates.lastState(key));
        }
    }

    private void applied(PublisherQueue store, Slot slot, DesiredState state, boolean wrote) {
        store.counters.applied(clock.millis());
        store.rejections.published(slot.key);
        if (slot.resync && wrote && state.equals(slot.published)) {
            // The engine believed the channel showed this state; the write proves it did not.
            store.counters.driftCorrected.incrementAndGet();
            LOG.info("Drift corrected in {} for {}", store.channel, slot.key);
            events.accept(new SyncEvent.DriftCorrected(store.channel, state.key()));
        }
        slot.published = state;
        slot.rejected = null;
        // The channel works again: a problem that comes back is reported again.
        channelProblems.channelWorks(store.channel);
        slot.attempts = 0;
        slot.notBefore = 0;
        store.dequeue(slot);
        clearDirty(slot);
        resync.checked(slot);
        LOG.debug("Published {} to {}: sellable {} listed {} wrote {}", state.key(), store.channel, state.sellable(),
                state.listed(), wrote);
        events.accept(new SyncEvent.Published(store.channel, state.key(), state.sellable(), wrote));
    }

    private void retry(PublisherQueue store, Slot slot, String reason, long now) {
        store.counters.retried(reason, slot.key.sku(), now);
        slot.attempts++;
        slot.notBefore = now + backoff.delayMillis(slot.attempts);
        LOG.debug("Retrying {} in {} (attempt {}): {}", slot.key, store.channel, slot.attempts, reason);
        events.accept(new SyncEvent.Retrying(store.channel, slot.desired.key(), reason, slot.attempts));
    }

    /**
     * A RETRY whose publisher said when to send it again (it waits for something with a known next check): sent
     * then, counted as a retry, but not as a failed attempt, so it neither lengthens the back-off of a later failure
     * nor counts toward the store's run of failed calls. The wait runs from now, when the publisher answered, and
     * is capped at the longest back-off; the state stays queued in its lane meanwhile.
     */
    private void deferred(PublisherQueue store, Slot slot, String reason, long afterMillis) {
        long answered = clock.millis();
        store.counters.deferred(reason, slot.key.sku());
        slot.notBefore = answered + backoff.capped(afterMillis);
        LOG.debug("Sending {} to {} again in {} ms (attempt {} not counted): {}", slot.key, store.channel,
                slot.notBefore - answered, slot.attempts + 1, reason);
        events.accept(new SyncEvent.Retrying(store.channel, slot.desired.key(), reason, slot.attempts + 1));
    }

    private void reportRejected(PublisherQueue store, Slot slot, String reason) {
        store.counters.rejected(reason, slot.key.sku(), clock.millis());
        if (reason.startsWith(PublishOutcome.CHANNEL_PROBLEM)) {
            // A refusal of the whole channel (see PublishOutcome.rejectedByChannel): once per channel and reason.
            if (channelProblems.firstReport(store.channel, reason)) {
                LOG.error("{} refuses every SKU until its setup is fixed: {}", store.channel, reason);
                events.accept(new SyncEvent.ChannelProblem(store.channel, reason));
            }
            return;
        }
        store.rejections.rejected(slot.key, reason);
        events.accept(new SyncEvent.Rejected(store.channel, slot.key.toString(), reason));
    }

    private void markDirty(Slot slot) {
        if (slot.dirtySince < 0) {
            slot.dirtySince = clock.millis();
            lag.add(slot.dirtySince);
            slot.storeLag.add(slot.dirtySince);
        }
    }

    private void clearDirty(Slot slot) {
        if (slot.dirtySince >= 0) {
            lag.remove(slot.dirtySince);
            slot.storeLag.remove(slot.dirtySince);
            slot.dirtySince = -1;
        }
    }

    private void updateGauges() {
        long queued = 0;
        for (PublisherQueue store : stores) {
            queued += store.queued();
            store.publishGauges();
        }
        pending = queued;
        oldestDirty = lag.oldest();
    }
}
