package co.hotwax.preorder.core.engine.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits one pool's pre-orderable quantity between stores by weight, so the shares never add up to more than P.
 *
 * <p>{@code share_i = floor(P * w_i / W)}; the units left by the rounding go one by one to the stores in builder
 * order. The result is deterministic and sums to exactly P.
 *
 * <p>{@link #shares(long, long[])} also counts orders a store took that the OMS has not imported yet (in flight).
 * P counts only imported orders, so a store's in-flight units are still inside its share (its channel shows
 * {@code share - inFlight}). When a store's in-flight units exceed its share, the excess is real demand that P does
 * not know of: it comes out of the other stores' shares, and that store gets no share until its orders are
 * imported (it sells nothing either way: its channel shows {@code share - inFlight <= 0}).
 *
 * <p>{@link #shares(long, long[], long[])} also takes fixed quotas: a store with a quota gets its quota (what it may
 * still take) before the others split the rest by weight, never more than its quota; when the quotas together
 * exceed what is left, what is left is split among the quota stores in proportion to their quotas. Units the
 * quotas leave over go to the stores without a quota; when every store has one they go to none (nobody sells them).
 * In-flight units beyond any store's share, quota or not, are taken from P as above, so they come out of the
 * dynamic stores' part first and out of the quotas only when that is not enough.
 */
public final class ShareSplitter {
    /** In {@link #shares(long, long[], long[])}: the store has no quota, it takes part in the split by weight. */
    public static final long NO_QUOTA = -1;

    private final int[] weights;

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
        for (int w : weights) {
            if (w <= 0) {
                throw new IllegalArgumentException("weights must be positive, was " + w);
            }
        }
        this.weights = weights.clone();
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
        return shares(p, new long[weights.length])[store];
    }

    /**
     * Every store's share of P, the in-flight units beyond a store's share taken out of the others' shares.
     *
     * <p>Stores whose in-flight units reach their share of what is left get 0 and their in-flight units are taken
     * from P; the rest is split again among the others by weight, until no store's in-flight units reach its share.
     * So {@code sum over stores of max(share, inFlight) <= max(P, sum of inFlight)}: together the stores never sell
     * more than P minus every store's in-flight units.
     *
     * @param p the pool's pre-orderable quantity, not negative
     * @param inFlight per store in builder order, the units it sold that P does not count yet, not negative
     * @return the shares, in builder order
     */
    public long[] shares(long p, long[] inFlight) {
        long[] quotas = new long[weights.length];
        Arrays.fill(quotas, NO_QUOTA);
        return shares(p, inFlight, quotas);
    }

    /**
     * Every store's share of P with quotas: the quota stores first, up to their quotas, then the others by weight;
     * in-flight units beyond a store's share taken out of the rest as in {@link #shares(long, long[])}.
     *
     * <p>So the shares sum to at most P, each quota store's share is at most its quota, and {@code sum over stores
     * of max(0, share - inFlight) <= max(0, P - sum of inFlight)}.
     *
     * @param p the pool's pre-orderable quantity, not negative
     * @param inFlight per store in builder order, the units it sold that P does not count yet, not negative
     * @param quotas per store in builder order, the most units it may still be given, or {@link #NO_QUOTA}
     * @return the shares, in builder order
     */
    public long[] shares(long p, long[] inFlight, long[] quotas) {
        if (p < 0) {
            throw new IllegalArgumentException("P must not be negative, was " + p);
        }
        if (inFlight.length != weights.length || quotas.length != weights.length) {
            throw new IllegalArgumentException("one in-flight count and one quota per store are needed");
        }
        long[] shares = new long[weights.length];
        boolean[] out = new boolean[weights.length];
        long left = p;
        while (true) {
            long rest = giveQuotas(left, out, quotas, shares);
            long total = 0;
            for (int i = 0; i < weights.length; i++) {
                total += out[i] || quotas[i] != NO_QUOTA ? 0 : weights[i];
            }
            if (total > 0) {
                splitAmong(rest, out, quotas, total, shares);
            }
            boolean dropped = false;
            for (int i = 0; i < weights.length; i++) {
                if (!out[i] && inFlight[i] > 0 && inFlight[i] >= shares[i]) {
                    out[i] = true;
                    shares[i] = 0;
                    left = Math.max(0, left - inFlight[i]);
                    dropped = true;
                }
            }
            if (!dropped) {
                return shares;
            }
        }
    }

    /**
     * Gives the quota stores not out their quotas from {@code left}, or, when the quotas exceed it, {@code left}
     * in proportion to the quotas (never more than a quota: with {@code left < sum}, each floor is below its quota).
     *
     * @return the units left for the stores without a quota
     */
    private long giveQuotas(long left, boolean[] out, long[] quotas, long[] shares) {
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!out[i] && quotas[i] != NO_QUOTA) {
                if (quotas[i] < 0) {
                    throw new IllegalArgumentException("a quota must not be negative, was " + quotas[i]);
                }
                sum = quotas[i] > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + quotas[i];
            }
        }
        if (sum <= left) {
            for (int i = 0; i < weights.length; i++) {
                if (!out[i] && quotas[i] != NO_QUOTA) {
                    shares[i] = quotas[i];
                }
            }
            return left - sum;
        }
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!out[i] && quotas[i] != NO_QUOTA) {
                shares[i] = floorShare(left, quotas[i], sum);
                given += shares[i];
            }
        }
        for (int i = 0; i < weights.length && given < left; i++) {
            if (!out[i] && quotas[i] != NO_QUOTA && shares[i] < quotas[i]) {
                shares[i]++;
                given++;
            }
        }
        return 0;
    }

    /**
     * Weighted split of {@code p} among the stores not out and without a quota; leftover units go to the first ones
     * in builder order.
     */
    private void splitAmong(long p, boolean[] out, long[] quotas, long total, long[] shares) {
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            if (quotas[i] == NO_QUOTA) {
                shares[i] = out[i] ? 0 : floorShare(p, weights[i], total);
                given += shares[i];
            }
        }
        long leftover = p - given;
        for (int i = 0; i < weights.length && leftover > 0; i++) {
            if (!out[i] && quotas[i] == NO_QUOTA) {
                shares[i]++;
                leftover--;
            }
        }
    }

    private static long floorShare(long p, long weight, long totalWeight) {
        long hi = Math.multiplyHigh(p, weight);
        if (hi == 0 && p * weight >= 0) {
            return p * weight / totalWeight;
        }
        return BigInteger.valueOf(p).multiply(BigInteger.valueOf(weight))
                .divide(BigInteger.valueOf(totalWeight)).longValueExact();
    }
}
