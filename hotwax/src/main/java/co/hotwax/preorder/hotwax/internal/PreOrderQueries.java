package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.HotWaxSettings;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Pre-order lines: items of {@code SALES_ORDER} headers that sit in the pre-order parking facility, or that carry a
 * {@code correspondingPoId} (HotWax sets it when it allocates a pre-order to a PO and keeps it after release).
 */
public final class PreOrderQueries extends OrderLineQueries<PreOrder> {
    private static final String ORDER_TYPE = "SALES_ORDER";

    private final HotWaxSettings settings;
    private final String touchSql;

    /**
     * The queries for some settings.
     *
     * @param settings the instance's settings
     */
    public PreOrderQueries(HotWaxSettings settings) {
        this.settings = settings;
        String parked = "EXISTS (SELECT 1 FROM ORDER_ITEM_SHIP_GROUP_ASSOC pa JOIN ORDER_ITEM_SHIP_GROUP pg"
                + " ON pg.ORDER_ID = pa.ORDER_ID AND pg.SHIP_GROUP_SEQ_ID = pa.SHIP_GROUP_SEQ_ID"
                + " WHERE pa.ORDER_ID = t.ORDER_ID AND pa.ORDER_ITEM_SEQ_ID = t.ORDER_ITEM_SEQ_ID"
                + " AND pg.FACILITY_ID = '" + settings.parkingFacilityId() + "')";
        String linked = "EXISTS (SELECT 1 FROM ORDER_ITEM li WHERE li.ORDER_ID = t.ORDER_ID"
                + " AND li.ORDER_ITEM_SEQ_ID = t.ORDER_ITEM_SEQ_ID AND li.CORRESPONDING_PO_ID IS NOT NULL)";
        this.touchSql = OmsSql.touches(OmsSql.orderLineTouches(settings.skuMapping()), ORDER_TYPE,
                parked + " OR " + linked);
    }

    @Override
    String lines(String filter) {
        String channel = settings.channel() == HotWaxSettings.Channel.PRODUCT_STORE
                ? "oh.PRODUCT_STORE_ID" : "oh.SALES_CHANNEL_ENUM_ID";
        return "SELECT oi.ORDER_ID, oi.ORDER_ITEM_SEQ_ID, oi.PRODUCT_ID, oi.QUANTITY, oi.CANCEL_QUANTITY,"
                + " oi.STATUS_ID AS ITEM_STATUS, oi.CORRESPONDING_PO_ID, oi.LAST_UPDATED_STAMP AS ITEM_STAMP,"
                + " oh.ORDER_ID AS HEADER_ID, oh.STATUS_ID AS HEADER_STATUS, oh.ORDER_DATE, " + channel
                + " AS CHANNEL, oh.LAST_UPDATED_STAMP AS HEADER_STAMP, sg.FACILITY_ID, sg.FACILITIES, sg.PARKED,"
                + " sg.ASSOC_STAMP, sg.GROUP_STAMP,"
                + " (SELECT MIN(po.ORDER_ITEM_SEQ_ID) FROM ORDER_ITEM po WHERE po.ORDER_ID = oi.CORRESPONDING_PO_ID"
                + " AND po.PRODUCT_ID = oi.PRODUCT_ID) AS PO_ITEM_SEQ_ID, "
                + OmsSql.skuColumns(settings.skuMapping())
                + " FROM ORDER_ITEM oi LEFT JOIN ORDER_HEADER oh ON oh.ORDER_ID = oi.ORDER_ID"
                + " LEFT JOIN (" + OmsSql.shipGroups(filter, settings.parkingFacilityId()) + ") sg"
                + " ON sg.ORDER_ID = oi.ORDER_ID AND sg.ORDER_ITEM_SEQ_ID = oi.ORDER_ITEM_SEQ_ID"
                + OmsSql.skuJoin(settings.skuMapping(), "oi.PRODUCT_ID")
                + " WHERE (oh.ORDER_TYPE_ID = '" + ORDER_TYPE + "' AND (sg.PARKED = 1"
                + " OR oi.CORRESPONDING_PO_ID IS NOT NULL) OR oh.ORDER_ID IS NULL AND sg.PARKED = 1)";
    }

    @Override
    int filters() {
        return 1;
    }

    @Override
    String touches() {
        return touchSql;
    }

    @Override
    Instant stamp(ResultSet rs) throws SQLException {
        return OmsSql.orderLineStamp(rs);
    }

    @Override
    PreOrder map(ResultSet rs) throws SQLException {
        String orderId = rs.getString("ORDER_ID");
        String seqId = rs.getString("ORDER_ITEM_SEQ_ID");
        String item = "pre-order " + OmsSql.lineKey(orderId, seqId);
        if (rs.getString("HEADER_ID") == null) {
            throw new InvalidInputException(item, "orphan OrderItem: no OrderHeader " + orderId);
        }
        String sku = OmsSql.sku(item, rs, settings.skuMapping());
        Timestamp placed = rs.getTimestamp("ORDER_DATE");
        if (placed == null) {
            throw new InvalidInputException(item, "OrderHeader.orderDate is missing");
        }
        String rawChannel = rs.getString("CHANNEL");
        if (rawChannel == null) {
            throw new InvalidInputException(item, "no channel: OrderHeader."
                    + (settings.channel() == HotWaxSettings.Channel.PRODUCT_STORE
                    ? "productStoreId" : "salesChannelEnumId") + " is missing");
        }
        long ordered = OmsSql.units(item, "quantity", rs.getBigDecimal("QUANTITY"), null);
        long cancelled = OmsSql.units(item, "cancelQuantity", rs.getBigDecimal("CANCEL_QUANTITY"), 0L);
        if (cancelled > ordered) {
            throw new InvalidInputException(item, "cancelQuantity " + cancelled + " exceeds quantity " + ordered);
        }
        boolean parked = rs.getInt("PARKED") == 1;
        SupplyStatus lineStatus = OrderStatuses.supply(item, rs.getString("HEADER_STATUS"),
                rs.getString("ITEM_STATUS"));
        boolean cancelledLine = lineStatus == SupplyStatus.CANCELLED || ordered == cancelled;
        PreOrderStatus status;
        if (cancelledLine) {
            // Cancelled while queued frees its units; cancelled after release, they had left the PO already.
            status = parked ? PreOrderStatus.CANCELLED : PreOrderStatus.RETURNED;
        } else {
            status = parked ? PreOrderStatus.OPEN : PreOrderStatus.RELEASED;
        }
        String poSeq = rs.getString("PO_ITEM_SEQ_ID");
        String pin = poSeq == null ? null : OmsSql.lineKey(rs.getString("CORRESPONDING_PO_ID"), poSeq);
        String facility = parked ? null : rs.getString("FACILITY_ID");
        return new PreOrder(orderId, seqId, sku, cancelledLine ? ordered : ordered - cancelled,
                placed.toInstant(), settings.channelNames().getOrDefault(rawChannel, rawChannel), status, pin,
                facility);
    }
}
