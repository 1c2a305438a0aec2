package co.hotwax.preorder.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Units of one supply line allocated to a pre-order.
 *
 * @param supplyLineId the supply line
 * @param poId its purchase order
 * @param quantity units, {@code >= 1}
 * @param eta the line's expected arrival date
 * @since 0.1.0
 */
public record Allocation(String supplyLineId, String poId, long quantity, LocalDate eta) {
    /**
     * Validates the allocation.
     *
     * @param supplyLineId the supply line
     * @param poId its purchase order
     * @param quantity units, {@code >= 1}
     * @param eta the line's expected arrival date
     * @throws NullPointerException when an id or the date is null
     * @throws IllegalArgumentException when the quantity is not positive
     */
    public Allocation {
        Objects.requireNonNull(supplyLineId, "supplyLineId");
        Objects.requireNonNull(poId, "poId");
        Objects.requireNonNull(eta, "eta");
        if (quantity <= 0) {
            throw new IllegalArgumentException("allocation quantity must be positive, was " + quantity);
        }
    }
}
