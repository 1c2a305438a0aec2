package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.HotWaxSettings;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Purchase-order lines from {@code OrderHeader} ({@code orderTypeId = PURCHASE_ORDER}), {@code OrderItem},
 * {@code ShipmentReceipt} (received = sum of {@code quantityAccepted}) and {@code OrderItemShipGroup} through
 * {@code OrderItemShipGroupAssoc} (the receiving facility).
 */
public final class PurchaseOrderQueries extends OrderLineQueries<SupplyLine> {
    private static final String ORDER_TYPE = "PURCHASE_ORDER";

    private final HotWaxSettings settings;
    private final String touchSql;

    /**
     * The queries for some settings.
     *
     * @param settings the instance's settings
     */
    public PurchaseOrderQueries(HotWaxSettings settings) {
        this.settings = settings;
        this.touchSql = OmsSql.touches(OmsSql.orderLineTouches(settings.skuMapping())
                        + " UNION ALL SELECT ORDER_ID, ORDER_ITEM_SEQ_ID, LAST_UPDATED_STAMP FROM SHIPMENT_RECEIPT"
                        + " WHERE LAST_UPDATED_STAMP >= ? AND ORDER_ID IS NOT NULL",
                ORDER_TYPE, "");
    }

    @Override
    String lines(String filter) {
        String where = filter.isEmpty() ? "" : " WHERE ORDER_ID " + filter;
        return "SELECT oi.ORDER_ID, oi.ORDER_ITEM_SEQ_ID, oi.PRODUCT_ID, oi.QUANTITY, oi.CANCEL_QUANTITY,"
                + " oi.STATUS_ID AS ITEM_STATUS, oi.ESTIMATED_DELIVERY_DATE, oi.IS_NEW_PRODUCT,"
                + " oi.LAST_UPDATED_STAMP AS ITEM_STAMP, oh.ORDER_ID AS HEADER_ID, oh.STATUS_ID AS HEADER_STATUS,"
                + " oh.LAST_UPDATED_STAMP AS HEADER_STAMP, sg.FACILITY_ID, sg.FACILITIES, sg.ASSOC_STAMP,"
                + " sg.GROUP_STAMP, rc.RECEIVED, rc.RECEIPT_STAMP, " + OmsSql.skuColumns(settings.skuMapping())
                + " FROM ORDER_ITEM oi LEFT JOIN ORDER_HEADER oh ON oh.ORDER_ID = oi.ORDER_ID"
                + " LEFT JOIN (" + OmsSql.shipGroups(filter, settings.parkingFacilityId()) + ") sg"
                + " ON sg.ORDER_ID = oi.ORDER_ID AND sg.ORDER_ITEM_SEQ_ID = oi.ORDER_ITEM_SEQ_ID"
                + " LEFT JOIN (SELECT ORDER_ID, ORDER_ITEM_SEQ_ID, SUM(QUANTITY_ACCEPTED) AS RECEIVED,"
                + " MAX(LAST_UPDATED_STAMP) AS RECEIPT_STAMP FROM SHIPMENT_RECEIPT" + where
                + " GROUP BY ORDER_ID, ORDER_ITEM_SEQ_ID) rc"
                + " ON rc.ORDER_ID = oi.ORDER_ID AND rc.ORDER_ITEM_SEQ_ID = oi.ORDER_ITEM_SEQ_ID"
                + OmsSql.skuJoin(settings.skuMapping(), "oi.PRODUCT_ID")
                + " WHERE (oh.ORDER_TYPE_ID = '" + ORDER_TYPE + "' OR oh.ORDER_ID IS NULL)";
    }

    @Override
    int filters() {
        return 2;
    }

    @Override
    String touches() {
        return touchSql;
    }

    @Override
    Instant stamp(ResultSet rs) throws SQLException {
        return OmsSql.newest(OmsSql.orderLineStamp(rs), OmsSql.instant(rs, "RECEIPT_STAMP"));
    }

    @Override
    SupplyLine map(ResultSet rs) throws SQLException {
        String orderId = rs.getString("ORDER_ID");
        String key = OmsSql.lineKey(orderId, rs.getString("ORDER_ITEM_SEQ_ID"));
        String item = "purchase order line " + key;
        if (rs.getString("HEADER_ID") == null) {
            throw new InvalidInputException(item, "orphan OrderItem: no OrderHeader " + orderId);
        }
        String sku = OmsSql.sku(item, rs, settings.skuMapping());
        int facilities = rs.getInt("FACILITIES");
        if (facilities > 1) {
            throw new InvalidInputException(item, "ship groups in " + facilities
                    + " facilities; a PO line is received at one");
        }
        String facilityId = rs.getString("FACILITY_ID");
        if (facilityId == null) {
            throw new InvalidInputException(item, "no OrderItemShipGroup facility (the receiving facility)");
        }
        Timestamp eta = rs.getTimestamp("ESTIMATED_DELIVERY_DATE");
        if (eta == null) {
            throw new InvalidInputException(item, "estimatedDeliveryDate is missing");
        }
        LocalDate etaDate = eta.toInstant().atZone(settings.etaZone()).toLocalDate();
        SupplyStatus status = OrderStatuses.supply(item, rs.getString("HEADER_STATUS"), rs.getString("ITEM_STATUS"));
        if (!settings.includeBackorderLines() && !"Y".equals(rs.getString("IS_NEW_PRODUCT"))) {
            status = SupplyStatus.CANCELLED;
        }
        return new SupplyLine(key, orderId, sku, facilityId,
                OmsSql.units(item, "quantity", rs.getBigDecimal("QUANTITY"), null),
                OmsSql.units(item, "received (ShipmentReceipt.quantityAccepted)", rs.getBigDecimal("RECEIVED"), 0L),
                OmsSql.units(item, "cancelQuantity", rs.getBigDecimal("CANCEL_QUANTITY"), 0L),
                etaDate, status, 0);
    }
}
