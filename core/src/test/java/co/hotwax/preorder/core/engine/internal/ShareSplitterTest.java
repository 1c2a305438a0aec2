package co.hotwax.preorder.core.engine.internal;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareSplitterTest {

    @Test
    void leftoverUnitsGoToTheFirstStoresInBuilderOrder() {
        ShareSplitter splitter = new ShareSplitter(new int[] {1, 1, 1});
        assertThat(new long[] {splitter.share(10, 0), splitter.share(10, 1), splitter.share(10, 2)})
                .containsExactly(4, 3, 3);
        ShareSplitter weighted = new ShareSplitter(new int[] {3, 1});
        assertThat(new long[] {weighted.share(10, 0), weighted.share(10, 1)}).containsExactly(8, 2);
    }

    @Test
    void sharesSumToExactlyPAndFollowTheWeights() {
        for (long seed = 0; seed < 2_000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int stores = 1 + random.nextInt(5);
            int[] weights = new int[stores];
            long total = 0;
            for (int i = 0; i < stores; i++) {
                weights[i] = 1 + random.nextInt(random.nextBoolean() ? 10 : 1_000_000);
                total += weights[i];
            }
            long p = random.nextBoolean() ? random.nextLong(1_000) : random.nextLong(Long.MAX_VALUE / 2);
            ShareSplitter splitter = new ShareSplitter(weights);
            long sum = 0;
            for (int i = 0; i < stores; i++) {
                long share = splitter.share(p, i);
                long floor = java.math.BigInteger.valueOf(p).multiply(java.math.BigInteger.valueOf(weights[i]))
                        .divide(java.math.BigInteger.valueOf(total)).longValueExact();
                assertThat(share).as("seed %d store %d", seed, i).isBetween(floor, floor + 1);
                assertThat(share).as("seed %d", seed).isNotNegative();
                sum += share;
            }
            assertThat(sum).as("seed %d: shares of P=%d by %s", seed, p, java.util.Arrays.toString(weights))
                    .isEqualTo(p);
        }
    }

    @Test
    void inFlightUnitsBeyondAShareComeOutOfTheOtherShares() {
        ShareSplitter splitter = new ShareSplitter(new int[] {1, 1});
        // The case: P 80 (B's 20 imported), A's 50 unimported: B may have the 30 that really remain.
        assertThat(splitter.shares(80, new long[] {50, 0})).containsExactly(0, 30);
        assertThat(splitter.shares(80, new long[] {30, 0})).containsExactly(40, 40);
        assertThat(splitter.shares(10, new long[] {8, 8})).containsExactly(0, 0);
        ShareSplitter three = new ShareSplitter(new int[] {2, 1, 1});
        assertThat(three.shares(120, new long[] {0, 70, 0})).containsExactly(34, 0, 16);
    }

    @Test
    void sharesAndInFlightNeverExceedP() {
        for (long seed = 0; seed < 2_000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int stores = 1 + random.nextInt(4);
            int[] weights = new int[stores];
            long[] inFlight = new long[stores];
            long inFlightSum = 0;
            for (int i = 0; i < stores; i++) {
                weights[i] = 1 + random.nextInt(5);
                inFlight[i] = random.nextBoolean() ? 0 : random.nextInt(60);
                inFlightSum += inFlight[i];
            }
            long p = random.nextInt(200);
            long[] shares = new ShareSplitter(weights).shares(p, inFlight);
            long taken = 0;
            long sellable = 0;
            for (int i = 0; i < stores; i++) {
                taken += Math.max(shares[i], inFlight[i]);
                sellable += Math.max(0, shares[i] - inFlight[i]);
            }
            assertThat(taken).as("seed %d", seed).isLessThanOrEqualTo(Math.max(p, inFlightSum));
            assertThat(sellable).as("seed %d: what the stores still sell", seed)
                    .isEqualTo(Math.max(0, p - inFlightSum));
        }
    }

    @Test
    void refusesNonPositiveWeights() {
        assertThatThrownBy(() -> new ShareSplitter(new int[] {1, 0})).hasMessageContaining("positive");
    }
}
