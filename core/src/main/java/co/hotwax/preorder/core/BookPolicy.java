package co.hotwax.preorder.core;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Immutable policy of a {@link PreorderBook}: safety buffer, promise buffer days, stale-ETA policy, pooling mode and
 * the zone that decides what "today" is. Build with {@link #builder()}; {@link #defaults()} is everything at its
 * default.
 *
 * @since 0.1.0
 */
public final class BookPolicy {
    private static final BookPolicy DEFAULTS = builder().build();

    private final long safetyUnits;
    private final int safetyPercent;
    private final int promiseBufferDays;
    private final StaleEtaPolicy staleEtaPolicy;
    private final boolean perFacility;
    private final ZoneId zone;

    private BookPolicy(Builder b) {
        this.safetyUnits = b.safetyUnits;
        this.safetyPercent = b.safetyPercent;
        this.promiseBufferDays = b.promiseBufferDays;
        this.staleEtaPolicy = b.staleEtaPolicy;
        this.perFacility = b.perFacility;
        this.zone = b.zone;
    }

    /**
     * The policy with every setting at its default: no safety buffer, no promise buffer days,
     * {@link StaleEtaPolicy#DELIST}, pooled mode, UTC.
     *
     * @return the default policy
     */
    public static BookPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a policy with every setting at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Units of a pool's on-order supply never offered for pre-order.
     *
     * @return the safety units, {@code >= 0}
     */
    public long safetyUnits() {
        return safetyUnits;
    }

    /**
     * Percent of a pool's on-order units never offered for pre-order (rounded up); the larger of this and
     * {@link #safetyUnits()} applies.
     *
     * @return the percent, {@code 0..100}
     */
    public int safetyPercent() {
        return safetyPercent;
    }

    /**
     * Days added to every ETA to make a promise date.
     *
     * @return the days, {@code >= 0}
     */
    public int promiseBufferDays() {
        return promiseBufferDays;
    }

    /**
     * What happens to a pool whose next ETA has passed.
     *
     * @return the policy
     */
    public StaleEtaPolicy staleEtaPolicy() {
        return staleEtaPolicy;
    }

    /**
     * Whether there is one pool per (SKU, facility) instead of one per SKU.
     *
     * @return true in per-facility mode
     */
    public boolean perFacility() {
        return perFacility;
    }

    /**
     * The zone in which "today" is taken from the clock.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The safety buffer of a pool: {@code max(safetyUnits, ceil(safetyPercent% of onOrder))}.
     *
     * @param onOrder the pool's on-order units
     * @return units held back
     */
    public long safetyFor(long onOrder) {
        long byPercent = (onOrder * safetyPercent + 99) / 100;
        return Math.max(safetyUnits, byPercent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BookPolicy p && safetyUnits == p.safetyUnits && safetyPercent == p.safetyPercent
                && promiseBufferDays == p.promiseBufferDays && staleEtaPolicy == p.staleEtaPolicy
                && perFacility == p.perFacility && zone.equals(p.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(safetyUnits, safetyPercent, promiseBufferDays, staleEtaPolicy, perFacility, zone);
    }

    @Override
    public String toString() {
        return "BookPolicy[safetyUnits=" + safetyUnits + ", safetyPercent=" + safetyPercent
                + ", promiseBufferDays=" + promiseBufferDays + ", staleEtaPolicy=" + staleEtaPolicy
                + ", perFacility=" + perFacility + ", zone=" + zone + "]";
    }

    /** Collects and validates the settings of a {@link BookPolicy}. Not thread-safe. */
    public static final class Builder {
        private long safetyUnits;
        private int safetyPercent;
        private int promiseBufferDays;
        private StaleEtaPolicy staleEtaPolicy = StaleEtaPolicy.DELIST;
        private boolean perFacility;
        private ZoneId zone = ZoneOffset.UTC;

        private Builder() {
        }

        /**
         * Units per pool never offered for pre-order (default 0).
         *
         * @param units {@code 0..1,000,000,000}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder safetyUnits(long units) {
            if (units < 0 || units > co.hotwax.preorder.spi.Quantities.MAX) {
                throw new IllegalArgumentException("safetyUnits must be 0.." + co.hotwax.preorder.spi.Quantities.MAX
                        + ", was " + units);
            }
            this.safetyUnits = units;
            return this;
        }

        /**
         * Percent of each pool's on-order units never offered, rounded up (default 0).
         *
         * @param percent {@code 0..100}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder safetyPercent(int percent) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("safetyPercent must be 0..100, was " + percent);
            }
            this.safetyPercent = percent;
            return this;
        }

        /**
         * Days added to each ETA to make a promise date (default 0).
         *
         * @param days {@code 0..3650}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder promiseBufferDays(int days) {
            if (days < 0 || days > 3650) {
                throw new IllegalArgumentException("promiseBufferDays must be 0..3650, was " + days);
            }
            this.promiseBufferDays = days;
            return this;
        }

        /**
         * What to do when a pool's next ETA has passed (default {@link StaleEtaPolicy#DELIST}).
         *
         * @param policy the policy
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder staleEtaPolicy(StaleEtaPolicy policy) {
            if (policy == null) {
                throw new IllegalArgumentException("staleEtaPolicy must not be null");
            }
            this.staleEtaPolicy = policy;
            return this;
        }

        /**
         * One pool per (SKU, facility) instead of one per SKU (default false). Pre-orders and stock levels then
         * need a facility.
         *
         * @param perFacility true for per-facility pools
         * @return this builder
         */
        public Builder perFacility(boolean perFacility) {
            this.perFacility = perFacility;
            return this;
        }

        /**
         * The zone in which "today" is read from the clock (default UTC).
         *
         * @param zone the zone
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder zone(ZoneId zone) {
            if (zone == null) {
                throw new IllegalArgumentException("zone must not be null");
            }
            this.zone = zone;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         */
        public BookPolicy build() {
            return new BookPolicy(this);
        }
    }
}
