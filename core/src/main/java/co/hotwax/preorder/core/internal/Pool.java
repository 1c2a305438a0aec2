package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;

/**
 * One pool's inputs (lines in (eta, lineId) order, pre-orders in time order, physical ATP) and its last computed
 * outcome, plus the outcome as it was before the current call so the call's events can be derived by a diff. The
 * pre-orders and their rows are the inherited {@link OrderRows}.
 */
final class Pool extends OrderRows {
    final PoolKey key;
    /**
     * The key's parts, copied: an upsert checks that the entry stays in its pool by comparing them, and the copy
     * spares reading the key object, one more dependent cache miss on every event.
     */
    final String sku;
    final String facilityId;
    /**
     * The SKU's characters packed 8 bits each into three longs, or {@link #skuLength} -1 when it is longer than 24
     * characters or has one above U+00FF. An upsert compares the given SKU with these (in the pool object it reads
     * anyway) instead of with the SKU string, whose object and byte array are two more dependent cache misses:
     * JFR put a fifth of the event samples in that compare.
     */
    private final long skuA;
    private final long skuB;
    private final long skuC;
    private final int skuLength;
    final ArrayList<LineEntry> lines = new ArrayList<>(2);
    long physicalAtp;

    long preorderable;
    long onOrder;
    long promisable;
    long allocated;
    boolean listed;
    boolean etaStale;
    /** ETA of the line the next unit would come from, null when P is 0. */
    LocalDate nextEta;
    /**
     * {@link #nextEta} as an epoch day, {@link OrderEntry#NO_DAY} when null: staleness and the event diff compare
     * it without reading the date object, which sits in some line's record far away in the heap.
     */
    long nextEtaDay = OrderEntry.NO_DAY;
    String delistReason = PoolState.REASON_NO_UNITS;

    private long prevPreorderable;
    private long prevOnOrder;
    private long prevPromisable;
    private long prevAllocated;
    private long prevPhysicalAtp;
    private boolean prevListed;
    private boolean prevEtaStale;
    private LocalDate prevNextEta;
    private long prevNextEtaDay = OrderEntry.NO_DAY;

    Pool(PoolKey key) {
        this.key = key;
        this.sku = key.sku();
        this.facilityId = key.facilityId();
        long[] packed = new long[3];
        this.skuLength = pack(sku, packed) ? sku.length() : -1;
        this.skuA = packed[0];
        this.skuB = packed[1];
        this.skuC = packed[2];
    }

    /**
     * Whether a SKU is this pool's.
     *
     * @param other a SKU, not null
     * @return whether it equals {@link #sku}
     */
    boolean hasSku(String other) {
        if (skuLength < 0) {
            return sku.equals(other);
        }
        if (other.length() != skuLength) {
            return false;
        }
        long a = 0;
        long b = 0;
        long c = 0;
        for (int i = 0; i < skuLength; i++) {
            char ch = other.charAt(i);
            if (ch > 0xFF) {
                return false;
            }
            long v = (long) ch << ((i & 7) << 3);
            if (i < 8) {
                a |= v;
            } else if (i < 16) {
                b |= v;
            } else {
                c |= v;
            }
        }
        return a == skuA && b == skuB && c == skuC;
    }

    /** Packs up to 24 characters of at most U+00FF into three longs; false when the string does not fit. */
    private static boolean pack(String s, long[] into) {
        if (s.length() > 24) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch > 0xFF) {
                return false;
            }
            into[i >> 3] |= (long) ch << ((i & 7) << 3);
        }
        return true;
    }

    boolean isEmpty() {
        return lines.isEmpty() && size() == 0;
    }

    /**
     * Remembers the pool's outcome as the one before the current call. Its pre-orders remember theirs when the
     * recompute clears them ({@link OrderRows#rollToPrevious}), which saves a pass.
     */
    void capturePrev() {
        capturePrevFrom(this);
    }

    /** For a call that changes no allocation: every pre-order's previous outcome is its current one. */
    void keepOrdersPrev() {
        keepOutcomesAsPrevious();
    }

    /** Takes another pool's current outcome (the same pool in a previous state) as the one before the call. */
    void capturePrevFrom(Pool old) {
        prevPreorderable = old.preorderable;
        prevOnOrder = old.onOrder;
        prevPromisable = old.promisable;
        prevAllocated = old.allocated;
        prevPhysicalAtp = old.physicalAtp;
        prevListed = old.listed;
        prevEtaStale = old.etaStale;
        prevNextEtaDay = old.nextEtaDay;
        if (prevNextEta != old.nextEta) {
            // Reference stores only on change: each one into an old object costs G1 card refinement.
            prevNextEta = old.nextEta;
        }
    }

    long prevPreorderable() {
        return prevPreorderable;
    }

    boolean prevListed() {
        return prevListed;
    }

    LocalDate prevNextEta() {
        return prevNextEta;
    }

    /** Whether the next ETA differs from the one before the call. */
    boolean nextEtaChanged() {
        return prevNextEtaDay != nextEtaDay;
    }

    boolean summaryChanged() {
        return prevPreorderable != preorderable || prevOnOrder != onOrder || prevPromisable != promisable
                || prevAllocated != allocated || prevPhysicalAtp != physicalAtp || prevListed != listed
                || prevEtaStale != etaStale || prevNextEtaDay != nextEtaDay;
    }

    void insertLine(LineEntry e) {
        int i = Collections.binarySearch(lines, e, LineEntry.ORDER);
        lines.add(i < 0 ? -i - 1 : i, e);
        e.pool = this;
    }

    /** Removes a line; must be called while the entry still holds the record it was inserted with. */
    void removeLine(LineEntry e) {
        int i = Collections.binarySearch(lines, e, LineEntry.ORDER);
        if (i < 0 || lines.get(i) != e) {
            throw new IllegalStateException("line " + e.line.lineId() + " is not in pool " + key);
        }
        lines.remove(i);
        e.pool = null;
    }

    /**
     * Inserts a pre-order in time order, with the outcome it had before the call.
     *
     * @param e the entry, in no pool
     * @param moved the row {@link #removeOrder} saved when the entry moves from another pool; null for a pre-order
     *              new to the book
     */
    void insertOrder(OrderEntry e, long[] moved) {
        e.pool = this;
        insert(e, moved);
    }

    /**
     * Removes a pre-order; must be called while the entry still holds the record it was inserted with.
     *
     * @param e the entry, in this pool
     * @param saveTo receives the entry's row ({@link OrderRows#rowBuffer()}), for {@link #insertOrder} into its new
     *               pool
     */
    void removeOrder(OrderEntry e, long[] saveTo) {
        if (!remove(e, saveTo)) {
            throw new IllegalStateException("pre-order " + e.key() + " is not in pool " + key);
        }
        e.pool = null;
    }

    /**
     * Adds a pre-order during a bulk load, out of order; {@link #sortAll()} must follow.
     *
     * @param e the entry, in no pool
     */
    void appendOrder(OrderEntry e) {
        append(e);
        e.pool = this;
    }

    /** Sorts lines and pre-orders once after a bulk load. */
    void sortAll() {
        lines.sort(LineEntry.ORDER);
        sortAndLoad();
    }

    /** Whether this pool holds exactly the same inputs as another (same records in the same order, same ATP). */
    boolean sameInputs(Pool other) {
        if (other == null || physicalAtp != other.physicalAtp || lines.size() != other.lines.size()
                || size() != other.size()) {
            return false;
        }
        for (int i = 0, n = lines.size(); i < n; i++) {
            if (!lines.get(i).line.equals(other.lines.get(i).line)) {
                return false;
            }
        }
        for (int i = 0, n = size(); i < n; i++) {
            if (!entry(i).sameValues(other.entry(i))) {
                return false;
            }
        }
        return true;
    }
}
