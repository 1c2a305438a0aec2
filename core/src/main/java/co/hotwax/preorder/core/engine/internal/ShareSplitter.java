package co.hotwax.preorder.core.engine.internal;

import java.math.BigInteger;

/**
 * Splits one pool's pre-orderable quantity between stores by weight, so the shares never add up to more than P.
 *
 * <p>{@code share_i = floor(P * w_i / W)}; the units left by the rounding go one by one to the stores in builder
 * order. The result is deterministic and sums to exactly P.
 */
public final class ShareSplitter {
    private final int[] weights;
    private final long totalWeight;

    /**
     * Creates a splitter.
     *
     * @param weights one positive weight per store, in builder order
     * @throws IllegalArgumentException when there is no weight or one is not positive
     */
    public ShareSplitter(int[] weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        long total = 0;
        for (int w : weights) {
            if (w <= 0) {
                throw new IllegalArgumentException("weights must be positive, was " + w);
            }
            total += w;
        }
        this.weights = weights.clone();
        this.totalWeight = total;
    }

    /**
     * The number of stores.
     *
     * @return the number of weights
     */
    public int size() {
        return weights.length;
    }

    /**
     * One store's share of P.
     *
     * @param p the pool's pre-orderable quantity, not negative
     * @param store the store's index in builder order
     * @return the store's share; the shares of all stores sum to {@code p}
     */
    public long share(long p, int store) {
        if (p < 0) {
            throw new IllegalArgumentException("P must not be negative, was " + p);
        }
        if (weights.length == 1) {
            return p;
        }
        long given = 0;
        for (int w : weights) {
            given += floorShare(p, w);
        }
        long leftover = p - given;
        // leftover < number of stores: at most one extra unit each, to the first stores in builder order.
        return floorShare(p, weights[store]) + (store < leftover ? 1 : 0);
    }

    private long floorShare(long p, int weight) {
        long hi = Math.multiplyHigh(p, weight);
        if (hi == 0 && p * weight >= 0) {
            return p * weight / totalWeight;
        }
        return BigInteger.valueOf(p).multiply(BigInteger.valueOf(weight))
                .divide(BigInteger.valueOf(totalWeight)).longValueExact();
    }
}
