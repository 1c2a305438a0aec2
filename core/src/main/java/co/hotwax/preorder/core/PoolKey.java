package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.InvalidInputException;

import java.util.Comparator;

/**
 * Identifies a pool: a SKU in pooled mode ({@code facilityId} null), or a (SKU, facility) pair in per-facility mode.
 *
 * @param sku the SKU
 * @param facilityId the facility in per-facility mode, else null
 * @since 0.1.0
 */
public record PoolKey(String sku, String facilityId) implements Comparable<PoolKey> {
    private static final Comparator<PoolKey> ORDER = Comparator.comparing(PoolKey::sku)
            .thenComparing(PoolKey::facilityId, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Validates the key.
     *
     * @param sku the SKU
     * @param facilityId the facility in per-facility mode, else null
     * @throws InvalidInputException when the SKU is missing
     */
    public PoolKey {
        if (sku == null || sku.isBlank()) {
            throw new InvalidInputException("pool " + sku + "/" + facilityId, "sku is missing");
        }
    }

    /**
     * Orders keys by SKU, then facility (null first); the order in which {@link PreorderBook#rebuild} reports pools.
     *
     * @param other another key
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(PoolKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return facilityId == null ? sku : sku + "@" + facilityId;
    }
}
