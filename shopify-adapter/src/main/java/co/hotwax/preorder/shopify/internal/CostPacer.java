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
 * requested-minus-actual, and refills in steps.
 */
public final class CostPacer {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
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
     * @param maxWait the longest single wait, whatever a server's {@code throttleStatus} says
     */
    public CostPacer(Clock clock, Sleeper sleeper, double maximum, double restoreRate, Duration maxWait) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.available = maximum;
        this.asOf = clock.instant();
    }

    /**
     * Waits until {@code cost} points are available, then debits them. The points are reserved under the lock and
     * the wait happens outside it (as resilience4j's {@code reservePermission} does), so reading the bucket never
     * blocks behind a sleeping caller; the wait is capped, so a hostile restore rate cannot stall the caller.
     *
     * @param cost the request's expected requested cost
     * @return how long it waited
     * @throws InterruptedException when interrupted while waiting
     */
    public Duration acquire(double cost) throws InterruptedException {
        return acquire(cost, maxWait);
    }

    /**
     * Like {@link #acquire(double)}, waiting at most {@code limit} (and never more than the pacer's own cap): what
     * is left of one call's wait budget.
     *
     * @param cost the request's expected requested cost
     * @param limit the longest this call may wait here
     * @return how long it waited
     * @throws InterruptedException when interrupted while waiting
     */
    public Duration acquire(double cost, Duration limit) throws InterruptedException {
        Duration wait = reserve(cost, limit.compareTo(maxWait) < 0 ? limit : maxWait);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        return wait;
    }

    /** Debits the points now (the balance may go below zero: a debt the wait pays off) and returns the wait. */
    private synchronized Duration reserve(double cost, Duration cap) {
        double needed = Math.min(cost, maximum);
        double now = current();
        available = now - needed;
        asOf = clock.instant();
        if (now >= needed) {
            return Duration.ZERO;
        }
        double seconds = (needed - now) / restoreRate;
        // Compared in seconds before converting, so no value a server sends can overflow a Duration.
        return seconds >= cap.toNanos() / 1e9 ? cap : Duration.ofNanos((long) Math.ceil(seconds * 1e9));
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
        ThrottleReading s = cost.throttleStatus();
        if (s.maximumAvailable() > 0 && Double.isFinite(s.maximumAvailable())) {
            maximum = s.maximumAvailable();
        }
        if (s.restoreRate() > 0 && Double.isFinite(s.restoreRate())) {
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

    /** @return the bucket's capacity in points, as the last response said */
    public synchronized double maximum() {
        return maximum;
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
