package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * A pre-order as held in its pool: its ids, the record's values and its place (pool and slot). Its outcome (the units
 * the last allocation covered, the latest ETA among them, and both as they were before the pool's last recompute,
 * for the event diff) lives in the pool's row at {@link #slot}, next to the copies of the inputs the allocator reads,
 * so a recompute reads the pool's rows and not one object per pre-order.
 *
 * <p>The entry keeps the record's values, not the record: the record, its {@code Instant} and its copy of the SKU
 * string (the pool's key has it) would cost about 130 bytes per pre-order once the caller drops its records.
 */
final class OrderEntry {
    /** Time order of pre-orders: (placedAt, orderId, lineId). */
    static final Comparator<OrderEntry> ORDER = (a, b) -> {
        int c = Long.compare(a.placedSecond, b.placedSecond);
        if (c == 0) {
            c = Integer.compare(a.placedNano, b.placedNano);
        }
        if (c != 0) {
            return c;
        }
        c = a.orderId.compareTo(b.orderId);
        return c != 0 ? c : a.lineId.compareTo(b.lineId);
    };

    /** A pre-order's id for the book's index: (orderId, lineId). */
    static final EntryIndex.Ids<OrderEntry> IDS = new EntryIndex.Ids<>() {
        @Override
        public String first(OrderEntry entry) {
            return entry.orderId;
        }

        @Override
        public String second(OrderEntry entry) {
            return entry.lineId;
        }
    };

    /** No promise day: the pre-order is not fully covered; below every real day. */
    static final long NO_DAY = Long.MIN_VALUE;

    /** Not in the book before the call. */
    static final byte ABSENT = 0;
    /** Holds no supply (cancelled). */
    static final byte INACTIVE = 1;
    /** Holds supply but not all of its quantity is allocated. */
    static final byte UNCOVERED = 2;
    /** Fully allocated. */
    static final byte COVERED = 3;

    String orderId;
    String lineId;
    /** Shared among entries (few distinct channels), see {@code BookState}. */
    String channel;
    String facilityId;
    long quantity;
    PreOrderStatus status;
    String pinnedLineId;
    /** {@code placedAt} as its two fields, so the time order reads no other object. */
    long placedSecond;
    int placedNano;
    Pool pool;

    /**
     * Index of the entry in its pool's orders and rows. The entry's outcome (covered units, promise day, category,
     * and their values before the call) lives only in that row: between calls every entry is in a pool, and during a
     * move the book carries the row from one pool to the other ({@link Pool#removeOrder}). Keeping no copy here
     * makes the entry 64 bytes instead of 104, about 110 MB less for 2.8 million pre-orders.
     */
    int slot;

    OrderEntry(PreOrder order, String channel) {
        this.orderId = order.orderId();
        this.lineId = order.lineId();
        setOrder(order, channel);
    }

    /**
     * Takes the record's values (its ids are the entry's already); the entry must not be in a pool's sorted list
     * while its time order changes. References are stored only when they differ: each store into an old object
     * dirties a G1 card that a refinement thread must scan.
     *
     * @param order the record
     * @param channel the record's channel, or an equal shared string
     */
    void setOrder(PreOrder order, String channel) {
        if (this.channel != channel) {
            this.channel = channel;
        }
        if (this.facilityId != order.facilityId()) {
            this.facilityId = order.facilityId();
        }
        if (this.status != order.status()) {
            this.status = order.status();
        }
        if (this.pinnedLineId != order.pinnedLineId()) {
            this.pinnedLineId = order.pinnedLineId();
        }
        this.quantity = order.quantity();
        this.placedSecond = order.placedAt().getEpochSecond();
        this.placedNano = order.placedAt().getNano();
        if (pool != null) {
            pool.loadInputs(this);
        }
    }

    /** Whether the record equals the one held; the copied values settle most calls without reading it. */
    boolean holds(PreOrder other) {
        return other.quantity() == quantity && other.status() == status && samePlaceAs(other)
                && orderId.equals(other.orderId()) && lineId.equals(other.lineId())
                && pool.hasSku(other.sku()) && channel.equals(other.channel())
                && Objects.equals(pinnedLineId, other.pinnedLineId()) && Objects.equals(facilityId, other.facilityId());
    }

    /** Whether another entry holds the same values (the same record), both in pools with equal keys. */
    boolean sameValues(OrderEntry other) {
        return quantity == other.quantity && status == other.status && placedSecond == other.placedSecond
                && placedNano == other.placedNano && orderId.equals(other.orderId) && lineId.equals(other.lineId)
                && channel.equals(other.channel) && Objects.equals(pinnedLineId, other.pinnedLineId)
                && Objects.equals(facilityId, other.facilityId);
    }


    /** Whether the record sorts where the held one does (same placedAt; the ids are the entry's own). */
    boolean samePlaceAs(PreOrder other) {
        Instant at = other.placedAt();
        return at.getEpochSecond() == placedSecond && at.getNano() == placedNano;
    }

    /**
     * Changes the status in place (the time order does not depend on it).
     *
     * @param status the new status
     */
    void setStatus(PreOrderStatus status) {
        this.status = status;
        if (pool != null) {
            pool.loadInputs(this);
        }
    }

    /** Units covered by the last recompute; the entry must be in a pool. */
    long covered() {
        return pool.covered(slot);
    }

    /** Latest ETA of the allocations as an epoch day, {@link #NO_DAY} when not fully covered; in a pool. */
    long promiseDay() {
        return pool.promiseDay(slot);
    }

    /** The category as of the last recompute ({@link #ABSENT} before the first); in a pool. */
    byte category() {
        return pool.category(slot);
    }

    /** Takes the outcome of the same pre-order from a previous state as the one before the call. */
    void capturePrevFrom(OrderEntry old) {
        pool.setPrevious(slot, old.category(), old.covered(), old.promiseDay());
    }

    /**
     * The date of an epoch day.
     *
     * @param day the day, or {@link #NO_DAY}
     * @return the date, or null
     */
    static LocalDate date(long day) {
        return day == NO_DAY ? null : LocalDate.ofEpochDay(day);
    }

    String key() {
        return orderId + "/" + lineId;
    }
}
