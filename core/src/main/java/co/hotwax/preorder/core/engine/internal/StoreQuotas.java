package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.engine.Quota;
import co.hotwax.preorder.spi.InventoryPublisher;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Resolves and checks the stores' quotas when the engine is built.
 */
public final class StoreQuotas {
    private StoreQuotas() {
    }

    /**
     * Each publisher's quota: its own, else the default, else none.
     *
     * @param publishers the publishers, in builder order
     * @param weights per publisher its weight
     * @param own per publisher its own quota, or null
     * @param defaultQuota the quota of publishers without their own, or null
     * @return per publisher the quota that applies, or null to share by weight
     * @throws IllegalArgumentException naming the stores when their quota fractions add up to more than 1 (their
     *         shares of a pool could not all be given), or naming a store given a weight other than 1 that the
     *         default quota would make meaningless
     */
    public static List<Quota> resolve(List<InventoryPublisher> publishers, List<Integer> weights, List<Quota> own,
                                      Quota defaultQuota) {
        List<Quota> effective = new ArrayList<>();
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        List<String> fractions = new ArrayList<>();
        for (int i = 0; i < publishers.size(); i++) {
            Quota quota = own.get(i) != null ? own.get(i) : defaultQuota;
            if (own.get(i) == null && defaultQuota != null && weights.get(i) != 1) {
                throw new IllegalArgumentException("publisher " + publishers.get(i).channelId() + " has weight "
                        + weights.get(i) + ", but the default quota (" + defaultQuota + ") gives every publisher"
                        + " without its own quota a quota, and a quota takes no part in the split by weight");
            }
            effective.add(quota);
            if (quota instanceof Quota.Fraction f) {
                numerator = numerator.multiply(BigInteger.valueOf(f.denominator()))
                        .add(BigInteger.valueOf(f.numerator()).multiply(denominator));
                denominator = denominator.multiply(BigInteger.valueOf(f.denominator()));
                fractions.add(publishers.get(i).channelId() + " " + f);
            }
        }
        if (numerator.compareTo(denominator) > 0) {
            throw new IllegalArgumentException("the quota fractions of " + String.join(", ", fractions)
                    + " add up to more than the whole pool; together they may be at most 1 (100%)");
        }
        return Collections.unmodifiableList(effective);
    }
}
