package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.testkit.VirtualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostPacerTest {
    private final VirtualClock time = new VirtualClock();

    @Test
    void waitsExactlyForTheMissingPoints() throws Exception {
        CostPacer pacer = new CostPacer(time, time, 2000, 100, Duration.ofSeconds(60));
        pacer.acquire(1900);
        assertThat(time.sleeps()).isEmpty();

        Duration waited = pacer.acquire(600);

        // 100 left, 500 missing at 100/s.
        assertThat(waited).isEqualTo(Duration.ofSeconds(5));
        assertThat(pacer.available()).isCloseTo(0, within(0.001));
    }

    @Test
    void responsesResyncButNeverMakeTheBucketMoreOptimisticThanEitherSide() throws Exception {
        CostPacer pacer = new CostPacer(time, time, 2000, 100, Duration.ofSeconds(60));
        pacer.acquire(500);
        // Requested 500, actually 100: 400 refunded, and the server agrees.
        pacer.onResponse(new QueryCost(500, 100.0, new ThrottleReading(2000, 1900, 100)), 500);
        assertThat(pacer.available()).isCloseTo(1900, within(0.001));

        // A late response from earlier reports a fuller bucket than we know: the lower local figure wins.
        pacer.acquire(1000);
        pacer.onResponse(new QueryCost(10, 10.0, new ThrottleReading(2000, 1990, 100)), 10);
        assertThat(pacer.available()).isCloseTo(900, within(0.001));

        // Another client spent points: the lower server figure wins.
        pacer.onResponse(new QueryCost(10, 10.0, new ThrottleReading(2000, 50, 100)), 10);
        assertThat(pacer.available()).isCloseTo(50, within(0.001));
    }

    @Test
    void aPacedRandomWorkloadNeverOverdrawsTheServerBucket() throws Exception {
        long seed = 20261126L;
        SplittableRandom random = new SplittableRandom(seed);
        CostPacer pacer = new CostPacer(time, time, 2000, 100, Duration.ofSeconds(60));
        // A reference bucket as Shopify keeps it, refilled on the same virtual clock.
        double server = 2000;
        java.time.Instant last = time.instant();
        for (int i = 0; i < 2000; i++) {
            double requested = 10 + random.nextInt(990);
            pacer.acquire(requested);
            server = Math.min(2000, server + Duration.between(last, time.instant()).toNanos() / 1e9 * 100);
            last = time.instant();
            assertThat(server).as("seed %d request %d: would be THROTTLED", seed, i).isGreaterThanOrEqualTo(requested - 1e-6);
            double actual = requested * (0.5 + random.nextDouble() / 2);
            server -= actual;
            pacer.onResponse(new QueryCost(requested, actual, new ThrottleReading(2000, server, 100)), requested);
            time.advance(Duration.ofMillis(random.nextInt(50)));
        }
    }

    @Test
    void aWaitingCallerDoesNotHoldTheLock() throws Exception {
        VirtualClock time = new VirtualClock();
        java.util.concurrent.atomic.AtomicReference<CostPacer> ref = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<Double> seenWhileSleeping = new java.util.ArrayList<>();
        co.hotwax.preorder.spi.Sleeper reader = d -> {
            // Another thread reads the bucket while this caller sleeps; it would block forever under the lock.
            try {
                seenWhileSleeping.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> ref.get().available())
                        .get(10, java.util.concurrent.TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the bucket could not be read while a caller waited", e);
            }
            time.sleep(d);
        };
        CostPacer pacer = new CostPacer(time, reader, 100, 10, Duration.ofSeconds(60));
        ref.set(pacer);
        pacer.acquire(100);

        Duration waited = pacer.acquire(50);

        assertThat(waited).isEqualTo(Duration.ofSeconds(5));
        assertThat(seenWhileSleeping).hasSize(1);
    }

    @Test
    void aHostileRestoreRateCannotStallBeyondTheCap() throws Exception {
        VirtualClock time = new VirtualClock();
        CostPacer pacer = new CostPacer(time, time, 1000, 100, Duration.ofSeconds(60));
        pacer.onResponse(new QueryCost(1000, 1000.0, new ThrottleReading(1000, 0, 1e-6)), 1000);

        assertThat(pacer.acquire(500)).isEqualTo(Duration.ofSeconds(60));
    }
}
