package co.hotwax.preorder.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of supply that pre-orders may be promised against: a purchase-order line, or anything an integrator
 * models the same way (a production order, an inbound shipment, a manual cap with a date).
 *
 * <p>The units of a line are, in order: the {@code received} units, then the units still on order
 * ({@code ordered - received - cancelled} while {@link SupplyStatus#OPEN}, otherwise none). The last
 * {@code buffer} units are held back and never promised.
 *
 * @param lineId identifies the line; unique across all supply (e.g. {@code "PO-7/1"})
 * @param poId the purchase order (or other document) the line belongs to
 * @param sku the product variant's SKU
 * @param facilityId where the units arrive; maps to a Shopify location in per-location mode
 * @param ordered units ordered, {@code 0..}{@link Quantities#MAX}
 * @param received units already received, {@code received + cancelled <= ordered}
 * @param cancelled units cut from the line
 * @param eta expected arrival date of the units still on order
 * @param status whether units are still on order
 * @param buffer units held back from promising (an order buffer), {@code 0..}{@link Quantities#MAX}
 * @since 0.1.0
 */
public record SupplyLine(String lineId, String poId, String sku, String facilityId, long ordered, long received,
                         long cancelled, LocalDate eta, SupplyStatus status, long buffer) {

    /**
     * Validates the line.
     *
     * @param lineId identifies the line; unique across all supply (e.g. {@code "PO-7/1"})
     * @param poId the purchase order (or other document) the line belongs to
     * @param sku the product variant's SKU
     * @param facilityId where the units arrive; maps to a Shopify location in per-location mode
     * @param ordered units ordered, {@code 0..}{@link Quantities#MAX}
     * @param received units already received, {@code received + cancelled <= ordered}
     * @param cancelled units cut from the line
     * @param eta expected arrival date of the units still on order
     * @param status whether units are still on order
     * @param buffer units held back from promising (an order buffer), {@code 0..}{@link Quantities#MAX}
     * @throws InvalidInputException naming the line and the reason when any field is missing or out of range
     */
    public SupplyLine {
        String item = "supply line " + lineId + (sku == null ? "" : " (sku " + sku + ")");
        Quantities.requireId(item, "lineId", lineId);
        Quantities.requireId(item, "poId", poId);
        Quantities.requireId(item, "sku", sku);
        Quantities.requireId(item, "facilityId", facilityId);
        Quantities.requireNonNegative(item, "ordered", ordered);
        Quantities.requireNonNegative(item, "received", received);
        Quantities.requireNonNegative(item, "cancelled", cancelled);
        Quantities.requireNonNegative(item, "buffer", buffer);
        if (received + cancelled > ordered) {
            throw new InvalidInputException(item, "received " + received + " + cancelled " + cancelled
                    + " exceeds ordered " + ordered);
        }
        if (eta == null) {
            throw new InvalidInputException(item, "eta is missing");
        }
        if (status == null) {
            throw new InvalidInputException(item, "status is missing");
        }
    }

    /**
     * Creates an open line with nothing received, cancelled or buffered.
     *
     * @param lineId the line id
     * @param poId the purchase order id
     * @param sku the SKU
     * @param facilityId the receiving facility
     * @param ordered units ordered
     * @param eta expected arrival
     * @return the line
     */
    public static SupplyLine open(String lineId, String poId, String sku, String facilityId, long ordered,
                                  LocalDate eta) {
        return new SupplyLine(lineId, poId, sku, facilityId, ordered, 0, 0, eta, SupplyStatus.OPEN, 0);
    }

    /**
     * Units still on order: not received, not cancelled, and only while the line is open.
     *
     * @return {@code ordered - received - cancelled} when open, else 0
     */
    public long onOrder() {
        return status == SupplyStatus.OPEN ? ordered - received - cancelled : 0;
    }

    /**
     * Units that exist or will exist for this line: received plus on order.
     *
     * @return {@code received + onOrder()}
     */
    public long capacity() {
        return received + onOrder();
    }

    /**
     * Units that may be promised to pre-orders: capacity less the buffer, never negative.
     *
     * @return {@code max(0, capacity() - buffer)}
     */
    public long promisable() {
        return Math.max(0, capacity() - buffer);
    }

    /**
     * A copy with another ordered quantity (a PO increase or cut).
     *
     * @param newOrdered the new ordered quantity
     * @return the copy, validated
     */
    public SupplyLine withOrdered(long newOrdered) {
        return new SupplyLine(lineId, poId, sku, facilityId, newOrdered, received, cancelled, eta, status, buffer);
    }

    /**
     * A copy with another received quantity (a partial or full receipt).
     *
     * @param newReceived the new received quantity
     * @return the copy, validated
     */
    public SupplyLine withReceived(long newReceived) {
        return new SupplyLine(lineId, poId, sku, facilityId, ordered, newReceived, cancelled, eta, status, buffer);
    }

    /**
     * A copy with another cancelled quantity.
     *
     * @param newCancelled the new cancelled quantity
     * @return the copy, validated
     */
    public SupplyLine withCancelled(long newCancelled) {
        return new SupplyLine(lineId, poId, sku, facilityId, ordered, received, newCancelled, eta, status, buffer);
    }

    /**
     * A copy with another expected arrival date.
     *
     * @param newEta the new date
     * @return the copy, validated
     */
    public SupplyLine withEta(LocalDate newEta) {
        return new SupplyLine(lineId, poId, sku, facilityId, ordered, received, cancelled, newEta, status, buffer);
    }

    /**
     * A copy with another status (close short, cancel, reopen).
     *
     * @param newStatus the new status
     * @return the copy, validated
     */
    public SupplyLine withStatus(SupplyStatus newStatus) {
        return new SupplyLine(lineId, poId, sku, facilityId, ordered, received, cancelled, eta, newStatus, buffer);
    }

    /**
     * A copy with another buffer.
     *
     * @param newBuffer units to hold back
     * @return the copy, validated
     */
    public SupplyLine withBuffer(long newBuffer) {
        return new SupplyLine(lineId, poId, sku, facilityId, ordered, received, cancelled, eta, status, newBuffer);
    }

    /**
     * Whether this line is the same line as another, ignoring changes to its quantities, date and status.
     *
     * @param other another line
     * @return true when both have the same {@link #lineId()}
     */
    public boolean sameLine(SupplyLine other) {
        return other != null && Objects.equals(lineId, other.lineId);
    }
}
