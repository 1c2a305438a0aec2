package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.spi.PreOrderStatus;

import java.util.Arrays;

/**
 * A pool's pre-orders in time order, each with a row of the values the allocator and the event diff read and write
 * on every recompute: the inputs (quantity, status, pin) and the outcome (units covered, promise day, category),
 * now and as it was before the current call. Row {@code i} belongs to entry {@code i}, whose {@code slot} is
 * {@code i}.
 *
 * <p>The rows are one flat {@code long[]} (structure of arrays) rather than fields of each {@link OrderEntry}: a
 * recompute then reads a few adjacent cache lines instead of one object scattered over the heap per pre-order,
 * which was the main cost of an event on a catalog larger than the CPU cache. This class is the only code that
 * knows the layout; everyone else goes through the named accessors, which the JIT inlines.
 *
 * <p>{@link Pool} extends this class rather than holding an instance: a recompute then finds the rows' array through
 * the pool object it has already loaded. A separate object between the two was one more dependent cache miss per
 * event: with it the event rate was 12 % lower, without it back at its level before (BENCHMARKS.md, "Issue 18").
 */
abstract class OrderRows {
    /** Longs per row. */
    static final int STRIDE = 6;

    private static final int QUANTITY = 0;
    private static final int COVERED = 1;
    private static final int PROMISE_DAY = 2;
    private static final int PREVIOUS_COVERED = 3;
    private static final int PREVIOUS_PROMISE_DAY = 4;
    /**
     * Bits 0-7: the status ordinal; bit 8: pinned; bits 16-23: the category; bits 24-31: the category before the
     * call; bits 32-63: the hash of the pinned line's id.
     */
    private static final int FLAGS = 5;

    private static final long STATUS_BITS = 0xFFL;
    private static final long PINNED = 1L << 8;
    private static final int CATEGORY_SHIFT = 16;
    private static final int PREVIOUS_CATEGORY_SHIFT = 24;
    private static final int PIN_HASH_SHIFT = 32;
    /** The bits {@link #loadInputs} owns; the outcome bits (categories) survive it. */
    private static final long INPUT_BITS = STATUS_BITS | PINNED | 0xFFFF_FFFFL << PIN_HASH_SHIFT;

    private static final int CANCELLED = PreOrderStatus.CANCELLED.ordinal();
    private static final int RELEASED = PreOrderStatus.RELEASED.ordinal();
    private static final int RETURNED = PreOrderStatus.RETURNED.ordinal();

    private OrderEntry[] entries = new OrderEntry[4];
    private long[] rows = new long[4 * STRIDE];
    private int size;

    /**
     * A buffer that holds one row while its pre-order moves between pools ({@link #remove}, then {@link #insert}).
     *
     * @return a new buffer
     */
    static long[] rowBuffer() {
        return new long[STRIDE];
    }

    /** @return the number of pre-orders */
    int size() {
        return size;
    }

    /** @return the entry of row {@code i} */
    OrderEntry entry(int i) {
        return entries[i];
    }

    // ---------------------------------------------------------------- inputs

    /** @return units ordered */
    long quantity(int i) {
        return rows[i * STRIDE + QUANTITY];
    }

    /** @return whether the pre-order holds supply (it is not cancelled) */
    boolean holdsSupply(int i) {
        return statusOrdinal(i) != CANCELLED;
    }

    /** @return whether the pre-order was released to fulfilment (released, or returned after that) */
    boolean wasReleased(int i) {
        int s = statusOrdinal(i);
        return s == RELEASED || s == RETURNED;
    }

    /** @return whether the pre-order is pinned to a line */
    boolean isPinned(int i) {
        return (rows[i * STRIDE + FLAGS] & PINNED) != 0;
    }

    /** @return the hash of the pinned line's id; meaningful only when {@link #isPinned} */
    int pinHash(int i) {
        return (int) (rows[i * STRIDE + FLAGS] >>> PIN_HASH_SHIFT);
    }

    private int statusOrdinal(int i) {
        return (int) (rows[i * STRIDE + FLAGS] & STATUS_BITS);
    }

    /**
     * Copies an entry's inputs (quantity, status, pin) into its row, after they changed in place.
     *
     * @param e an entry of this pool
     */
    void loadInputs(OrderEntry e) {
        int b = e.slot * STRIDE;
        rows[b + QUANTITY] = e.quantity;
        String pin = e.pinnedLineId;
        long inputs = e.status.ordinal() | (pin == null ? 0 : PINNED | (long) pin.hashCode() << PIN_HASH_SHIFT);
        rows[b + FLAGS] = rows[b + FLAGS] & ~INPUT_BITS | inputs;
    }

    // ---------------------------------------------------------------- outcome

    /** @return units covered by the allocation */
    long covered(int i) {
        return rows[i * STRIDE + COVERED];
    }

    /** @return units not covered yet: {@code quantity - covered} */
    long missing(int i) {
        int b = i * STRIDE;
        return rows[b + QUANTITY] - rows[b + COVERED];
    }

    /** @return the latest ETA among the units covered, as an epoch day; {@link OrderEntry#NO_DAY} when none */
    long promiseDay(int i) {
        return rows[i * STRIDE + PROMISE_DAY];
    }

    /**
     * Covers units of a line: the promise day becomes the line's ETA when that is later.
     *
     * @param units units taken, {@code > 0}
     * @param etaDay the line's ETA as an epoch day
     */
    void take(int i, long units, long etaDay) {
        int b = i * STRIDE;
        rows[b + COVERED] += units;
        if (etaDay > rows[b + PROMISE_DAY]) {
            rows[b + PROMISE_DAY] = etaDay;
        }
    }

    /** Forgets the promise day: a pre-order that is not fully covered has none. */
    void dropPromise(int i) {
        rows[i * STRIDE + PROMISE_DAY] = OrderEntry.NO_DAY;
    }

    /** @return the category ({@link OrderEntry#COVERED} etc.) as of the last recompute */
    byte category(int i) {
        return (byte) (rows[i * STRIDE + FLAGS] >>> CATEGORY_SHIFT);
    }

    /** Sets the category of the recompute in progress. */
    void setCategory(int i, byte category) {
        int b = i * STRIDE;
        rows[b + FLAGS] = rows[b + FLAGS] & ~(0xFFL << CATEGORY_SHIFT) | (category & 0xFFL) << CATEGORY_SHIFT;
    }

    /**
     * Starts a recompute of row {@code i}: the outcome becomes the one before the call (for the event diff) and is
     * cleared: nothing covered, no promise day.
     */
    void rollToPrevious(int i) {
        int b = i * STRIDE;
        keepAsPrevious(b);
        rows[b + COVERED] = 0;
        rows[b + PROMISE_DAY] = OrderEntry.NO_DAY;
    }

    /** For a call that changes no allocation: every row's outcome before the call is its current one. */
    void keepOutcomesAsPrevious() {
        for (int b = 0, end = size * STRIDE; b < end; b += STRIDE) {
            keepAsPrevious(b);
        }
    }

    private void keepAsPrevious(int b) {
        long flags = rows[b + FLAGS];
        rows[b + PREVIOUS_COVERED] = rows[b + COVERED];
        rows[b + PREVIOUS_PROMISE_DAY] = rows[b + PROMISE_DAY];
        rows[b + FLAGS] = flags & ~(0xFFL << PREVIOUS_CATEGORY_SHIFT)
                | (flags >>> CATEGORY_SHIFT & 0xFFL) << PREVIOUS_CATEGORY_SHIFT;
    }

    /** @return the category before the call */
    byte previousCategory(int i) {
        return (byte) (rows[i * STRIDE + FLAGS] >>> PREVIOUS_CATEGORY_SHIFT);
    }

    /** @return units covered before the call */
    long previousCovered(int i) {
        return rows[i * STRIDE + PREVIOUS_COVERED];
    }

    /** @return the promise day before the call */
    long previousPromiseDay(int i) {
        return rows[i * STRIDE + PREVIOUS_PROMISE_DAY];
    }

    /** @return whether the category, the units covered or the promise day differ from before the call */
    boolean outcomeChanged(int i) {
        int b = i * STRIDE;
        long flags = rows[b + FLAGS];
        return (flags >>> CATEGORY_SHIFT & 0xFFL) != (flags >>> PREVIOUS_CATEGORY_SHIFT & 0xFFL)
                || rows[b + COVERED] != rows[b + PREVIOUS_COVERED]
                || rows[b + PROMISE_DAY] != rows[b + PREVIOUS_PROMISE_DAY];
    }

    /**
     * Sets the outcome before the call to that of the same pre-order in a previous state of the book.
     *
     * @param category its category then
     * @param covered units covered then
     * @param promiseDay its promise day then
     */
    void setPrevious(int i, byte category, long covered, long promiseDay) {
        int b = i * STRIDE;
        rows[b + FLAGS] = rows[b + FLAGS] & ~(0xFFL << PREVIOUS_CATEGORY_SHIFT)
                | (category & 0xFFL) << PREVIOUS_CATEGORY_SHIFT;
        rows[b + PREVIOUS_COVERED] = covered;
        rows[b + PREVIOUS_PROMISE_DAY] = promiseDay;
    }

    // ---------------------------------------------------------------- membership

    /**
     * Inserts a pre-order in time order, with the outcome it had before the call.
     *
     * @param e the entry, in no pool
     * @param moved the row {@link #remove} saved when the entry moves from another pool; null for a pre-order new
     *              to the book (nothing covered, no date, {@link OrderEntry#ABSENT} before and now)
     */
    void insert(OrderEntry e, long[] moved) {
        int i = Arrays.binarySearch(entries, 0, size, e, OrderEntry.ORDER);
        i = i < 0 ? -i - 1 : i;
        ensureCapacity(size + 1);
        System.arraycopy(entries, i, entries, i + 1, size - i);
        System.arraycopy(rows, i * STRIDE, rows, (i + 1) * STRIDE, (size - i) * STRIDE);
        entries[i] = e;
        size++;
        renumberFrom(i);
        if (moved == null) {
            newRow(i);
        } else {
            System.arraycopy(moved, 0, rows, i * STRIDE, STRIDE);
        }
        loadInputs(e);
    }

    /**
     * Removes a pre-order; must be called while the entry still holds the values it was inserted with.
     *
     * @param e the entry, in this pool
     * @param saveTo receives the entry's row (a {@link #rowBuffer()}), for {@link #insert} into its new pool
     * @return false when the entry is not here
     */
    boolean remove(OrderEntry e, long[] saveTo) {
        int i = Arrays.binarySearch(entries, 0, size, e, OrderEntry.ORDER);
        if (i < 0 || entries[i] != e) {
            return false;
        }
        System.arraycopy(rows, i * STRIDE, saveTo, 0, STRIDE);
        size--;
        System.arraycopy(entries, i + 1, entries, i, size - i);
        entries[size] = null;
        System.arraycopy(rows, (i + 1) * STRIDE, rows, i * STRIDE, (size - i) * STRIDE);
        renumberFrom(i);
        return true;
    }

    /**
     * Appends a pre-order during a bulk load, out of order; {@link #sortAndLoad()} must follow.
     *
     * @param e the entry
     */
    void append(OrderEntry e) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size + (size >> 1) + 1);
        }
        entries[size++] = e;
    }

    /** Sorts the entries once after a bulk load and fills their rows (new to the book: nothing covered yet). */
    void sortAndLoad() {
        Arrays.sort(entries, 0, size, OrderEntry.ORDER);
        rows = new long[Math.max(1, size) * STRIDE];
        for (int i = 0; i < size; i++) {
            OrderEntry e = entries[i];
            e.slot = i;
            newRow(i);
            loadInputs(e);
        }
    }

    /** The outcome row of a pre-order new to the book; the inputs are loaded after. */
    private void newRow(int i) {
        int b = i * STRIDE;
        rows[b + COVERED] = 0;
        rows[b + PROMISE_DAY] = OrderEntry.NO_DAY;
        rows[b + PREVIOUS_COVERED] = 0;
        rows[b + PREVIOUS_PROMISE_DAY] = OrderEntry.NO_DAY;
        rows[b + FLAGS] = (OrderEntry.ABSENT & 0xFFL) << CATEGORY_SHIFT
                | (OrderEntry.ABSENT & 0xFFL) << PREVIOUS_CATEGORY_SHIFT;
    }

    private void ensureCapacity(int n) {
        if (entries.length < n) {
            entries = Arrays.copyOf(entries, Math.max(n, entries.length * 2));
        }
        if (rows.length < n * STRIDE) {
            rows = Arrays.copyOf(rows, Math.max(n * STRIDE, rows.length * 2));
        }
    }

    private void renumberFrom(int from) {
        for (int i = from; i < size; i++) {
            entries[i].slot = i;
        }
    }
}
