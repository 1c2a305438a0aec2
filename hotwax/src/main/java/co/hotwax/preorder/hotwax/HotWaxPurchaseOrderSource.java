package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.hotwax.internal.PurchaseOrderQueries;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SupplyLine;

import javax.sql.DataSource;

/**
 * Purchase-order lines read from HotWax OMS's own tables: one {@link SupplyLine} per {@code OrderItem} of an
 * {@code OrderHeader} with {@code orderTypeId = PURCHASE_ORDER}.
 *
 * <ul>
 *   <li>{@code lineId} is {@code orderId/orderItemSeqId}, {@code poId} the {@code orderId};</li>
 *   <li>{@code ordered} is {@code OrderItem.quantity}, {@code cancelled} its {@code cancelQuantity} (null: 0),
 *       {@code received} the sum of {@code ShipmentReceipt.quantityAccepted} for the item;</li>
 *   <li>{@code facilityId} is the {@code OrderItemShipGroup.facilityId} the item is in (through
 *       {@code OrderItemShipGroupAssoc});</li>
 *   <li>{@code eta} is the calendar date of {@code OrderItem.estimatedDeliveryDate} in
 *       {@link HotWaxSettings#etaZone()};</li>
 *   <li>status: a completed header closes, a cancelled or rejected one cancels every open item; otherwise
 *       {@code ITEM_CREATED}/{@code ITEM_APPROVED} is open, {@code ITEM_COMPLETED} closed,
 *       {@code ITEM_CANCELLED}/{@code ITEM_REJECTED} cancelled. {@code isNewProduct = 'N'} (backorder) lines are
 *       cancelled when {@link HotWaxSettings#includeBackorderLines()} is off;</li>
 *   <li>the SKU per {@link HotWaxSettings#skuMapping()}; no buffer (HotWax has no order-buffer column).</li>
 * </ul>
 *
 * <p>Entities, all in {@code hotwax/ofbiz-oms-udm}: {@code OrderHeader}, {@code OrderItem},
 * {@code OrderItemShipGroup}, {@code OrderItemShipGroupAssoc} in {@code entity/DatamodelOrderEntitymodel.xml}
 * ({@code OrderItem.isNewProduct} added by {@code entity/HwmappsEntitymodel.xml}); {@code ShipmentReceipt} in
 * {@code entity/DatamodelShipmentEntitymodel.xml}; {@code Product}, {@code GoodIdentification} in
 * {@code entity/DatamodelProductEntitymodel.xml}. Every entity carries the entity engine's
 * {@code lastUpdatedStamp}.
 *
 * <p>Change feed: HotWax's tables have no change sequence, so changes are found by {@code lastUpdatedStamp} of
 * every table above, re-reading an overlap window ({@link HotWaxSettings#overlapWindow()}) below the newest stamp
 * seen and skipping lines whose content the checkpoint already holds; a row committed late with an earlier stamp,
 * or many rows with one stamp, are not missed. A line changes when any of its rows does (a receipt, a header
 * status, a ship-group move, a SKU edit). Cancelled and completed lines stay in the feed with their status.
 * Deletes: OFBiz never deletes order items (it cancels them); a row deleted by hand is invisible to a stamp feed
 * and leaves the SDK's state at the next snapshot (the engine's reconciliation), so cancel instead. For speed,
 * index {@code LAST_UPDATED_STAMP} on these tables (see the README).
 *
 * <p>Bad rows (orphan items, null dates, negative or fractional quantities, unknown statuses, no SKU or facility)
 * are skipped, reported with their keys through {@code errors()} and {@link HotWaxSettings#errorListener()}, and
 * never stop the feed. Not thread-safe: one caller at a time, as the SPI allows.
 *
 * @since 0.1.0
 */
public final class HotWaxPurchaseOrderSource extends HotWaxFeed<SupplyLine> implements PurchaseOrderSource {

    /**
     * A source over an OMS database.
     *
     * @param dataSource the OMS database (read only)
     * @param settings how to read it
     * @throws IllegalArgumentException when an argument is null
     */
    public HotWaxPurchaseOrderSource(DataSource dataSource, HotWaxSettings settings) {
        super(dataSource, settings, "HotWax purchase orders",
                new PurchaseOrderQueries(require(dataSource, settings)));
    }
}
