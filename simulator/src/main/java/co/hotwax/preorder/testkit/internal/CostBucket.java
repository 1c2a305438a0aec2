package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.testkit.PlanLimits;
import co.hotwax.preorder.testkit.ThrottleStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Shopify's leaky cost bucket for one app on one shop. It starts full; points come back continuously at the
 * restore rate up to the bucket size; a request is admitted only when its requested cost fits in what is available
 * now, and then that cost is deducted; after execution the server refunds requested minus actual cost.
 *
 * <p>Time comes only from the injected {@link Clock}, read at nanosecond precision, so a test with a settable clock
 * decides exactly how many points have come back. A clock that steps backwards restores nothing (it never takes
 * points away). Thread-safe: every method holds the bucket's lock.
 */
public final class CostBucket {

    /**
     * The answer to {@link #tryAdmit(int)}.
     *
     * @param admitted whether the request may run (its cost was deducted); false means THROTTLED
     * @param statusAfter the bucket after the decision, as Shopify reports it in {@code throttleStatus}
     */
    public record Admission(boolean admitted, ThrottleStatus statusAfter) {
        /**
         * Validates the admission.
         *
         * @throws IllegalArgumentException when the status is missing
         */
        public Admission {
            Objects.requireNonNull(statusAfter, "statusAfter");
        }
    }

    private final PlanLimits limits;
    private final Clock clock;
    private double available;
    private Instant updatedAt;
    private long charged;

    /**
     * A full bucket for one of Shopify's plans.
     *
     * @param plan the plan
     * @param clock the time source
     */
    public CostBucket(ShopifyPlan plan, Clock clock) {
        this(PlanLimits.of(plan), clock);
    }

    /**
     * A full bucket.
     *
     * @param limits the plan's restore rate and bucket size
     * @param clock the time source
     */
    public CostBucket(PlanLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.available = limits.bucketSize();
        this.updatedAt = clock.instant();
    }

    /**
     * Admits a request if its requested cost fits in the points available now, deducting it; otherwise refuses it
     * and deducts nothing. A cost above the bucket size is never admitted.
     *
     * @param requestedCost the request's requested cost, at least 0
     * @return whether it was admitted and the bucket afterwards
     * @throws IllegalArgumentException when the cost is negative
     */
    public synchronized Admission tryAdmit(int requestedCost) {
        if (requestedCost < 0) {
            throw new IllegalArgumentException("requested cost must not be negative, was " + requestedCost);
        }
        restore();
        boolean admitted = requestedCost <= available;
        if (admitted) {
            available -= requestedCost;
            charged += requestedCost;
        }
        return new Admission(admitted, snapshot());
    }

    /**
     * Gives back points an admitted request did not use (requested minus actual cost). The bucket never exceeds
     * its size.
     *
     * @param points the points to give back, at least 0
     * @throws IllegalArgumentException when the points are negative
     */
    public synchronized void refund(int points) {
        if (points < 0) {
            throw new IllegalArgumentException("refund must not be negative, was " + points);
        }
        restore();
        available = Math.min(limits.bucketSize(), available + points);
        charged -= points;
    }

    /**
     * Points charged so far: admitted requested costs minus refunds. With the restore rate, this tells how fast any
     * client could at best have done the same work, which is how the publish benchmark judges pacing.
     *
     * @return the net points charged since the bucket was created
     */
    public synchronized long charged() {
        return charged;
    }

    /**
     * The bucket now.
     *
     * @return the throttle status
     */
    public synchronized ThrottleStatus status() {
        restore();
        return snapshot();
    }

    private void restore() {
        Instant now = clock.instant();
        if (!now.isAfter(updatedAt)) {
            return;
        }
        Duration elapsed = Duration.between(updatedAt, now);
        double seconds = elapsed.getSeconds() + elapsed.getNano() / 1e9;
        available = Math.min(limits.bucketSize(), available + seconds * limits.restoreRate());
        updatedAt = now;
    }

    private ThrottleStatus snapshot() {
        return new ThrottleStatus(limits.bucketSize(), available, limits.restoreRate());
    }

    @Override
    public synchronized String toString() {
        return "CostBucket[" + available + "/" + limits.bucketSize() + " at " + limits.restoreRate() + "/s]";
    }
}
