package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.testkit.PlanLimits;
import co.hotwax.preorder.spi.ShopifyPlan;
import co.hotwax.preorder.testkit.ThrottleStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CostBucketTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void startsFullWithThePlanLimits() {
        CostBucket bucket = new CostBucket(PlanLimits.of(ShopifyPlan.STANDARD), clock);

        assertThat(bucket.status()).isEqualTo(new ThrottleStatus(2_000, 2_000, 100));
        assertThat(new CostBucket(ShopifyPlan.PLUS, clock).status()).isEqualTo(new ThrottleStatus(20_000, 20_000, 1_000));
    }

    @Test
    void admitsAndDeductsWhileTheCostFits() {
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), clock);

        CostBucket.Admission first = bucket.tryAdmit(30);
        CostBucket.Admission second = bucket.tryAdmit(20);

        assertThat(first.admitted()).isTrue();
        assertThat(first.statusAfter().currentlyAvailable()).isEqualTo(20);
        // Exactly the available points still fit: 20 <= 20.
        assertThat(second.admitted()).isTrue();
        assertThat(second.statusAfter().currentlyAvailable()).isZero();
    }

    @Test
    void refusesWithoutDeductingWhenTheCostDoesNotFit() {
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), clock);
        bucket.tryAdmit(45);

        CostBucket.Admission refused = bucket.tryAdmit(6);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.statusAfter().currentlyAvailable()).isEqualTo(5);
        assertThat(bucket.tryAdmit(5).admitted()).isTrue();
    }

    @Test
    void restoresContinuouslyAtNanosecondPrecisionUpToTheSize() {
        CostBucket bucket = new CostBucket(new PlanLimits(100, 2_000), clock);
        bucket.tryAdmit(1_000);

        clock.advance(Duration.ofMillis(2_500));
        // 1,000 left + 2.5 s x 100/s = 1,250
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(1_250);

        clock.advance(Duration.ofNanos(1));
        // one nanosecond restores 100e-9 points
        assertThat(bucket.status().currentlyAvailable()).isCloseTo(1_250.0000001, within(1e-9));

        clock.advance(Duration.ofHours(1));
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(2_000);
    }

    @Test
    void aThrottledRequestIsAdmittedOnceEnoughHasComeBack() {
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), clock);
        bucket.tryAdmit(50);
        assertThat(bucket.tryAdmit(12).admitted()).isFalse();

        // 12 points need 1.2 s at 10/s: 1.1 s is too early, 1.2 s is enough.
        clock.advance(Duration.ofMillis(1_100));
        assertThat(bucket.tryAdmit(12).admitted()).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(bucket.tryAdmit(12).admitted()).isTrue();
    }

    @Test
    void aCostAboveTheBucketSizeIsNeverAdmitted() {
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), clock);

        assertThat(bucket.tryAdmit(51).admitted()).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(bucket.tryAdmit(51).admitted()).isFalse();
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(50);
    }

    @Test
    void refundGivesBackUnusedPointsButNeverAboveTheSize() {
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), clock);
        bucket.tryAdmit(40);

        bucket.refund(25);
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(35);

        bucket.refund(1_000);
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(50);
    }

    @Test
    void aClockSteppingBackRestoresNothingAndTakesNothing() {
        // A wall clock can step back (NTP); the VirtualClock cannot, so this test offsets one.
        Duration[] offset = {Duration.ZERO};
        Clock stepping = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant().plus(offset[0]);
            }
        };
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), stepping);
        bucket.tryAdmit(30);

        offset[0] = Duration.ofSeconds(-5);
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(20);
        // Time resumes from the later instant already seen, so the same second is not restored twice.
        offset[0] = Duration.ofSeconds(1);
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(30);
    }

    @Test
    void rejectsNegativeCostsAndRefunds() {
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), clock);

        assertThatThrownBy(() -> bucket.tryAdmit(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> bucket.refund(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }

    @Test
    void concurrentRequestsNeverOverdrawTheBucket() throws InterruptedException {
        // The clock does not move, so exactly 2,000 / 7 = 285 requests of cost 7 fit, whatever the interleaving.
        CostBucket bucket = new CostBucket(PlanLimits.of(ShopifyPlan.STANDARD), clock);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    if (bucket.tryAdmit(7).admitted()) {
                        admitted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(admitted.get()).isEqualTo(285);
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(2_000 - 285 * 7);
    }

    @Test
    void plansCarryShopifysPublishedLimits() {
        assertThat(PlanLimits.of(ShopifyPlan.STANDARD)).isEqualTo(new PlanLimits(100, 2_000));
        assertThat(PlanLimits.of(ShopifyPlan.ADVANCED)).isEqualTo(new PlanLimits(200, 4_000));
        assertThat(ShopifyPlan.PLUS.restoreRate()).isEqualTo(1_000);
        assertThat(ShopifyPlan.PLUS.bucketSize()).isEqualTo(20_000);
        assertThat(PlanLimits.of(ShopifyPlan.ENTERPRISE)).isEqualTo(new PlanLimits(2_000, 40_000));
    }

    @Test
    void invalidLimitsAndStatusesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new PlanLimits(0, 10)).hasMessageContaining("restoreRate");
        assertThatThrownBy(() -> new PlanLimits(10, Double.NaN)).hasMessageContaining("bucketSize");
        assertThatThrownBy(() -> new ThrottleStatus(100, 101, 10)).hasMessageContaining("currentlyAvailable");
        assertThatThrownBy(() -> new ThrottleStatus(100, -1, 10)).hasMessageContaining("currentlyAvailable");
    }

    @Test
    void chargedCountsAdmittedCostsLessRefundsAndNotRefusals() {
        CostBucket bucket = new CostBucket(new PlanLimits(10, 50), clock);
        bucket.tryAdmit(30);
        bucket.refund(12);
        bucket.tryAdmit(40); // refused: 38 available
        assertThat(bucket.charged()).isEqualTo(18);
    }
}
