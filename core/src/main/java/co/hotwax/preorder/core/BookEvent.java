package co.hotwax.preorder.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change of outcome reported by a {@link PreorderBook} to its {@link BookListener}. Every event names its pool
 * ({@code sku}, and {@code facilityId}, null in pooled mode). The order of events within one call is documented on
 * {@link PreorderBook}.
 *
 * @since 0.1.0
 */
public sealed interface BookEvent {

    /**
     * The SKU of the pool the event belongs to.
     *
     * @return the SKU
     */
    String sku();

    /**
     * The facility of the pool the event belongs to.
     *
     * @return the facility in per-facility mode, else null
     */
    String facilityId();

    /**
     * The pool the event belongs to.
     *
     * @return its key
     */
    default PoolKey pool() {
        return new PoolKey(sku(), facilityId());
    }

    /**
     * The pre-orderable quantity P of a pool changed.
     *
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @param oldP P before the call (0 for a new pool)
     * @param newP P after the call (0 for a pool that is gone)
     */
    record PreorderableChanged(String sku, String facilityId, long oldP, long newP) implements BookEvent {
    }

    /**
     * A pool became listed for pre-order.
     *
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @param p its pre-orderable quantity
     * @param promiseDate the date to show on the product page
     * @param flagged true when listed although the ETA has passed ({@link StaleEtaPolicy#KEEP_AND_FLAG})
     */
    record Listed(String sku, String facilityId, long p, LocalDate promiseDate, boolean flagged)
            implements BookEvent {
    }

    /**
     * A listed pool is no longer listed.
     *
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @param reason why, as in {@link PoolState#delistReason()}
     */
    record Delisted(String sku, String facilityId, String reason) implements BookEvent {
    }

    /**
     * The product-page promise date (the date the next unit would come with) changed.
     *
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @param oldDate the date before, or null
     * @param newDate the date now, or null when nothing more may be pre-ordered
     */
    record NextPromiseDateChanged(String sku, String facilityId, LocalDate oldDate, LocalDate newDate)
            implements BookEvent {
    }

    /**
     * The promise date of a pre-order that stayed covered changed (tell the customer).
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @param oldDate the date before
     * @param newDate the date now
     */
    record PromiseDateChanged(String orderId, String lineId, String sku, String facilityId, LocalDate oldDate,
                              LocalDate newDate) implements BookEvent {
    }

    /**
     * A pre-order is no longer (or, new, is not) fully covered by supply: a deficit to report, never dropped.
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @param uncoveredQuantity units of it that no supply line covers
     */
    record PreOrderUncovered(String orderId, String lineId, String sku, String facilityId, long uncoveredQuantity)
            implements BookEvent {
    }

    /**
     * A pre-order that was uncovered is fully covered again.
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @param sku the SKU
     * @param facilityId the facility, or null
     * @param promiseDate its promise date now
     */
    record PreOrderCovered(String orderId, String lineId, String sku, String facilityId, LocalDate promiseDate)
            implements BookEvent {
    }

    /**
     * Something about the pool changed in the call (its {@link PoolState}, or the allocation of one of its
     * pre-orders). Emitted once per changed pool per call, after that pool's other events; the sync engine uses it to
     * mark the pool dirty.
     *
     * <p>It carries the pool's key itself, the object the book already holds: the engine marks a pool dirty on every
     * event, and building and validating a new key there read the SKU string's characters, two cache misses per
     * event on a large catalog.
     *
     * @param pool the pool's key
     */
    record PoolChanged(PoolKey pool) implements BookEvent {
        /**
         * Requires the key.
         *
         * @param pool the pool's key
         * @throws NullPointerException when it is null
         */
        public PoolChanged {
            Objects.requireNonNull(pool, "pool");
        }

        /**
         * The event for the pool of a SKU and facility.
         *
         * @param sku the SKU
         * @param facilityId the facility, or null
         */
        public PoolChanged(String sku, String facilityId) {
            this(new PoolKey(sku, facilityId));
        }

        @Override
        public String sku() {
            return pool.sku();
        }

        @Override
        public String facilityId() {
            return pool.facilityId();
        }
    }
}
