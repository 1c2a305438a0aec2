package co.hotwax.preorder.cli.csv.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A numbered, bounded history of changes. Version {@code n} is the state after the first {@code n} changes ever
 * recorded; the last {@code capacity} changes are kept, so a reader at any retained version can replay from there
 * as often as it likes.
 *
 * @param <T> the change type
 */
public final class ChangeLog<T> {
    private final int capacity;
    private final List<T> retained = new ArrayList<>();
    private long version;

    /**
     * Creates an empty log at version 0.
     *
     * @param capacity how many changes to keep, at least 1
     */
    public ChangeLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The latest version.
     *
     * @return the number of changes ever recorded
     */
    public long version() {
        return version;
    }

    /**
     * The oldest version a reader may still resume from.
     *
     * @return {@code version() - retained changes}
     */
    public long oldestVersion() {
        return version - retained.size();
    }

    /**
     * Records changes, dropping the oldest beyond capacity.
     *
     * @param changes the changes, in order
     */
    public void append(List<T> changes) {
        retained.addAll(changes);
        version += changes.size();
        if (retained.size() > capacity) {
            retained.subList(0, retained.size() - capacity).clear();
        }
    }

    /**
     * The changes after a version.
     *
     * @param from a version between {@link #oldestVersion()} and {@link #version()}
     * @param max the most changes to return
     * @return up to {@code max} changes, oldest first
     * @throws IllegalArgumentException when {@code from} is outside the retained range
     */
    public List<T> since(long from, int max) {
        if (from < oldestVersion() || from > version) {
            throw new IllegalArgumentException("version " + from + " is outside " + oldestVersion() + ".." + version);
        }
        int start = (int) (from - oldestVersion());
        return List.copyOf(retained.subList(start, (int) Math.min(retained.size(), (long) start + max)));
    }
}
