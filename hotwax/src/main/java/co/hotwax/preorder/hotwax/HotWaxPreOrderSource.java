package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.hotwax.internal.PreOrderQueries;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;

import javax.sql.DataSource;

/**
 * Pre-order lines read from HotWax OMS's own tables: one {@link PreOrder} per {@code OrderItem} of a
 * {@code SALES_ORDER} header that is queued in the pre-order parking facility
 * ({@link HotWaxSettings#parkingFacilityId()}, {@code PRE_ORDER_PARKING}: its {@code OrderItemShipGroup} is there),
 * or that HotWax linked to a purchase order ({@code OrderItem.correspondingPoId}, which stays after release).
 *
 * <ul>
 *   <li>{@code orderId}, {@code lineId} are {@code OrderItem.orderId}, {@code orderItemSeqId};</li>
 *   <li>{@code quantity} is {@code quantity - cancelQuantity} (the whole {@code quantity} once cancelled);</li>
 *   <li>{@code placedAt} is {@code OrderHeader.orderDate}; the channel is {@code OrderHeader.productStoreId} or
 *       {@code salesChannelEnumId} ({@link HotWaxSettings#channel()}), renamed by
 *       {@link HotWaxSettings#channelNames()};</li>
 *   <li>status: queued in parking, open; out of parking (brokered), released; cancelled while parked, cancelled;
 *       cancelled after release, returned (its units had left the PO line);</li>
 *   <li>{@code pinnedLineId}: the PO line {@code correspondingPoId/orderItemSeqId} of the same product (the first,
 *       if the PO has several), or none;</li>
 *   <li>{@code facilityId}: the ship group's facility once released, none while parked.</li>
 * </ul>
 *
 * <p>A pre-order released without a {@code correspondingPoId} leaves the feed (nothing in HotWax's tables then
 * says it was one); the OMS reports its release through {@code PreorderSync.preOrderReleased}, as the README's
 * "Embedding in HotWax OMS" describes.
 *
 * <p>Entities: {@code OrderHeader}, {@code OrderItem} (with {@code correspondingPoId}),
 * {@code OrderItemShipGroup}, {@code OrderItemShipGroupAssoc} in {@code hotwax/ofbiz-oms-udm}
 * {@code entity/DatamodelOrderEntitymodel.xml}; the parking facility in {@code data/ExtCommerceData.xml}.
 *
 * <p>Change feed, deletes and bad rows as in {@link HotWaxPurchaseOrderSource}: by {@code lastUpdatedStamp} of
 * the item, header, ship group and SKU rows, over an overlap window, de-duplicated by content; refused rows are
 * reported with their keys ({@code errors()}) and never stop the feed. Not thread-safe: one caller at a time.
 *
 * @since 0.1.0
 */
public final class HotWaxPreOrderSource extends HotWaxFeed<PreOrder> implements PreOrderSource {

    /**
     * A source over an OMS database.
     *
     * @param dataSource the OMS database (read only)
     * @param settings how to read it
     * @throws IllegalArgumentException when an argument is null
     */
    public HotWaxPreOrderSource(DataSource dataSource, HotWaxSettings settings) {
        super(dataSource, settings, "HotWax pre-orders", new PreOrderQueries(require(dataSource, settings)));
    }
}
