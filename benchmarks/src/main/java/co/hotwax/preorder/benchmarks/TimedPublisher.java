package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;

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
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong states = new AtomicLong();

    /**
     * @param delegate the real publisher
     * @param latencies told of every APPLIED outcome
     * @param nanoTime the same time source {@code latencies} uses
     */
    TimedPublisher(InventoryPublisher delegate, ChangeLatencies latencies, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.latencies = latencies;
        this.nanoTime = nanoTime;
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
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).status() == PublishOutcome.Status.APPLIED) {
                latencies.published(batch.get(i).sku(), started, ended);
            }
        }
        return outcomes;
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

    /** @return desired states published so far */
    long states() {
        return states.get();
    }
}
