package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.spi.InventoryPublisher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One publisher's slots (what the engine knows per pool in its channel), the lanes its queued slots wait in, and
 * its counters. Loop thread only, except the counters.
 */
final class PublisherQueue {
    final InventoryPublisher publisher;
    final String channel;
    final EngineCounters counters = new EngineCounters();
    private final Map<PoolKey, Slot> slots = new HashMap<>();
    private final List<LinkedHashSet<Slot>> lanes = new ArrayList<>();
    private long queued;

    PublisherQueue(InventoryPublisher publisher) {
        this.publisher = publisher;
        this.channel = publisher.channelId();
        for (int i = 0; i < Lane.values().length; i++) {
            lanes.add(new LinkedHashSet<>());
        }
    }

    /** The pool's slot, created on first use. */
    Slot slot(PoolKey key) {
        return slots.computeIfAbsent(key, Slot::new);
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
        } else {
            queued++;
        }
        lanes.get(lane.ordinal()).add(slot);
        slot.lane = lane;
    }

    /** Takes a slot off its lane, if it waits in one. */
    void dequeue(Slot slot) {
        if (slot.lane != null) {
            lanes.get(slot.lane.ordinal()).remove(slot);
            slot.lane = null;
            queued--;
        }
    }

    /** Slots waiting in any lane. */
    long queued() {
        return queued;
    }

    /** Whether a slot of the lane is past its backoff. */
    boolean hasReady(Lane lane, long now) {
        for (Slot slot : lanes.get(lane.ordinal())) {
            if (slot.notBefore <= now) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@code max} slots of the lane past their backoff, in queue order. */
    List<Slot> ready(Lane lane, long now, int max) {
        List<Slot> batch = new ArrayList<>(Math.min(max, lanes.get(lane.ordinal()).size()));
        Iterator<Slot> it = lanes.get(lane.ordinal()).iterator();
        while (it.hasNext() && batch.size() < max) {
            Slot slot = it.next();
            if (slot.notBefore <= now) {
                batch.add(slot);
            }
        }
        return batch;
    }

    /** The earliest end of a backoff among the queued slots, or {@link Long#MAX_VALUE} when none is queued. */
    long earliestNotBefore() {
        long next = Long.MAX_VALUE;
        for (LinkedHashSet<Slot> queue : lanes) {
            for (Slot slot : queue) {
                next = Math.min(next, slot.notBefore);
            }
        }
        return next;
    }
}
