package co.hotwax.preorder.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot (a copy) of one pool's outcome. A pool is a SKU in pooled mode, or a (SKU, facility) pair in
 * per-facility mode; it exists while it has at least one supply line or pre-order.
 *
 * <p>How each value is computed: the rules stated on {@link PreorderBook} (section "The rules").
 *
 * @param sku the SKU
 * @param facilityId the facility in per-facility mode, else null
 * @param preorderable P: how many more units may be pre-ordered from units on order, {@code >= 0}
 * @param onOrder units still on order over all lines
 * @param promisable units that may be promised over all lines (capacity less buffers)
 * @param allocated units allocated to pre-orders
 * @param physicalAtp physical online ATP as last set (0 when never set)
 * @param listed whether the pool is listed for pre-order
 * @param etaStale whether the ETA of the line the next unit would come from has passed
 * @param nextPromiseDate the product-page date: the promise date the next pre-order would get (the ETA of the first
 *                        line with a unit left, received or on order, plus promise buffer days), null when P is 0
 * @param delistReason why the pool is not listed, null when listed
 * @param openUnitsByChannel units of OPEN pre-orders per channel
 * @param uncoveredPreOrders keys {@code orderId/lineId} of pre-orders not fully covered, latest placed first
 * @since 0.1.0
 */
public record PoolState(String sku, String facilityId, long preorderable, long onOrder, long promisable,
                        long allocated, long physicalAtp, boolean listed, boolean etaStale,
                        LocalDate nextPromiseDate, String delistReason, Map<String, Long> openUnitsByChannel,
                        List<String> uncoveredPreOrders) {

    /** Why a pool with nothing left to pre-order is not listed. */
    public static final String REASON_NO_UNITS = "no pre-orderable units";
    /** Why a pool with physical stock is not listed: it sells as regular stock. */
    public static final String REASON_IN_STOCK = "in stock";
    /** Why a pool whose next ETA has passed is not listed under {@link StaleEtaPolicy#DELIST}. */
    public static final String REASON_ETA_PASSED = "eta passed";

    /**
     * Validates and copies the snapshot.
     *
     * @param sku the SKU
     * @param facilityId the facility in per-facility mode, else null
     * @param preorderable P: how many more units may be pre-ordered, {@code >= 0}
     * @param onOrder units still on order over all lines
     * @param promisable units that may be promised over all lines (capacity less buffers)
     * @param allocated units allocated to pre-orders
     * @param physicalAtp physical online ATP as last set (0 when never set)
     * @param listed whether the pool is listed for pre-order
     * @param etaStale whether the date of the line the next unit would come from has passed
     * @param nextPromiseDate the product-page date (that line's ETA plus promise buffer days), null when P is 0
     * @param delistReason why the pool is not listed, null when listed
     * @param openUnitsByChannel units of OPEN pre-orders per channel
     * @param uncoveredPreOrders keys {@code orderId/lineId} of pre-orders not fully covered, latest placed first
     * @throws NullPointerException when sku or a collection is null
     */
    public PoolState {
        Objects.requireNonNull(sku, "sku");
        openUnitsByChannel = Map.copyOf(openUnitsByChannel);
        uncoveredPreOrders = List.copyOf(uncoveredPreOrders);
    }

    /**
     * The pool's key.
     *
     * @return {@code (sku, facilityId)}
     */
    public PoolKey key() {
        return new PoolKey(sku, facilityId);
    }

    /**
     * Whether the pool is listed although its ETA has passed ({@link StaleEtaPolicy#KEEP_AND_FLAG}).
     *
     * @return {@code listed && etaStale}
     */
    public boolean flagged() {
        return listed && etaStale;
    }
}
