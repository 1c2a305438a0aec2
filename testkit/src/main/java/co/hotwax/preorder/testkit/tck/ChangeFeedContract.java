package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.ChangeFeed;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SpiVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link ChangeFeed}, for any item type. Extend one of the typed subclasses
 * ({@link PurchaseOrderSourceContract}, {@link PreOrderSourceContract}, {@link StockSourceContract}) or this class.
 *
 * <p>JUnit creates a new test instance per test method; {@link #feed()} must return the source under test, empty
 * at the start of each test and the same source every time it is called within one test, and {@link #put} must
 * write to that source (an insert or update in the backing store). The generators may be overridden to produce
 * items your store accepts.
 *
 * <p>Change order is checked only across distinct items, so a source that coalesces repeated changes of one item
 * into its latest state (a table ordered by last update) passes too.
 *
 * @param <T> the item type
 * @since 0.1.0
 */
public abstract class ChangeFeedContract<T> {
    private static final int MAX_PAGES = 10_000;

    /** For subclasses. */
    protected ChangeFeedContract() {
    }

    /**
     * The source under test: empty at the start of each test, the same object within one test.
     *
     * @return the feed
     */
    protected abstract ChangeFeed<T> feed();

    /**
     * Writes an item's full new state to the source (insert or update).
     *
     * @param item the item
     */
    protected abstract void put(T item);

    /**
     * A new item, distinct (by {@link #keyOf}) for each {@code n}.
     *
     * @param n a number from 0 up
     * @return the item
     */
    protected abstract T newItem(int n);

    /**
     * The same item (same key) with different content, distinct for each {@code n}.
     *
     * @param item an item made by {@link #newItem} or this method
     * @param n a number from 1 up
     * @return the changed item
     */
    protected abstract T changed(T item, int n);

    /**
     * An item's identity.
     *
     * @param item the item
     * @return its key
     */
    protected abstract String keyOf(T item);

    /** A snapshot holds the latest state of every item put. */
    @Test
    protected void snapshotReturnsEveryItemPut() {
        List<T> items = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            items.add(newItem(n));
            put(items.get(n));
        }
        items.set(2, changed(items.get(2), 1));
        put(items.get(2));

        FeedSnapshot<T> snapshot = feed().snapshot();

        assertEquals(countsOf(items), countsOf(snapshot.items()), "snapshot items (the latest state of each)");
    }

    /** Changes after a snapshot's checkpoint are exactly the later changes, in order. */
    @Test
    protected void changesSinceASnapshotAreExactlyTheLaterChangesInOrder() {
        T a = newItem(0);
        T b = newItem(1);
        put(a);
        put(b);
        put(newItem(2));
        Checkpoint checkpoint = feed().snapshot().checkpoint();
        List<T> later = List.of(changed(b, 1), newItem(3), changed(a, 2));
        later.forEach(this::put);

        FeedPage<T> page = feed().changesSince(checkpoint, 100);

        assertIterableEquals(later, page.items(), "changes after the snapshot");
        assertFalse(page.hasMore(), "hasMore after the last change");
        FeedPage<T> after = feed().changesSince(page.next(), 100);
        assertIterableEquals(List.of(), after.items(), "changes after the last page");
        assertFalse(after.hasMore(), "hasMore after the last page");
    }

    /** Without changes, a page is empty and says there is no more. */
    @Test
    protected void noChangesGivesAnEmptyPage() {
        put(newItem(0));
        Checkpoint checkpoint = feed().snapshot().checkpoint();

        FeedPage<T> page = feed().changesSince(checkpoint, 10);

        assertIterableEquals(List.of(), page.items(), "changes without a change");
        assertFalse(page.hasMore(), "hasMore without a change");
    }

    /** Reading from the same checkpoint twice gives the same page. */
    @Test
    protected void theSameCheckpointGivesTheSamePage() {
        put(newItem(0));
        Checkpoint checkpoint = feed().snapshot().checkpoint();
        for (int n = 1; n <= 4; n++) {
            put(newItem(n));
        }

        FeedPage<T> first = feed().changesSince(checkpoint, 3);
        FeedPage<T> again = feed().changesSince(checkpoint, 3);

        assertIterableEquals(first.items(), again.items(), "items read twice from one checkpoint");
        assertEquals(first.next(), again.next(), "next checkpoint read twice from one checkpoint");
        assertEquals(first.hasMore(), again.hasMore(), "hasMore read twice from one checkpoint");
    }

    /** Pages hold at most maxItems and together cover every change once. */
    @Test
    protected void pagesRespectMaxItemsAndTogetherCoverEveryChangeOnce() {
        Checkpoint checkpoint = feed().snapshot().checkpoint();
        List<T> changes = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            changes.add(newItem(n));
            put(changes.get(n));
        }

        List<T> read = new ArrayList<>();
        FeedPage<T> page;
        int pages = 0;
        do {
            page = feed().changesSince(checkpoint, 3);
            int size = page.items().size();
            int number = pages;
            assertTrue(size <= 3, () -> "page " + number + " holds " + size + " items, more than maxItems 3");
            if (page.hasMore()) {
                assertFalse(page.items().isEmpty(), () -> "a page with more after it, page " + number + ", is empty");
            }
            read.addAll(page.items());
            checkpoint = page.next();
        } while (page.hasMore() && ++pages < MAX_PAGES);

        assertIterableEquals(changes, read, "all pages together");
    }

    /** An unknown checkpoint is refused with InvalidInputException. */
    @Test
    protected void anUnknownCheckpointIsInvalidInput() {
        put(newItem(0));

        assertThrows(InvalidInputException.class,
                () -> feed().changesSince(Checkpoint.of("tck-unknown-checkpoint"), 10), "an unknown checkpoint");
    }

    /** The feed was built against the current SPI. */
    @Test
    protected void declaresTheCurrentSpiVersion() {
        assertEquals(SpiVersion.CURRENT, feed().spiVersion(), "spiVersion");
    }

    /** A snapshot taken midway plus every later page replays to the final state (seeded random edits). */
    @Test
    protected void aSnapshotPlusEveryPageReplaysToTheFinalState() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, T> latest = new LinkedHashMap<>();
        List<T> created = new ArrayList<>();
        int changes = 0;
        FeedSnapshot<T> snapshot = null;
        for (int step = 0; step < 60; step++) {
            if (step == 20) {
                snapshot = feed().snapshot();
            }
            T item;
            if (created.isEmpty() || random.nextInt(3) == 0) {
                item = newItem(created.size());
                created.add(item);
            } else {
                T base = latest.get(keyOf(created.get(random.nextInt(created.size()))));
                item = changed(base, ++changes);
            }
            put(item);
            latest.put(keyOf(item), item);
        }

        Map<String, T> replayed = new LinkedHashMap<>();
        for (T item : snapshot.items()) {
            replayed.put(keyOf(item), item);
        }
        Checkpoint checkpoint = snapshot.checkpoint();
        FeedPage<T> page;
        int pages = 0;
        do {
            page = feed().changesSince(checkpoint, 1 + random.nextInt(7));
            for (T item : page.items()) {
                replayed.put(keyOf(item), item);
            }
            checkpoint = page.next();
        } while (page.hasMore() && ++pages < MAX_PAGES);

        assertEquals(latest, replayed, () -> "snapshot + pages vs the final state, seed " + seed);
        Map<String, T> now = new LinkedHashMap<>();
        feed().snapshot().items().forEach(item -> now.put(keyOf(item), item));
        assertEquals(latest, now, () -> "a fresh snapshot, seed " + seed);
    }

    /** How often each item occurs: equal counts mean the same items in any order. */
    private static <T> Map<T, Long> countsOf(List<T> items) {
        return items.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
