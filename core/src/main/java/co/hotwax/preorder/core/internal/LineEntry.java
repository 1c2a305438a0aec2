package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.spi.SupplyLine;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * A supply line as held in its pool, with the units the last allocation took from it. The quantities the allocator
 * and the line order read on every pass are copied out of the record, so a recompute or a binary search touches one
 * object per line instead of the entry, the record and its date.
 */
final class LineEntry {
    /** Allocation order of lines: (eta, lineId). */
    static final Comparator<LineEntry> ORDER = (a, b) -> {
        int c = Long.compare(a.etaDay, b.etaDay);
        return c != 0 ? c : a.lineId.compareTo(b.lineId);
    };

    /** A line's id for the book's index: its lineId. */
    static final EntryIndex.Ids<LineEntry> IDS = new EntryIndex.Ids<>() {
        @Override
        public String first(LineEntry entry) {
            return entry.lineId;
        }

        @Override
        public String second(LineEntry entry) {
            return null;
        }
    };

    /** The line's id and its hash, which never change: pins are resolved by them without reading the record. */
    final String lineId;
    final int idHash;
    SupplyLine line;
    Pool pool;
    long allocated;

    /** Copies of {@code line}'s values; kept in step by {@link #setLine}. */
    LocalDate eta;
    long etaDay;
    long received;
    long onOrder;
    long promisable;
    long buffer;

    LineEntry(SupplyLine line) {
        this.lineId = line.lineId();
        this.idHash = lineId.hashCode();
        setLine(line);
    }

    /** Replaces the record; the entry must not be in a pool's sorted list while its order key changes. */
    void setLine(SupplyLine line) {
        this.line = line;
        if (this.eta != line.eta()) {
            // Only when it differs: a reference store into an old object costs G1 card refinement.
            this.eta = line.eta();
        }
        this.etaDay = eta.toEpochDay();
        this.received = line.received();
        this.onOrder = line.onOrder();
        this.promisable = line.promisable();
        this.buffer = line.buffer();
    }

    /** Whether the record equals the one held; the copied quantities settle most calls without reading it. */
    boolean holds(SupplyLine other) {
        return other.received() == received && other.onOrder() == onOrder && other.buffer() == buffer
                && line.equals(other);
    }

    /** Whether the record sorts where the held one does (same eta; the lineId is the entry's own). */
    boolean samePlaceAs(SupplyLine other) {
        return other.eta().toEpochDay() == etaDay;
    }

    /** Promisable units the allocation so far left, received or on order; negative counts as none. */
    long unitsLeft() {
        return promisable - allocated;
    }

    /**
     * Received units the allocation so far left: the line's units are taken from the front, and its received units
     * are the front (the buffer comes off the end); negative counts as none.
     */
    long receivedLeft() {
        return Math.min(received, promisable) - allocated;
    }

    /** P of this line: on-order units outside the buffer that no pre-order took. */
    long preorderable() {
        return Math.max(0, onOrder - buffer - Math.max(0, allocated - received));
    }
}
