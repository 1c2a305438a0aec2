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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        assertThat(snapshot.items()).as("snapshot items (the latest state of each)")
                .containsExactlyInAnyOrderElementsOf(items);
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

        assertThat(page.items()).as("changes after the snapshot").containsExactlyElementsOf(later);
        assertThat(page.hasMore()).as("hasMore after the last change").isFalse();
        FeedPage<T> after = feed().changesSince(page.next(), 100);
        assertThat(after.items()).as("changes after the last page").isEmpty();
        assertThat(after.hasMore()).isFalse();
    }

    /** Without changes, a page is empty and says there is no more. */
    @Test
    protected void noChangesGivesAnEmptyPage() {
        put(newItem(0));
        Checkpoint checkpoint = feed().snapshot().checkpoint();

        FeedPage<T> page = feed().changesSince(checkpoint, 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
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

        assertThat(again.items()).containsExactlyElementsOf(first.items());
        assertThat(again.next()).isEqualTo(first.next());
        assertThat(again.hasMore()).isEqualTo(first.hasMore());
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
            assertThat(page.items()).as("page %d", pages).hasSizeLessThanOrEqualTo(3);
            if (page.hasMore()) {
                assertThat(page.items()).as("a page with more after it, page %d", pages).isNotEmpty();
            }
            read.addAll(page.items());
            checkpoint = page.next();
        } while (page.hasMore() && ++pages < MAX_PAGES);

        assertThat(read).as("all pages together").containsExactlyElementsOf(changes);
    }

    /** An unknown checkpoint is refused with InvalidInputException. */
    @Test
    protected void anUnknownCheckpointIsInvalidInput() {
        put(newItem(0));

        assertThatThrownBy(() -> feed().changesSince(Checkpoint.of("tck-unknown-checkpoint"), 10))
                .isInstanceOf(InvalidInputException.class);
    }

    /** The feed was built against the current SPI. */
    @Test
    protected void declaresTheCurrentSpiVersion() {
        assertThat(feed().spiVersion()).isEqualTo(SpiVersion.CURRENT);
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

        assertThat(replayed).as("snapshot + pages vs the final state, seed %d", seed).isEqualTo(latest);
        Map<String, T> now = new LinkedHashMap<>();
        feed().snapshot().items().forEach(item -> now.put(keyOf(item), item));
        assertThat(now).as("a fresh snapshot, seed %d", seed).isEqualTo(latest);
    }
}
