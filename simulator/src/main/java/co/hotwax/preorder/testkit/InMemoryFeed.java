package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.ChangeFeed;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SpiVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A writable, in-memory {@link ChangeFeed}: the reference implementation of the feed contract, for integrators' and
 * the engine's tests. Every {@link #put} upserts the item and appends it to a change log; checkpoint {@code "n"}
 * means "after the first n changes". {@link #forgetBefore(int)} drops old changes so that a test can make a
 * checkpoint expire and check that the caller takes a new snapshot.
 *
 * <p>Thread-safe, so a test may write while the engine reads.
 *
 * @param <T> the item type
 * @since 0.1.0
 */
public class InMemoryFeed<T> implements ChangeFeed<T> {
    private final String name;
    private final Function<T, String> keyOf;
    private final Map<String, T> current = new LinkedHashMap<>();
    private final List<T> log = new ArrayList<>();
    private int forgotten;

    /**
     * An empty feed.
     *
     * @param name what the feed holds, named in errors, e.g. {@code "purchase order source"}
     * @param keyOf the identity of an item: a later item with the same key replaces the earlier one
     */
    public InMemoryFeed(String name, Function<T, String> keyOf) {
        this.name = Objects.requireNonNull(name, "name");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    /**
     * Inserts or replaces an item and records the change.
     *
     * @param item the item's full new state
     * @throws IllegalArgumentException when the item is null
     */
    public synchronized void put(T item) {
        if (item == null) {
            throw new IllegalArgumentException(name + ": cannot put a null item");
        }
        current.put(keyOf.apply(item), item);
        log.add(item);
    }

    /**
     * Drops the changes before a position, so checkpoints before it become unknown (expired).
     *
     * @param position the first change to keep, {@code 0..}the number of changes so far
     * @throws IllegalArgumentException when the position is out of range
     */
    public synchronized void forgetBefore(int position) {
        if (position < forgotten || position > log.size()) {
            throw new IllegalArgumentException(name + ": can only forget up to change " + log.size()
                    + " and not undo forgetting before " + forgotten + ", asked " + position);
        }
        forgotten = position;
    }

    /**
     * The number of changes recorded so far.
     *
     * @return the change count (the position a snapshot taken now resumes from)
     */
    public synchronized int changeCount() {
        return log.size();
    }

    @Override
    public synchronized FeedSnapshot<T> snapshot() {
        return new FeedSnapshot<>(new ArrayList<>(current.values()), Checkpoint.of(String.valueOf(log.size())));
    }

    @Override
    public synchronized FeedPage<T> changesSince(Checkpoint checkpoint, int maxItems) {
        if (maxItems < 1) {
            throw new InvalidInputException(name, "maxItems must be at least 1, was " + maxItems);
        }
        int from = position(checkpoint);
        int to = (int) Math.min(log.size(), (long) from + maxItems);
        return new FeedPage<>(new ArrayList<>(log.subList(from, to)), Checkpoint.of(String.valueOf(to)),
                to < log.size());
    }

    private int position(Checkpoint checkpoint) {
        if (checkpoint == null) {
            throw new InvalidInputException(name, "checkpoint is missing");
        }
        int position;
        try {
            position = Integer.parseInt(checkpoint.value());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "unknown checkpoint " + checkpoint.value());
        }
        if (position < forgotten || position > log.size()) {
            throw new InvalidInputException(name, "unknown or expired checkpoint " + checkpoint.value()
                    + " (known: " + forgotten + ".." + log.size() + "); take a new snapshot");
        }
        return position;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public synchronized String toString() {
        return "InMemoryFeed[" + name + ", " + current.size() + " items, " + log.size() + " changes]";
    }
}
