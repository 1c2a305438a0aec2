package co.hotwax.preorder.shopify.internal;

import java.time.Duration;

/**
 * What is left of one call's waiting. Every wait a server's answers cause inside one
 * {@link ShopifyClient#execute} (pacing on its {@code throttleStatus}, a THROTTLED refill, a Retry-After) draws on
 * it, so however many attempts a hostile server provokes, the caller is held at most the configured maximum.
 * One per call, used by one thread.
 */
final class WaitBudget {
    private long leftNanos;

    WaitBudget(Duration total) {
        this.leftNanos = total.toNanos();
    }

    /** @return what may still be waited, never negative */
    Duration left() {
        return Duration.ofNanos(Math.max(0, leftNanos));
    }

    /** @return whether a wait of {@code millis} fits in what is left */
    boolean allowsMillis(long millis) {
        return millis <= leftNanos / 1_000_000;
    }

    /** Draws a wait that happened. */
    void spent(Duration waited) {
        leftNanos -= waited.toNanos();
    }
}
