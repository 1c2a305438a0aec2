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
    void quotaStoresGetTheirQuotaFirstAndTheOthersShareTheRest() {
        long no = ShareSplitter.NO_QUOTA;
        ShareSplitter three = new ShareSplitter(new int[] {1, 1, 1});
        // Store 1 at most 10: the two dynamic stores split the other 90.
        assertThat(three.shares(100, new long[3], new long[] {no, 10, no})).containsExactly(45, 10, 45);
        // Every store with a quota: 30 + 20 given, the other 50 go to nobody.
        ShareSplitter two = new ShareSplitter(new int[] {1, 1});
        assertThat(two.shares(100, new long[2], new long[] {30, 20})).containsExactly(30, 20);
        // Quotas above P: P split in proportion to the quotas (60:40), the dynamic store gets nothing.
        assertThat(three.shares(50, new long[3], new long[] {60, 40, no})).containsExactly(30, 20, 0);
        // A dynamic store's in-flight units beyond its share come out of the other dynamic store first...
        assertThat(three.shares(100, new long[] {50, 0, 0}, new long[] {no, 20, no})).containsExactly(0, 20, 30);
        // ...and out of the quota only when the dynamic part cannot hold them.
        assertThat(three.shares(100, new long[] {90, 0, 0}, new long[] {no, 20, no})).containsExactly(0, 10, 0);
        // A quota store's in-flight units beyond its quota (after a cut, say) come out of the dynamic stores.
        assertThat(two.shares(100, new long[] {0, 30}, new long[] {no, 20})).containsExactly(70, 0);
    }

    @Test
    void withRandomQuotasSharesStayWithinPAndTheQuotasAndTheStoresNeverSellMoreThanRemains() {
        for (long seed = 0; seed < 5_000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int stores = 1 + random.nextInt(5);
            int[] weights = new int[stores];
            long[] inFlight = new long[stores];
            long[] quotas = new long[stores];
            long inFlightSum = 0;
            long quotaSum = 0;
            boolean dynamic = false;
            for (int i = 0; i < stores; i++) {
                weights[i] = 1 + random.nextInt(5);
                inFlight[i] = random.nextInt(3) == 0 ? random.nextInt(80) : 0;
                inFlightSum += inFlight[i];
                boolean quota = random.nextBoolean();
                quotas[i] = quota ? random.nextInt(random.nextBoolean() ? 20 : 300) : ShareSplitter.NO_QUOTA;
                quotaSum += quota ? quotas[i] : 0;
                dynamic |= !quota;
            }
            long p = random.nextInt(random.nextBoolean() ? 30 : 400);
            long[] shares = new ShareSplitter(weights).shares(p, inFlight, quotas);
            String what = String.format("seed %d: P %d, weights %s, in flight %s, quotas %s -> %s", seed, p,
                    java.util.Arrays.toString(weights), java.util.Arrays.toString(inFlight),
                    java.util.Arrays.toString(quotas), java.util.Arrays.toString(shares));
            long sum = 0;
            long sellable = 0;
            for (int i = 0; i < stores; i++) {
                assertThat(shares[i]).as(what).isNotNegative();
                if (quotas[i] != ShareSplitter.NO_QUOTA) {
                    assertThat(shares[i]).as(what + ": store %d within its quota", i).isLessThanOrEqualTo(quotas[i]);
                }
                sum += shares[i];
                sellable += Math.max(0, shares[i] - inFlight[i]);
            }
            assertThat(sum).as(what + ": shares within P").isLessThanOrEqualTo(p);
            assertThat(sellable).as(what + ": what the stores still sell within what remains")
                    .isLessThanOrEqualTo(Math.max(0, p - inFlightSum));
            if (inFlightSum == 0) {
                // Nothing in flight: the whole P is given, except what quotas leave when no store is dynamic.
                assertThat(sum).as(what + ": all of P given out as far as the quotas allow")
                        .isEqualTo(dynamic ? p : Math.min(p, quotaSum));
            }
        }
    }

    @Test
    void refusesNonPositiveWeights() {
        assertThatThrownBy(() -> new ShareSplitter(new int[] {1, 0})).hasMessageContaining("positive");
    }
}
