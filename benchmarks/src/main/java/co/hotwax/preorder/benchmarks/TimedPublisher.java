package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Hands the engine a publisher that times every publish call and tells {@link ChangeLatencies} which SKUs each call
 * applied, between the call's start and its return.
 */
final class TimedPublisher implements InventoryPublisher {
    private final InventoryPublisher delegate;
    private final ChangeLatencies latencies;
    private final LongSupplier nanoTime;
    private final boolean dropRetryAfter;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong states = new AtomicLong();
    private final LongSupplier pointsCharged;
    private volatile long lastRetryAt = -1;
    private volatile long pointsAtLastRetry;

    /**
     * @param delegate the real publisher
     * @param latencies told of every APPLIED outcome
     * @param nanoTime the same time source {@code latencies} uses
     */
    TimedPublisher(InventoryPublisher delegate, ChangeLatencies latencies, LongSupplier nanoTime) {
        this(delegate, latencies, nanoTime, false, () -> 0);
    }

    /**
     * @param delegate the real publisher
     * @param latencies told of every APPLIED outcome
     * @param nanoTime the same time source {@code latencies} uses
     * @param dropRetryAfter hand the engine every RETRY without its retry-after, so the engine's own back-off
     *                       decides when it is sent again, as before publishers could give one (a "before" run)
     * @param pointsCharged the store's points charged so far, read when a call answers RETRY
     */
    TimedPublisher(InventoryPublisher delegate, ChangeLatencies latencies, LongSupplier nanoTime,
                   boolean dropRetryAfter, LongSupplier pointsCharged) {
        this.delegate = delegate;
        this.latencies = latencies;
        this.nanoTime = nanoTime;
        this.dropRetryAfter = dropRetryAfter;
        this.pointsCharged = pointsCharged;
    }

    @Override
    public String channelId() {
        return delegate.channelId();
    }

    @Override
    public List<PublishOutcome> publish(List<DesiredState> batch) {
        long started = nanoTime.getAsLong();
        List<PublishOutcome> outcomes = delegate.publish(batch);
        long ended = nanoTime.getAsLong();
        calls.incrementAndGet();
        states.addAndGet(batch.size());
        List<PublishOutcome> handed = new ArrayList<>(outcomes);
        for (int i = 0; i < outcomes.size(); i++) {
            PublishOutcome outcome = outcomes.get(i);
            if (outcome.status() == PublishOutcome.Status.APPLIED) {
                latencies.published(batch.get(i).sku(), started, ended);
            } else if (outcome.status() == PublishOutcome.Status.RETRY) {
                lastRetryAt = ended;
                pointsAtLastRetry = pointsCharged.getAsLong();
                if (dropRetryAfter && outcome.retryAfter() != null) {
                    handed.set(i, new PublishOutcome(outcome.sku(), outcome.facilityId(), outcome.status(),
                            outcome.wrote(), outcome.reason(), outcome.inFlight()));
                }
            }
        }
        return handed;
    }

    @Override
    public int maxBatchSize() {
        return delegate.maxBatchSize();
    }

    @Override
    public int spiVersion() {
        return delegate.spiVersion();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** @return publish calls so far */
    long calls() {
        return calls.get();
    }

    /** @return when a publish call last answered a state RETRY ({@code nanoTime}), or -1 */
    long lastRetryAt() {
        return lastRetryAt;
    }

    /** @return the store's points charged when a publish call last answered a state RETRY */
    long pointsAtLastRetry() {
        return pointsAtLastRetry;
    }

    /** @return desired states published so far */
    long states() {
        return states.get();
    }
}
