package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SupplyStatus;

import java.util.Set;

/**
 * Maps HotWax/OFBiz purchase-order statuses, of the header and of the line, to a {@link SupplyStatus}:
 * <ul>
 *   <li>header {@code ORDER_CANCELLED} or line {@code ITEM_CANCELLED} → {@link SupplyStatus#CANCELLED}: a
 *       cancelled order cancels every line, whatever the line says;</li>
 *   <li>otherwise header {@code ORDER_COMPLETED} or line {@code ITEM_COMPLETED} → {@link SupplyStatus#CLOSED}:
 *       only what was received exists, nothing more is coming;</li>
 *   <li>otherwise (created or approved) → {@link SupplyStatus#OPEN}.</li>
 * </ul>
 * Any other value, null included, is refused, so a new OMS status is noticed rather than guessed.
 */
public final class PurchaseOrderStatuses {
    private static final Set<String> HEADER = Set.of("ORDER_CREATED", "ORDER_APPROVED", "ORDER_COMPLETED",
            "ORDER_CANCELLED");
    private static final Set<String> ITEM = Set.of("ITEM_CREATED", "ITEM_APPROVED", "ITEM_COMPLETED",
            "ITEM_CANCELLED");

    private PurchaseOrderStatuses() {
    }

    /**
     * The supply status of a line.
     *
     * @param lineKey the line, named in the error
     * @param headerStatus the purchase order's status
     * @param itemStatus the line's status
     * @return the status
     * @throws InvalidInputException naming the line when a status is not one of the known values
     */
    public static SupplyStatus of(String lineKey, String headerStatus, String itemStatus) {
        if (headerStatus == null || !HEADER.contains(headerStatus)) {
            throw new InvalidInputException("purchase order line " + lineKey, "order status \"" + headerStatus
                    + "\" is not one of " + String.join(", ", HEADER.stream().sorted().toList()));
        }
        if (itemStatus == null || !ITEM.contains(itemStatus)) {
            throw new InvalidInputException("purchase order line " + lineKey, "item status \"" + itemStatus
                    + "\" is not one of " + String.join(", ", ITEM.stream().sorted().toList()));
        }
        if (headerStatus.equals("ORDER_CANCELLED") || itemStatus.equals("ITEM_CANCELLED")) {
            return SupplyStatus.CANCELLED;
        }
        if (headerStatus.equals("ORDER_COMPLETED") || itemStatus.equals("ITEM_COMPLETED")) {
            return SupplyStatus.CLOSED;
        }
        return SupplyStatus.OPEN;
    }
}
