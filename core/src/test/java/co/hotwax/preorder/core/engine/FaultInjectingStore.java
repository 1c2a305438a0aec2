package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.ChannelUsage;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SpiVersion;

import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory sales channel and its publisher. Models a dedicated pre-order location: {@code on_hand} is what the
 * publisher sets ({@code sellable + openOrders}), a sale moves units from available to committed and leaves
 * {@code on_hand} alone, so a sale the OMS has not seen yet is never sold again. Thread-safe.
 *
 * <p>Beside the published {@code co.hotwax.preorder.testkit.InMemoryPublisher} (which models the same inventory
 * states), it fails on demand: per-key outcomes, thrown calls, responses lost after the write applied, calls that
 * block on a latch, and a hook between calls that the shared-pool invariant tests observe through.
 */
final class FaultInjectingStore implements InventoryPublisher {
    /** One SKU at one location. */
    static final class Item {
        long onHand;
        long committed;
        boolean listed;
        LocalDate promiseDate;
        boolean flagged;

        long available() {
            return onHand - committed;
        }
    }

    /** One applied write. */
    record Write(String key, long oldOnHand, long newOnHand, boolean listed) {
    }

    private final String channel;
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, PublishOutcome.Status> failures = new HashMap<>();
    private final Map<String, Duration> retryAfter = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private final List<List<String>> batches = new ArrayList<>();
    private boolean throwing;
    private boolean loseResponses;
    /** When set, every state is refused for the channel's setup (a revoked access scope), nothing changes. */
    private String channelProblem;
    private int maxBatch = 250;
    private boolean reportInFlight = true;
    int spiVersion = SpiVersion.CURRENT;
    /** When set, publish waits on {@code release} after counting down {@code entered}. */
    volatile CountDownLatch entered;
    volatile CountDownLatch release;
    /** When set, runs after every publish call (an observer checking all stores between channel calls). */
    volatile Runnable afterPublish;

    FaultInjectingStore(String channel) {
        this.channel = channel;
    }

    @Override
    public String channelId() {
        return channel;
    }

    @Override
    public int maxBatchSize() {
        return maxBatch;
    }

    /** Whether outcomes carry the in-flight units seen after the write (Shopify's publisher does). */
    FaultInjectingStore reportInFlight(boolean value) {
        this.reportInFlight = value;
        return this;
    }

    FaultInjectingStore maxBatch(int size) {
        this.maxBatch = size;
        return this;
    }

    @Override
    public int spiVersion() {
        return spiVersion;
    }

    /** Reports one request per publish call and a bucket that empties by one point per call, from 1000. */
    @Override
    public synchronized ChannelUsage usage() {
        return new ChannelUsage(batches.size(), 0, batches.size(), 1000 - batches.size(), 1000);
    }

    @Override
    public List<PublishOutcome> publish(List<DesiredState> states) {
        CountDownLatch in = entered;
        if (in != null) {
            in.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            List<String> keys = new ArrayList<>();
            states.forEach(s -> keys.add(s.key()));
            batches.add(keys);
            if (throwing) {
                throw new IllegalStateException("store " + channel + " is down");
            }
            List<PublishOutcome> outcomes = new ArrayList<>();
            for (DesiredState state : states) {
                outcomes.add(apply(state));
            }
            if (loseResponses) {
                throw new IllegalStateException("timeout: the writes were applied but the response was lost");
            }
            observe();
            return outcomes;
        }
    }

    private void observe() {
        Runnable observer = afterPublish;
        if (observer != null) {
            observer.run();
        }
    }

    private PublishOutcome apply(DesiredState state) {
        if (channelProblem != null) {
            return PublishOutcome.rejectedByChannel(state, channelProblem);
        }
        PublishOutcome.Status failure = failures.get(state.sku());
        if (failure == PublishOutcome.Status.RETRY) {
            Duration after = retryAfter.get(state.sku());
            return after == null ? PublishOutcome.retry(state, "THROTTLED")
                    : PublishOutcome.retry(state, "waiting for the catalog export", after);
        }
        if (failure == PublishOutcome.Status.REJECTED) {
            return PublishOutcome.rejected(state, "no variant has SKU " + state.sku());
        }
        Item item = items.computeIfAbsent(state.key(), k -> new Item());
        long target = state.sellable() + state.openOrders();
        boolean changed = item.onHand != target || item.listed != state.listed()
                || !Objects.equals(item.promiseDate, state.promiseDate()) || item.flagged != state.flagged();
        if (changed) {
            writes.add(new Write(state.key(), item.onHand, target, state.listed()));
            item.onHand = target;
            item.listed = state.listed();
            item.promiseDate = state.promiseDate();
            item.flagged = state.flagged();
        }
        return reportInFlight ? PublishOutcome.applied(state, changed, Math.max(0, item.committed - state.openOrders()))
                : PublishOutcome.applied(state, changed);
    }

    /** A shopper buys; refused (false) when not listed or available is short, as Shopify does under DENY. */
    synchronized boolean sell(String key, long quantity) {
        Item item = items.get(key);
        if (item == null || !item.listed || item.available() < quantity) {
            return false;
        }
        item.committed += quantity;
        return true;
    }

    /** A merchant edits on_hand by hand in the admin. */
    synchronized void manualEdit(String key, long onHand) {
        items.computeIfAbsent(key, k -> new Item()).onHand = onHand;
    }

    synchronized void fail(String sku, PublishOutcome.Status status) {
        failures.put(sku, status);
        retryAfter.remove(sku);
    }

    /** The SKU is answered RETRY with a retry-after (as a publisher waiting for a catalog export does). */
    synchronized void deferFor(String sku, Duration after) {
        failures.put(sku, PublishOutcome.Status.RETRY);
        retryAfter.put(sku, after);
    }

    synchronized void heal(String sku) {
        failures.remove(sku);
        retryAfter.remove(sku);
    }

    /** @param reason why the channel refuses every state from now on (a revoked scope), or null: it works again */
    synchronized void refuseChannel(String reason) {
        channelProblem = reason;
    }

    synchronized void loseResponses(boolean value) {
        loseResponses = value;
    }

    synchronized void throwing(boolean value) {
        throwing = value;
    }

    synchronized long available(String key) {
        Item item = items.get(key);
        return item == null ? 0 : item.available();
    }

    synchronized long committed(String key) {
        Item item = items.get(key);
        return item == null ? 0 : item.committed;
    }

    synchronized long onHand(String key) {
        Item item = items.get(key);
        return item == null ? 0 : item.onHand;
    }

    synchronized boolean listed(String key) {
        Item item = items.get(key);
        return item != null && item.listed;
    }

    synchronized LocalDate promiseDate(String key) {
        Item item = items.get(key);
        return item == null ? null : item.promiseDate;
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized List<Write> writesOf(String key) {
        return writes.stream().filter(w -> w.key().equals(key)).toList();
    }

    synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }

    synchronized int publishCalls() {
        return batches.size();
    }

    synchronized long attempts(String key) {
        return batches.stream().flatMap(List::stream).filter(key::equals).count();
    }

    synchronized Map<String, Long> onHandByKey() {
        Map<String, Long> copy = new HashMap<>();
        items.forEach((k, v) -> copy.put(k, v.onHand));
        return copy;
    }
}
