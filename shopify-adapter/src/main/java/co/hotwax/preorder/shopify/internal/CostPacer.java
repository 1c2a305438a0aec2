package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A local model of Shopify's cost bucket (after ShopifySharp's LeakyBucket): before a request it waits, through the
 * injected {@link Sleeper}, until the request's cost fits, so a paced client is not THROTTLED; after every response
 * it re-syncs from {@code throttleStatus}.
 *
 * <p>Responses can arrive out of order (a slow earlier response reports an older, fuller bucket), so the state
 * after a response is {@code min(server value, local estimate + refund)}: never more optimistic than either side.
 * Why not resilience4j's RateLimiter: it cannot be set to "currently available = X", cannot refund
 * requested-minus-actual, and refills in steps (see java-conventions.md section 3.3).
 */
public final class CostPacer {
    private final Clock clock;
    private final Sleeper sleeper;
    private double maximum;
    private double restoreRate;
    private double available;
    private Instant asOf;

    /**
     * Starts with a full bucket.
     *
     * @param clock the time source
     * @param sleeper waits
     * @param maximum bucket capacity in points
     * @param restoreRate points per second
     */
    public CostPacer(Clock clock, Sleeper sleeper, double maximum, double restoreRate) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.available = maximum;
        this.asOf = clock.instant();
    }

    /**
     * Waits until {@code cost} points are available, then debits them.
     *
     * @param cost the request's expected requested cost
     * @return how long it waited
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized Duration acquire(double cost) throws InterruptedException {
        double needed = Math.min(cost, maximum);
        Duration waited = Duration.ZERO;
        double now = current();
        if (now < needed) {
            Duration wait = Duration.ofNanos((long) Math.ceil((needed - now) / restoreRate * 1e9));
            sleeper.sleep(wait);
            waited = wait;
            now = current();
        }
        // Debit even if a coarse clock says we are still a hair short: the wait was computed to be exactly enough.
        available = now - needed;
        asOf = clock.instant();
        return waited;
    }

    /**
     * Re-syncs from a response.
     *
     * @param cost the response's cost block; ignored when null or without throttle status
     * @param debited the cost {@link #acquire} debited for this request
     */
    public synchronized void onResponse(QueryCost cost, double debited) {
        if (cost == null || cost.throttleStatus() == null) {
            return;
        }
        ThrottleStatus s = cost.throttleStatus();
        if (s.maximumAvailable() > 0) {
            maximum = s.maximumAvailable();
        }
        if (s.restoreRate() > 0) {
            restoreRate = s.restoreRate();
        }
        // Not run (THROTTLED): nothing was spent, so everything we debited comes back; otherwise the difference.
        double refund = cost.actual() == null ? debited : Math.max(0, debited - cost.actual());
        double server = Math.min(s.currentlyAvailable(), maximum);
        available = Math.min(server, current() + refund);
        asOf = clock.instant();
    }

    /** @return points available now by the local model */
    public synchronized double available() {
        return current();
    }

    /** @return the restore rate in points per second */
    public synchronized double restoreRate() {
        return restoreRate;
    }

    private double current() {
        double elapsed = Duration.between(asOf, clock.instant()).toNanos() / 1e9;
        return Math.min(maximum, available + Math.max(0, elapsed) * restoreRate);
    }
}
