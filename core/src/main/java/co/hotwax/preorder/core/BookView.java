package co.hotwax.preorder.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read-only queries of a {@link PreorderBook}: per pool its P and listing, per pre-order its allocation and
 * promise date. An OMS that missed events (a crash, a dropped asynchronous delivery) reconciles from here: the
 * book's state is the truth the events describe. From a running engine read it with
 * {@link co.hotwax.preorder.core.engine.PreorderSync#readBook}; the same threading rules as the book apply.
 *
 * @since 0.1.0
 */
public interface BookView {

    /**
     * A snapshot of one pool.
     *
     * @param sku the SKU
     * @param facilityId the facility in per-facility mode; null in pooled mode
     * @return the pool's state, or empty when there is no such pool
     */
    Optional<PoolState> pool(String sku, String facilityId);

    /**
     * A snapshot of one pre-order, in any status.
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @return its state, or empty when unknown
     */
    Optional<PreOrderState> preOrder(String orderId, String lineId);

    /**
     * Snapshots of every pre-order of one pool (any status), with their allocations and promise dates. Costs one
     * allocation pass over the pool, not one per pre-order.
     *
     * @param sku the SKU
     * @param facilityId the facility in per-facility mode; null in pooled mode
     * @return the pre-orders in (placedAt, orderId, lineId) order; empty when there is no such pool
     */
    List<PreOrderState> preOrders(String sku, String facilityId);

    /**
     * Calls an action with a snapshot of every pool, in no particular order.
     *
     * @param action the action; must not modify the book
     */
    void forEachPool(Consumer<PoolState> action);

    /**
     * The keys of every pool.
     *
     * @return an immutable copy, in {@link PoolKey} order
     */
    List<PoolKey> poolKeys();

    /**
     * The number of pools.
     *
     * @return pools with at least one supply line or pre-order
     */
    int poolCount();
}
