package co.hotwax.preorder.core.engine.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feed polls, failed polls and which feeds failed their latest poll. Written by the thread that polls, read from
 * any thread.
 */
public final class FeedCounters {
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> failingNow = ConcurrentHashMap.newKeySet();

    /**
     * A feed answered a poll.
     *
     * @param feed the feed's name, e.g. {@code "supply source #1"}
     */
    public void polled(String feed) {
        polls.incrementAndGet();
        failingNow.remove(feed);
    }

    /**
     * A feed's poll failed.
     *
     * @param feed the feed's name
     */
    public void failed(String feed) {
        polls.incrementAndGet();
        failures.incrementAndGet();
        failingNow.add(feed);
    }

    /**
     * Polls made.
     *
     * @return the counter
     */
    public long polls() {
        return polls.get();
    }

    /**
     * Polls that failed.
     *
     * @return the counter
     */
    public long failures() {
        return failures.get();
    }

    /**
     * The feeds whose latest poll failed.
     *
     * @return a copy
     */
    public Set<String> failingNow() {
        return Set.copyOf(failingNow);
    }
}
