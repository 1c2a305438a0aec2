package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.Quantities;

import java.math.BigInteger;

/**
 * A fixed part of every shared pool for one store, instead of a share by weight: at most a number of units, or a
 * fixed fraction of the pool. Set with {@link PreorderSync.Builder#publisher(co.hotwax.preorder.spi.InventoryPublisher,
 * Quota)} or, for every store without its own, {@link PreorderSync.Builder#defaultQuota(Quota)}.
 *
 * <p>A quota is a partition, applied per pool (per SKU, or per SKU and facility in per-facility mode): it counts the
 * store's own open pre-orders of the pool, its orders not imported yet and what it still sells, so a store with a
 * quota of 40 units that has sold 40 sells no more of that pool (until orders are cancelled). A fraction is taken of
 * the pool's total: its pre-orderable quantity P plus the open pre-orders of every channel, rounded down; so it
 * follows PO increases and cuts. What the store may still be offered is {@code limit - its open pre-orders}, and
 * never more than what remains of P once the other stores' in-flight orders are counted.
 *
 * @since 0.1.0
 */
public sealed interface Quota {

    /**
     * At most {@code units} units of each shared pool.
     *
     * @param units 0..{@link Quantities#MAX}
     * @return the quota
     * @throws IllegalArgumentException when out of range
     */
    static Quota units(long units) {
        return new Units(units);
    }

    /**
     * A fixed fraction {@code numerator / denominator} of each shared pool.
     *
     * @param numerator 0..denominator
     * @param denominator 1..1,000,000
     * @return the quota
     * @throws IllegalArgumentException when out of range
     */
    static Quota fraction(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    /**
     * A fixed percentage of each shared pool.
     *
     * @param percent 0..100
     * @return the quota {@code percent / 100}
     * @throws IllegalArgumentException when out of range
     */
    static Quota percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a quota percentage must be 0..100, was " + percent);
        }
        return new Fraction(percent, 100);
    }

    /**
     * The most units of a pool this store may take in all (its open pre-orders included).
     *
     * @param poolTotal the pool's P plus the open pre-orders of every channel, not negative
     * @return the limit, not negative
     */
    long limit(long poolTotal);

    /**
     * At most a number of units of each pool.
     *
     * @param max the units, 0..{@link Quantities#MAX}
     */
    record Units(long max) implements Quota {
        /**
         * Validates the number.
         *
         * @param max the units, 0..{@link Quantities#MAX}
         * @throws IllegalArgumentException when out of range
         */
        public Units {
            if (max < 0 || max > Quantities.MAX) {
                throw new IllegalArgumentException("a quota must be 0.." + Quantities.MAX + " units, was " + max);
            }
        }

        @Override
        public long limit(long poolTotal) {
            return max;
        }

        @Override
        public String toString() {
            return max + " units";
        }
    }

    /**
     * A fixed fraction of each pool's total, rounded down.
     *
     * @param numerator 0..denominator
     * @param denominator 1..1,000,000
     */
    record Fraction(long numerator, long denominator) implements Quota {
        /** The largest denominator: keeps sums of fractions exact in a long. */
        public static final long MAX_DENOMINATOR = 1_000_000;

        /**
         * Validates the fraction.
         *
         * @param numerator 0..denominator
         * @param denominator 1..{@link #MAX_DENOMINATOR}
         * @throws IllegalArgumentException when out of range
         */
        public Fraction {
            if (denominator < 1 || denominator > MAX_DENOMINATOR) {
                throw new IllegalArgumentException("a quota fraction's denominator must be 1.." + MAX_DENOMINATOR
                        + ", was " + denominator);
            }
            if (numerator < 0 || numerator > denominator) {
                throw new IllegalArgumentException("a quota fraction must be 0..1, was " + numerator + "/"
                        + denominator);
            }
        }

        @Override
        public long limit(long poolTotal) {
            if (poolTotal < 0) {
                throw new IllegalArgumentException("a pool's total must not be negative, was " + poolTotal);
            }
            return BigInteger.valueOf(poolTotal).multiply(BigInteger.valueOf(numerator))
                    .divide(BigInteger.valueOf(denominator)).longValueExact();
        }

        @Override
        public String toString() {
            return denominator == 100 ? numerator + "%" : numerator + "/" + denominator;
        }
    }
}
