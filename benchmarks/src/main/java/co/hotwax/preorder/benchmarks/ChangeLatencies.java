package co.hotwax.preorder.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Time from an OMS call to Shopify reflecting it, per change, by the definition of {@link SyncLatencyHarness}:
 * a change is called ({@link #called}), enters the book when the engine's next {@code PoolChanged} for its SKU
 * fires ({@link #poolChanged}), and is reflected when a publish call that started after that moment returns
 * APPLIED for the SKU ({@link #published}); its latency is that return time minus the call time. A change that
 * left the desired state as it was is reflected when it entered the book: the engine checked it and had nothing
 * to publish.
 *
 * <p>Thread-safe: the load thread calls {@link #called}, the engine's loop thread the other two.
 */
final class ChangeLatencies {
    private final LongSupplier nanoTime;
    private final Map<String, ArrayDeque<Change>> pending = new HashMap<>();
    private final Map<String, List<Long>> latencies = new java.util.TreeMap<>();
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    private long unchanged;
    private boolean recording;

    /** @param nanoTime the monotonic time source, e.g. {@code System::nanoTime} */
    ChangeLatencies(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @param on whether calls from now on are measured (calls outside the window are not) */
    synchronized void recording(boolean on) {
        this.recording = on;
    }

    /**
     * Notes an OMS call about a SKU, made right now (call it just before the engine method).
     *
     * @param sku the SKU the call changes
     * @param kind what kind of change, for the report
     * @param movesOpenOrders whether it changes this shop's open orders (always part of the desired state)
     */
    synchronized void called(String sku, String kind, boolean movesOpenOrders) {
        if (recording) {
            pending.computeIfAbsent(sku, k -> new ArrayDeque<>()).add(new Change(nanoTime.getAsLong(), kind, movesOpenOrders));
        }
    }

    /**
     * The book changed something a desired state is made of (P, listed, the promise date) for a SKU; the next
     * {@link #poolChanged} of the SKU closes the command.
     *
     * @param sku the SKU
     */
    synchronized void stateChanged(String sku) {
        touched.add(sku);
    }

    /**
     * The book applied changes of a SKU: every call about it made until now has entered the book. A change that
     * moved neither the SKU's desired state nor this shop's open orders needs no publish: the engine checked it
     * against what the store shows and found nothing to do, so it is reflected now.
     *
     * @param sku the pool's SKU
     */
    synchronized void poolChanged(String sku) {
        boolean stateMoved = touched.remove(sku);
        ArrayDeque<Change> changes = pending.get(sku);
        if (changes == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        for (Iterator<Change> it = changes.iterator(); it.hasNext(); ) {
            Change c = it.next();
            if (c.entered < 0 && c.called <= now) {
                c.entered = now;
                if (!stateMoved && !c.movesOpenOrders) {
                    latencies.computeIfAbsent(c.kind, k -> new ArrayList<>()).add(now - c.called);
                    unchanged++;
                    it.remove();
                }
            }
        }
        if (changes.isEmpty()) {
            pending.remove(sku);
        }
    }

    /** @return changes reflected without a publish because they left the desired state as it was */
    synchronized long unchanged() {
        return unchanged;
    }

    /**
     * A publish call returned APPLIED for a SKU: the changes that entered the book before the call started are
     * reflected now.
     *
     * @param sku the SKU
     * @param started when the publish call started
     * @param ended when it returned
     */
    synchronized void published(String sku, long started, long ended) {
        ArrayDeque<Change> changes = pending.get(sku);
        if (changes == null) {
            return;
        }
        for (Iterator<Change> it = changes.iterator(); it.hasNext(); ) {
            Change c = it.next();
            if (c.entered >= 0 && c.entered < started) {
                latencies.computeIfAbsent(c.kind, k -> new ArrayList<>()).add(ended - c.called);
                it.remove();
            }
        }
        if (changes.isEmpty()) {
            pending.remove(sku);
        }
    }

    /** @return changes measured and not yet reflected */
    synchronized long unreflected() {
        return pending.values().stream().mapToLong(ArrayDeque::size).sum();
    }

    /** @return of the unreflected changes, those whose PoolChanged never fired */
    synchronized long neverEntered() {
        return pending.values().stream().flatMap(ArrayDeque::stream).filter(c -> c.entered < 0).count();
    }

    /** @return the unreflected changes counted by kind */
    synchronized Map<String, Long> unreflectedByKind() {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        pending.values().stream().flatMap(ArrayDeque::stream).forEach(c -> byKind.merge(c.kind, 1L, Long::sum));
        return byKind;
    }

    /** @return the reflected changes' latencies in nanoseconds, sorted */
    synchronized long[] sortedLatencies() {
        long[] sorted = latencies.values().stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** @return per kind of change, its reflected latencies in nanoseconds, sorted */
    synchronized Map<String, long[]> sortedLatenciesByKind() {
        Map<String, long[]> byKind = new java.util.TreeMap<>();
        latencies.forEach((kind, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            byKind.put(kind, sorted);
        });
        return byKind;
    }

    /**
     * The nearest-rank percentile.
     *
     * @param sorted sorted values, not empty
     * @param percent {@code 0 < percent <= 100}
     * @return the smallest value with at least {@code percent}% of the values at or below it
     */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * Prints a label and the p50, p90, p99 and max of sorted latencies, in milliseconds.
     *
     * @param label what was measured
     * @param sorted latencies in nanoseconds, sorted
     */
    static void print(String label, long[] sorted) {
        if (sorted.length == 0) {
            System.out.println(label + ": no change reflected");
            return;
        }
        System.out.printf("%s over %,d changes: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", label, sorted.length,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long millis(long nanos) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static final class Change {
        final long called;
        final String kind;
        final boolean movesOpenOrders;
        long entered = -1;

        Change(long called, String kind, boolean movesOpenOrders) {
            this.called = called;
            this.kind = kind;
            this.movesOpenOrders = movesOpenOrders;
        }
    }
}
