package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.HotWaxRowError;
import co.hotwax.preorder.hotwax.HotWaxSettings;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Purchase-order lines from {@code OrderHeader} ({@code orderTypeId = PURCHASE_ORDER}), {@code OrderItem},
 * {@code ShipmentReceipt} (received = sum of {@code quantityAccepted}) and {@code OrderItemShipGroup} through
 * {@code OrderItemShipGroupAssoc} (the receiving facility).
 */
public final class PurchaseOrderQueries implements FeedQueries<SupplyLine> {
    private static final String ORDER_TYPE = "PURCHASE_ORDER";
    private static final int IDS_PER_QUERY = 200;

    private final HotWaxSettings settings;
    private final String touchSql;

    /**
     * The queries for some settings.
     *
     * @param settings the instance's settings
     */
    public PurchaseOrderQueries(HotWaxSettings settings) {
        this.settings = settings;
        this.touchSql = OmsSql.touches(
                "SELECT ORDER_ID, ORDER_ITEM_SEQ_ID, LAST_UPDATED_STAMP AS STAMP FROM ORDER_ITEM"
                        + " WHERE LAST_UPDATED_STAMP >= ?"
                        + " UNION ALL SELECT oi.ORDER_ID, oi.ORDER_ITEM_SEQ_ID, oh.LAST_UPDATED_STAMP"
                        + " FROM ORDER_HEADER oh JOIN ORDER_ITEM oi ON oi.ORDER_ID = oh.ORDER_ID"
                        + " WHERE oh.LAST_UPDATED_STAMP >= ?"
                        + " UNION ALL SELECT ORDER_ID, ORDER_ITEM_SEQ_ID, LAST_UPDATED_STAMP"
                        + " FROM ORDER_ITEM_SHIP_GROUP_ASSOC WHERE LAST_UPDATED_STAMP >= ?"
                        + " UNION ALL SELECT a.ORDER_ID, a.ORDER_ITEM_SEQ_ID, g.LAST_UPDATED_STAMP"
                        + " FROM ORDER_ITEM_SHIP_GROUP g JOIN ORDER_ITEM_SHIP_GROUP_ASSOC a"
                        + " ON a.ORDER_ID = g.ORDER_ID AND a.SHIP_GROUP_SEQ_ID = g.SHIP_GROUP_SEQ_ID"
                        + " WHERE g.LAST_UPDATED_STAMP >= ?"
                        + " UNION ALL SELECT ORDER_ID, ORDER_ITEM_SEQ_ID, LAST_UPDATED_STAMP FROM SHIPMENT_RECEIPT"
                        + " WHERE LAST_UPDATED_STAMP >= ? AND ORDER_ID IS NOT NULL"
                        + OmsSql.skuTouches(settings.skuMapping()),
                ORDER_TYPE);
    }

    /** The line query; {@code filter} is empty or {@code IN (?, ...)} applied to each order id column. */
    private String lines(String filter) {
        String where = filter.isEmpty() ? "" : " WHERE ORDER_ID " + filter;
        return "SELECT oi.ORDER_ID, oi.ORDER_ITEM_SEQ_ID, oi.PRODUCT_ID, oi.QUANTITY, oi.CANCEL_QUANTITY,"
                + " oi.STATUS_ID AS ITEM_STATUS, oi.ESTIMATED_DELIVERY_DATE, oi.IS_NEW_PRODUCT,"
                + " oi.LAST_UPDATED_STAMP AS ITEM_STAMP, oh.ORDER_ID AS HEADER_ID, oh.STATUS_ID AS HEADER_STATUS,"
                + " oh.LAST_UPDATED_STAMP AS HEADER_STAMP, sg.FACILITY_ID, sg.FACILITIES, sg.ASSOC_STAMP,"
                + " sg.GROUP_STAMP, rc.RECEIVED, rc.RECEIPT_STAMP, " + OmsSql.skuColumns(settings.skuMapping())
                + " FROM ORDER_ITEM oi LEFT JOIN ORDER_HEADER oh ON oh.ORDER_ID = oi.ORDER_ID"
                + " LEFT JOIN (SELECT a.ORDER_ID, a.ORDER_ITEM_SEQ_ID, MIN(g.FACILITY_ID) AS FACILITY_ID,"
                + " COUNT(DISTINCT g.FACILITY_ID) AS FACILITIES, MAX(a.LAST_UPDATED_STAMP) AS ASSOC_STAMP,"
                + " MAX(g.LAST_UPDATED_STAMP) AS GROUP_STAMP FROM ORDER_ITEM_SHIP_GROUP_ASSOC a"
                + " JOIN ORDER_ITEM_SHIP_GROUP g ON g.ORDER_ID = a.ORDER_ID AND g.SHIP_GROUP_SEQ_ID = a.SHIP_GROUP_SEQ_ID"
                + (filter.isEmpty() ? "" : " WHERE a.ORDER_ID " + filter)
                + " GROUP BY a.ORDER_ID, a.ORDER_ITEM_SEQ_ID) sg"
                + " ON sg.ORDER_ID = oi.ORDER_ID AND sg.ORDER_ITEM_SEQ_ID = oi.ORDER_ITEM_SEQ_ID"
                + " LEFT JOIN (SELECT ORDER_ID, ORDER_ITEM_SEQ_ID, SUM(QUANTITY_ACCEPTED) AS RECEIVED,"
                + " MAX(LAST_UPDATED_STAMP) AS RECEIPT_STAMP FROM SHIPMENT_RECEIPT" + where
                + " GROUP BY ORDER_ID, ORDER_ITEM_SEQ_ID) rc"
                + " ON rc.ORDER_ID = oi.ORDER_ID AND rc.ORDER_ITEM_SEQ_ID = oi.ORDER_ITEM_SEQ_ID"
                + OmsSql.skuJoin(settings.skuMapping(), "oi.PRODUCT_ID")
                + " WHERE (oh.ORDER_TYPE_ID = '" + ORDER_TYPE + "' OR oh.ORDER_ID IS NULL)"
                + (filter.isEmpty() ? "" : " AND oi.ORDER_ID " + filter);
    }

    @Override
    public List<FeedRow<SupplyLine>> readAll(Connection c) throws SQLException {
        List<FeedRow<SupplyLine>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(lines(""))) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    @Override
    public Map<String, Instant> touchedSince(Connection c, Instant from) throws SQLException {
        return OmsSql.readTouches(c, touchSql, from);
    }

    @Override
    public Map<String, FeedRow<SupplyLine>> read(Connection c, Collection<String> keys) throws SQLException {
        Set<String> wanted = new HashSet<>(keys);
        List<String> orderIds = OmsSql.orderIds(keys);
        Map<String, FeedRow<SupplyLine>> rows = new HashMap<>();
        for (int start = 0; start < orderIds.size(); start += IDS_PER_QUERY) {
            List<String> ids = orderIds.subList(start, Math.min(orderIds.size(), start + IDS_PER_QUERY));
            try (PreparedStatement ps = c.prepareStatement(lines("IN (" + OmsSql.marks(ids.size()) + ")"))) {
                OmsSql.bindRepeated(ps, ids, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeedRow<SupplyLine> row = row(rs);
                        if (wanted.contains(row.key())) {
                            rows.put(row.key(), row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private FeedRow<SupplyLine> row(ResultSet rs) throws SQLException {
        String orderId = rs.getString("ORDER_ID");
        String seqId = rs.getString("ORDER_ITEM_SEQ_ID");
        String key = OmsSql.lineKey(orderId, seqId);
        Instant stamp = OmsSql.newest(OmsSql.instant(rs, "ITEM_STAMP"), OmsSql.instant(rs, "HEADER_STAMP"),
                OmsSql.instant(rs, "ASSOC_STAMP"), OmsSql.instant(rs, "GROUP_STAMP"),
                OmsSql.instant(rs, "RECEIPT_STAMP"), OmsSql.instant(rs, "SKU_STAMP"));
        try {
            return new FeedRow<>(key, stamp, line(key, rs), null);
        } catch (InvalidInputException e) {
            return new FeedRow<>(key, stamp, null,
                    new HotWaxRowError("OrderItem", OmsSql.lineKeys(orderId, seqId), e.reason()));
        }
    }

    private SupplyLine line(String key, ResultSet rs) throws SQLException {
        String item = "purchase order line " + key;
        String orderId = rs.getString("ORDER_ID");
        if (rs.getString("HEADER_ID") == null) {
            throw new InvalidInputException(item, "orphan OrderItem: no OrderHeader " + orderId);
        }
        String sku = rs.getString("SKU");
        if (sku == null || sku.isBlank()) {
            throw new InvalidInputException(item, "product " + rs.getString("PRODUCT_ID") + " has no SKU ("
                    + settings.skuMapping() + ")");
        }
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
