package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrderStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot (a copy) of one pre-order's outcome: which supply covers it and its promise date.
 *
 * @param orderId the sales order
 * @param lineId the line within it
 * @param sku the SKU
 * @param facilityId its pool's facility in per-facility mode, else null
 * @param status its status as last set
 * @param quantity units ordered
 * @param covered units allocated to supply lines (0 when it holds no supply)
 * @param promiseDate the latest ETA of its allocations plus promise buffer days; null when not fully covered
 * @param allocations the units per supply line, in (eta, lineId) order
 * @since 0.1.0
 */
public record PreOrderState(String orderId, String lineId, String sku, String facilityId, PreOrderStatus status,
                            long quantity, long covered, LocalDate promiseDate, List<Allocation> allocations) {
    /**
     * Validates and copies the snapshot.
     *
     * @param orderId the sales order
     * @param lineId the line within it
     * @param sku the SKU
     * @param facilityId its pool's facility in per-facility mode, else null
     * @param status its status as last set
     * @param quantity units ordered
     * @param covered units allocated to supply lines (0 when it holds no supply)
     * @param promiseDate the latest ETA of its allocations plus promise buffer days; null when not fully covered
     * @param allocations the units per supply line, in (eta, lineId) order
     * @throws NullPointerException when an id, the status or the allocations are null
     */
    public PreOrderState {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(status, "status");
        allocations = List.copyOf(allocations);
    }

    /**
     * Whether the pre-order holds supply but not all of its quantity is covered (a deficit).
     *
     * @return {@code status.holdsSupply() && covered < quantity}
     */
    public boolean uncovered() {
        return status.holdsSupply() && covered < quantity;
    }

    /**
     * The key used in {@link PoolState#uncoveredPreOrders()}.
     *
     * @return {@code orderId + "/" + lineId}
     */
    public String key() {
        return orderId + "/" + lineId;
    }
}
