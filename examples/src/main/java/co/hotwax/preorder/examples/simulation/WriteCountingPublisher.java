package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.spi.ChannelUsage;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SetupCheck;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Passes every call to a publisher and reports the writes behind REJECTED outcomes: a decrease is written even when
 * the store refuses the item's marks (a revoked {@code write_products}), and the engine's events tell only applied
 * writes, so the harness adds these to the writes the engine made.
 */
final class WriteCountingPublisher implements InventoryPublisher {
    private final InventoryPublisher delegate;
    private final LongConsumer rejectedWrites;

    /**
     * Wraps a publisher.
     *
     * @param delegate the publisher
     * @param rejectedWrites told, after each call, how many of its REJECTED outcomes wrote
     */
    WriteCountingPublisher(InventoryPublisher delegate, LongConsumer rejectedWrites) {
        this.delegate = delegate;
        this.rejectedWrites = rejectedWrites;
    }

    @Override
    public String channelId() {
        return delegate.channelId();
    }

    @Override
    public List<PublishOutcome> publish(List<DesiredState> states) {
        List<PublishOutcome> outcomes = delegate.publish(states);
        rejectedWrites.accept(outcomes.stream().filter(o -> o.status() == PublishOutcome.Status.REJECTED && o.wrote())
                .count());
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
    public ChannelUsage usage() {
        return delegate.usage();
    }

    @Override
    public SetupCheck checkSetup() {
        return delegate.checkSetup();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
