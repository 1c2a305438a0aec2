package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.ChangeFeed;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.CheckpointExpiredException;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;
import co.hotwax.preorder.spi.SupplyLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A change feed over an in-memory log of upserts (the snapshot is the latest item per key) with switches that make
 * it fail the ways a real feed does: expired checkpoints, thrown reads and snapshots, reads that block or never
 * advance. Not the published {@code co.hotwax.preorder.testkit.InMemoryFeed}, which is the fault-free reference
 * implementation of the contract; these test-only switches do not belong in a published type.
 */
class FaultInjectingFeed<T> implements ChangeFeed<T> {
    private final Function<T, String> keyOf;
    private final List<T> log = new ArrayList<>();
    int spiVersion = SpiVersion.CURRENT;
    int snapshots;
    /** When set, every checkpoint handed back is refused as expired. */
    volatile boolean expired;
    /** When set, an expired checkpoint is refused the way feeds did before CheckpointExpiredException. */
    volatile boolean legacyExpiry;
    /** When set, snapshot() throws it. */
    volatile RuntimeException snapshotFailure;
    /** When set, snapshot() throws it (an out-of-memory, say). */
    volatile Error snapshotError;
    /** When set, changesSince throws it. */
    volatile RuntimeException readFailure;
    /** When set, changesSince answers hasMore with the checkpoint it was given, forever. */
    volatile boolean stuck;
    /** When set, changesSince waits for it first (a feed call that blocks). */
    volatile CountDownLatch blockReads;
    /** changesSince calls so far. */
    final AtomicInteger reads = new AtomicInteger();
    /** When set, every poll fails as an unreachable database would. */
    volatile boolean down;

    FaultInjectingFeed(Function<T, String> keyOf) {
        this.keyOf = keyOf;
    }

    @SafeVarargs
    final synchronized void add(T... items) {
        for (T item : items) {
            log.add(item);
        }
    }

    @Override
    public synchronized FeedSnapshot<T> snapshot() {
        RuntimeException failure = snapshotFailure;
        if (failure != null) {
            throw failure;
        }
        Error error = snapshotError;
        if (error != null) {
            throw error;
        }
        snapshots++;
        expired = false;
        Map<String, T> latest = new LinkedHashMap<>();
        for (T item : log) {
            latest.put(keyOf.apply(item), item);
        }
        return new FeedSnapshot<>(new ArrayList<>(latest.values()), Checkpoint.of(Integer.toString(log.size())));
    }

    @Override
    public FeedPage<T> changesSince(Checkpoint checkpoint, int maxItems) {
        reads.incrementAndGet();
        CountDownLatch block = blockReads;
        if (block != null) {
            try {
                block.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return read(checkpoint, maxItems);
    }

    private synchronized FeedPage<T> read(Checkpoint checkpoint, int maxItems) {
        if (down) {
            throw new IllegalStateException("feed database unreachable");
        }
        if (readFailure != null) {
            throw readFailure;
        }
        if (stuck) {
            return new FeedPage<>(List.of(), checkpoint, true);
        }
        if (expired && legacyExpiry) {
            throw new InvalidInputException("checkpoint " + checkpoint.value(), "expired");
        }
        if (expired) {
            throw new CheckpointExpiredException(checkpoint, "expired");
        }
        int from;
        try {
            from = Integer.parseInt(checkpoint.value());
        } catch (NumberFormatException e) {
            throw new CheckpointExpiredException(checkpoint, "unknown");
        }
        int to = Math.min(log.size(), from + maxItems);
        return new FeedPage<>(new ArrayList<>(log.subList(from, to)), Checkpoint.of(Integer.toString(to)),
                to < log.size());
    }

    @Override
    public int spiVersion() {
        return spiVersion;
    }

    static Supply supply() {
        return new Supply();
    }

    static Orders orders() {
        return new Orders();
    }

    static Stock stock() {
        return new Stock();
    }

    static final class Supply extends FaultInjectingFeed<SupplyLine> implements PurchaseOrderSource {
        Supply() {
            super(SupplyLine::lineId);
        }
    }

    static final class Orders extends FaultInjectingFeed<PreOrder> implements PreOrderSource {
        Orders() {
            super(PreOrder::key);
        }
    }

    static final class Stock extends FaultInjectingFeed<StockLevel> implements StockSource {
        Stock() {
            super(s -> s.sku() + "@" + s.facilityId());
        }
    }
}
