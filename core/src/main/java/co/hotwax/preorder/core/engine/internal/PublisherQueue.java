package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.spi.InventoryPublisher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One publisher's slots (what the engine knows per pool in its channel), the lanes its queued slots wait in, and
 * its counters. Loop thread only, except the counters.
 */
final class PublisherQueue {
    final InventoryPublisher publisher;
    final String channel;
    /** The publisher's index in builder order. */
    final int index;
    /** With several stores: holds increases behind other stores' decreases; null with one store. */
    private final DecreasesFirst decreasesFirst;
    final EngineCounters counters = new EngineCounters();
    /** When this publisher's still-unpublished changes were first seen. */
    final LagTracker lag = new LagTracker();
    /** Logs a persistent rejection once at WARN. */
    final RejectionLog rejections;
    /** Queued slots per lane and the oldest unpublished change, copied for readers on other threads. */
    private final AtomicLongArray queuedByLane = new AtomicLongArray(Lane.values().length);
    private volatile long oldestDirty = -1;
    private final Map<PoolKey, Slot> slots = new HashMap<>();
    private final List<LinkedHashSet<Slot>> lanes = new ArrayList<>();
    private long queued;

    PublisherQueue(InventoryPublisher publisher, int index, DecreasesFirst decreasesFirst) {
        this.publisher = publisher;
        this.channel = publisher.channelId();
        this.index = index;
        this.decreasesFirst = decreasesFirst;
        this.rejections = new RejectionLog(channel);
        for (int i = 0; i < Lane.values().length; i++) {
            lanes.add(new LinkedHashSet<>());
        }
    }

    /** The pool's slot, created on first use. */
    Slot slot(PoolKey key) {
        return slots.computeIfAbsent(key, k -> new Slot(k, lag));
    }

    /** The pool's slot, or null when the pool was never seen. */
    Slot existingSlot(PoolKey key) {
        return slots.get(key);
    }

    /** Puts a slot in a lane, moving it there when it waits in another. */
    void enqueue(Slot slot, Lane lane) {
        if (slot.lane == lane) {
            return;
        }
        if (slot.lane != null) {
            lanes.get(slot.lane.ordinal()).remove(slot);
            urgentLeft(slot);
        } else {
            queued++;
        }
        lanes.get(lane.ordinal()).add(slot);
        slot.lane = lane;
        if (lane == Lane.URGENT && decreasesFirst != null) {
            decreasesFirst.entered(slot.key);
        }
    }

    /** Takes a slot off its lane, if it waits in one. */
    void dequeue(Slot slot) {
        if (slot.lane != null) {
            lanes.get(slot.lane.ordinal()).remove(slot);
            urgentLeft(slot);
            slot.lane = null;
            queued--;
        }
    }

    private void urgentLeft(Slot slot) {
        if (slot.lane == Lane.URGENT && decreasesFirst != null) {
            decreasesFirst.left(slot.key);
        }
    }

    /** Slots waiting in any lane. */
    long queued() {
        return queued;
    }

    /** Copies the lane sizes and the oldest unpublished change for readers on other threads. Loop thread. */
    void publishGauges() {
        for (Lane lane : Lane.values()) {
            queuedByLane.set(lane.ordinal(), lanes.get(lane.ordinal()).size());
        }
        oldestDirty = lag.oldest();
    }

    /** Slots queued in a lane, as of the last {@link #publishGauges()}. Any thread. */
    long queuedIn(Lane lane) {
        return queuedByLane.get(lane.ordinal());
    }

    /** When the oldest unpublished change was first seen (clock millis), or -1. Any thread. */
    long oldestDirty() {
        return oldestDirty;
    }

    /** Whether a slot of the lane is ready (see {@link #isReady}). */
    boolean hasReady(Lane lane, long now) {
        for (Slot slot : lanes.get(lane.ordinal())) {
            if (isReady(slot, lane, now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a slot may be published now: past its backoff, and, for an increase with several stores, not held
     * behind another store's unconfirmed decrease of the same pool.
     */
    boolean isReady(Slot slot, Lane lane, long now) {
        return slot.notBefore <= now
                && (lane == Lane.URGENT || decreasesFirst == null || !decreasesFirst.holds(slot.key));
    }

    /** Up to {@code max} slots of the lane that are ready, in queue order. */
    List<Slot> ready(Lane lane, long now, int max) {
        List<Slot> batch = new ArrayList<>(Math.min(max, lanes.get(lane.ordinal()).size()));
        Iterator<Slot> it = lanes.get(lane.ordinal()).iterator();
        while (it.hasNext() && batch.size() < max) {
            Slot slot = it.next();
            if (isReady(slot, lane, now)) {
                batch.add(slot);
            }
        }
        return batch;
    }

    /**
     * The earliest end of a backoff among the queued slots that are not held, or {@link Long#MAX_VALUE} when none is.
     * A held increase has no time of its own: it becomes ready when the decrease it waits for is confirmed, which
     * the decrease's own time covers (counting it would make the loop spin while a decrease waits out its backoff).
     */
    long earliestNotBefore() {
        long next = Long.MAX_VALUE;
        for (Lane lane : Lane.values()) {
            for (Slot slot : lanes.get(lane.ordinal())) {
                if (isReady(slot, lane, Long.MAX_VALUE)) {
                    next = Math.min(next, slot.notBefore);
                }
            }
        }
        return next;
    }
}
