package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SupplyStatus;

import java.util.Map;
import java.util.Set;

/**
 * OFBiz order and item statuses ({@code StatusItem} of types {@code ORDER_STATUS} and {@code ORDER_ITEM_STATUS},
 * {@code hotwax/ofbiz-oms-udm} {@code data/StatusValidChangeData.xml}) in the SDK's terms. A status not listed is
 * refused by name rather than guessed.
 */
final class OrderStatuses {
    /** Header statuses under which the item's own status decides. */
    private static final Set<String> HEADER_OPEN = Set.of("ORDER_CREATED", "ORDER_APPROVED", "ORDER_HOLD",
            "ORDER_SENT", "ORDER_PROCESSING");
    /** Header statuses that decide for every item still open. */
    private static final Map<String, SupplyStatus> HEADER_FINAL = Map.of(
            "ORDER_COMPLETED", SupplyStatus.CLOSED,
            "ORDER_CANCELLED", SupplyStatus.CANCELLED,
            "ORDER_REJECTED", SupplyStatus.CANCELLED);
    private static final Map<String, SupplyStatus> ITEM = Map.of(
            "ITEM_CREATED", SupplyStatus.OPEN,
            "ITEM_APPROVED", SupplyStatus.OPEN,
            "ITEM_COMPLETED", SupplyStatus.CLOSED,
            "ITEM_CANCELLED", SupplyStatus.CANCELLED,
            "ITEM_REJECTED", SupplyStatus.CANCELLED);

    private OrderStatuses() {
    }

    /** A PO line's supply status from its header's and its own status. */
    static SupplyStatus supply(String item, String headerStatus, String itemStatus) {
        if (headerStatus == null || !HEADER_OPEN.contains(headerStatus) && !HEADER_FINAL.containsKey(headerStatus)) {
            throw new InvalidInputException(item, "unknown OrderHeader.statusId " + headerStatus);
        }
        SupplyStatus fromItem = itemStatus == null ? null : ITEM.get(itemStatus);
        if (fromItem == null) {
            throw new InvalidInputException(item, "unknown OrderItem.statusId " + itemStatus);
        }
        SupplyStatus fromHeader = HEADER_FINAL.get(headerStatus);
        return fromHeader != null && fromItem == SupplyStatus.OPEN ? fromHeader : fromItem;
    }

    /** Whether a sales item status (with its header's) means cancelled; refuses unknown statuses. */
    static boolean salesCancelled(String item, String headerStatus, String itemStatus) {
        return supply(item, headerStatus, itemStatus) == SupplyStatus.CANCELLED;
    }

    /** Whether a sales item status (with its header's) means completed (shipped). */
    static boolean salesCompleted(String item, String headerStatus, String itemStatus) {
        return supply(item, headerStatus, itemStatus) == SupplyStatus.CLOSED;
    }
}
