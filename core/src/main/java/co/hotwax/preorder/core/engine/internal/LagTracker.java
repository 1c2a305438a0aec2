package co.hotwax.preorder.core.engine.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The times at which still-unpublished changes were first seen, as a multiset, so the age of the oldest one is
 * known in O(log n) without scanning every pending pool.
 */
public final class LagTracker {
    private final TreeMap<Long, int[]> counts = new TreeMap<>();

    /**
     * Records a change first seen at a time.
     *
     * @param millis when, by the engine's clock
     */
    public void add(long millis) {
        counts.computeIfAbsent(millis, k -> new int[1])[0]++;
    }

    /**
     * Forgets a change recorded with {@link #add}.
     *
     * @param millis the time it was added with
     */
    public void remove(long millis) {
        int[] c = counts.get(millis);
        if (c != null && --c[0] == 0) {
            counts.remove(millis);
        }
    }

    /**
     * The oldest recorded time.
     *
     * @return the earliest time, or -1 when none is recorded
     */
    public long oldest() {
        Map.Entry<Long, int[]> first = counts.firstEntry();
        return first == null ? -1 : first.getKey();
    }
}
