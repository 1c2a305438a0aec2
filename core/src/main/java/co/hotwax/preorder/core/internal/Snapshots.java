package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.Allocation;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.PreOrderState;
import co.hotwax.preorder.spi.PreOrderStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Builds the immutable snapshots ({@link PoolState}, {@link PreOrderState}) that queries return. */
final class Snapshots {
    private Snapshots() {
    }

    static PoolState pool(Pool pool, EventEmitter dates) {
        TreeMap<String, Long> byChannel = new TreeMap<>();
        ArrayList<String> uncovered = new ArrayList<>();
        OrderRows orders = pool;
        for (int i = orders.size() - 1; i >= 0; i--) {
            OrderEntry o = orders.entry(i);
            if (o.status == PreOrderStatus.OPEN) {
                byChannel.merge(o.channel, o.quantity, Long::sum);
            }
            if (orders.category(i) == OrderEntry.UNCOVERED) {
                uncovered.add(o.key());
            }
        }
        return new PoolState(pool.key.sku(), pool.key.facilityId(), pool.preorderable, pool.onOrder,
                pool.promisable, pool.allocated, pool.physicalAtp, pool.listed, pool.etaStale,
                dates.promise(pool.nextEta), pool.delistReason, byChannel, uncovered);
    }

    /**
     * A pre-order's snapshot; its allocations are those the last recompute of its pool produced.
     *
     * @param o the pre-order
     * @param allocations its allocations, in line order
     * @param dates turns ETAs into promise dates
     */
    static PreOrderState preOrder(OrderEntry o, List<Allocation> allocations, EventEmitter dates) {
        LocalDate promise = o.category() == OrderEntry.COVERED ? dates.promise(OrderEntry.date(o.promiseDay())) : null;
        return new PreOrderState(o.orderId, o.lineId, o.pool.key.sku(), o.pool.key.facilityId(), o.status,
                o.quantity, o.covered(), promise, allocations);
    }

    /**
     * Merges the takes of one pre-order into allocations in (eta, lineId) order.
     *
     * @param lines the lines taken from, in take order
     * @param quantities the units taken, parallel to {@code lines}
     * @return the allocations
     */
    static List<Allocation> allocations(List<LineEntry> lines, List<Long> quantities) {
        ArrayList<Integer> order = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> LineEntry.ORDER.compare(lines.get(a), lines.get(b)));
        ArrayList<Allocation> out = new ArrayList<>(lines.size());
        LineEntry last = null;
        long sum = 0;
        for (int idx : order) {
            LineEntry line = lines.get(idx);
            if (line != last && last != null) {
                out.add(allocation(last, sum));
                sum = 0;
            }
            last = line;
            sum += quantities.get(idx);
        }
        if (last != null) {
            out.add(allocation(last, sum));
        }
        return out;
    }

    private static Allocation allocation(LineEntry line, long quantity) {
        return new Allocation(line.line.lineId(), line.line.poId(), quantity, line.eta);
    }
}
