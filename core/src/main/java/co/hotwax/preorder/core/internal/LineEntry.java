package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.spi.SupplyLine;

import java.util.Comparator;

/** A supply line as held in its pool, with the units the last allocation took from it. */
final class LineEntry {
    /** Allocation order of lines: (eta, lineId). */
    static final Comparator<LineEntry> ORDER = (a, b) -> {
        int c = a.line.eta().compareTo(b.line.eta());
        return c != 0 ? c : a.line.lineId().compareTo(b.line.lineId());
    };

    SupplyLine line;
    Pool pool;
    long allocated;

    LineEntry(SupplyLine line) {
        this.line = line;
    }

    /** Units still promisable after the allocation so far. */
    long free() {
        return line.promisable() - allocated;
    }

    /** P of this line: on-order units outside the buffer that no pre-order took. */
    long preorderable() {
        SupplyLine l = line;
        return Math.max(0, l.onOrder() - l.buffer() - Math.max(0, allocated - l.received()));
    }
}
