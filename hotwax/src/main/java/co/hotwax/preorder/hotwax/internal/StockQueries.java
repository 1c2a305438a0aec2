package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.HotWaxRowError;
import co.hotwax.preorder.hotwax.HotWaxSettings;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.Quantities;
import co.hotwax.preorder.spi.StockLevel;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online ATP per product, after HotWax's {@code get#ProductOnlineAtp}: the sum of
 * {@code InventoryItem.availableToPromiseTotal} over the facilities of the online facility group, less the sum of
 * their {@code ProductFacility.minimumStock} thresholds, never below 0; and 0 while pre-orders of the product are
 * queued in parking when {@code HOLD_PRORD_PHYCL_INV} is set. Keyed by {@code productId}.
 */
public final class StockQueries implements FeedQueries<StockLevel> {
    private static final int IDS_PER_QUERY = 500;

    private final HotWaxSettings settings;
    private final String touchSql;

    /**
     * The queries for some settings.
     *
     * @param settings the instance's settings
     */
    public StockQueries(HotWaxSettings settings) {
        this.settings = settings;
        String parkedItems = " FROM ORDER_ITEM oi JOIN ORDER_ITEM_SHIP_GROUP_ASSOC a ON a.ORDER_ID = oi.ORDER_ID"
                + " AND a.ORDER_ITEM_SEQ_ID = oi.ORDER_ITEM_SEQ_ID JOIN ORDER_ITEM_SHIP_GROUP g"
                + " ON g.ORDER_ID = a.ORDER_ID AND g.SHIP_GROUP_SEQ_ID = a.SHIP_GROUP_SEQ_ID";
        StringBuilder sql = new StringBuilder("SELECT PRODUCT_ID, MAX(STAMP) AS STAMP FROM (")
                .append("SELECT ii.PRODUCT_ID, ii.LAST_UPDATED_STAMP AS STAMP FROM INVENTORY_ITEM ii")
                .append(" WHERE ii.LAST_UPDATED_STAMP >= ?")
                .append(" UNION ALL SELECT PRODUCT_ID, LAST_UPDATED_STAMP FROM PRODUCT_FACILITY")
                .append(" WHERE LAST_UPDATED_STAMP >= ?");
        if (settings.onlineFacilityGroupId() != null) {
            sql.append(" UNION ALL SELECT ii.PRODUCT_ID, fgm.LAST_UPDATED_STAMP FROM FACILITY_GROUP_MEMBER fgm")
                    .append(" JOIN INVENTORY_ITEM ii ON ii.FACILITY_ID = fgm.FACILITY_ID")
                    .append(" WHERE fgm.LAST_UPDATED_STAMP >= ?");
        }
        if (settings.holdPreOrderPhysicalInventory()) {
            // An item entering or leaving parking changes the item, its association or its ship group.
            for (String alias : List.of("oi", "a", "g")) {
                sql.append(" UNION ALL SELECT oi.PRODUCT_ID, ").append(alias).append(".LAST_UPDATED_STAMP")
                        .append(parkedItems).append(" WHERE ").append(alias).append(".LAST_UPDATED_STAMP >= ?");
            }
        }
        switch (settings.skuMapping().kind()) {
            case PRODUCT_ID -> { }
            case INTERNAL_NAME -> sql.append(" UNION ALL SELECT PRODUCT_ID, LAST_UPDATED_STAMP FROM PRODUCT")
                    .append(" WHERE LAST_UPDATED_STAMP >= ?");
            case GOOD_IDENTIFICATION -> sql.append(" UNION ALL SELECT PRODUCT_ID, LAST_UPDATED_STAMP")
                    .append(" FROM GOOD_IDENTIFICATION WHERE GOOD_IDENTIFICATION_TYPE_ID = '")
                    .append(settings.skuMapping().identificationType()).append("' AND LAST_UPDATED_STAMP >= ?");
        }
        this.touchSql = sql.append(") t GROUP BY PRODUCT_ID").toString();
    }

    private String levels(String filter) {
        String group = settings.onlineFacilityGroupId() == null ? ""
                : " JOIN FACILITY_GROUP_MEMBER fgm ON fgm.FACILITY_ID = %s.FACILITY_ID AND fgm.FACILITY_GROUP_ID = '"
                + settings.onlineFacilityGroupId() + "' AND fgm.THRU_DATE IS NULL";
        String byProduct = filter.isEmpty() ? "" : " WHERE %s.PRODUCT_ID " + filter;
        String groupStamp = settings.onlineFacilityGroupId() == null ? "CAST(NULL AS TIMESTAMP)"
                : "MAX(fgm.LAST_UPDATED_STAMP)";
        return "SELECT inv.PRODUCT_ID, inv.ATP, inv.INV_STAMP, inv.GROUP_STAMP, th.THRESHOLD, th.PF_STAMP,"
                + " q.QUEUED, q.QUEUE_STAMP, " + OmsSql.skuColumns(settings.skuMapping(), "inv.PRODUCT_ID")
                + " FROM (SELECT ii.PRODUCT_ID, SUM(ii.AVAILABLE_TO_PROMISE_TOTAL) AS ATP,"
                + " MAX(ii.LAST_UPDATED_STAMP) AS INV_STAMP, " + groupStamp + " AS GROUP_STAMP"
                + " FROM INVENTORY_ITEM ii" + group.formatted("ii") + byProduct.formatted("ii")
                + " GROUP BY ii.PRODUCT_ID) inv"
                + " LEFT JOIN (SELECT pf.PRODUCT_ID, SUM(pf.MINIMUM_STOCK) AS THRESHOLD,"
                + " MAX(pf.LAST_UPDATED_STAMP) AS PF_STAMP FROM PRODUCT_FACILITY pf" + group.formatted("pf")
                + byProduct.formatted("pf") + " GROUP BY pf.PRODUCT_ID) th ON th.PRODUCT_ID = inv.PRODUCT_ID"
                + " LEFT JOIN (SELECT oi.PRODUCT_ID, SUM(oi.QUANTITY - COALESCE(oi.CANCEL_QUANTITY, 0)) AS QUEUED,"
                + " MAX(oi.LAST_UPDATED_STAMP) AS QUEUE_STAMP FROM ORDER_ITEM oi"
                + " JOIN ORDER_ITEM_SHIP_GROUP_ASSOC a ON a.ORDER_ID = oi.ORDER_ID"
                + " AND a.ORDER_ITEM_SEQ_ID = oi.ORDER_ITEM_SEQ_ID JOIN ORDER_ITEM_SHIP_GROUP g"
                + " ON g.ORDER_ID = a.ORDER_ID AND g.SHIP_GROUP_SEQ_ID = a.SHIP_GROUP_SEQ_ID"
                + " WHERE g.FACILITY_ID = '" + settings.parkingFacilityId() + "'"
                + " AND oi.STATUS_ID IN ('ITEM_CREATED', 'ITEM_APPROVED')"
                + (filter.isEmpty() ? "" : " AND oi.PRODUCT_ID " + filter)
                + " GROUP BY oi.PRODUCT_ID) q ON q.PRODUCT_ID = inv.PRODUCT_ID"
                + OmsSql.skuJoin(settings.skuMapping(), "inv.PRODUCT_ID");
    }

    @Override
    public List<FeedRow<StockLevel>> readAll(Connection c) throws SQLException {
        return OmsSql.readAll(c, levels(""), this::row);
    }

    @Override
    public Map<String, Instant> touchedSince(Connection c, Instant from) throws SQLException {
        Map<String, Instant> touched = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(touchSql)) {
            int params = (int) touchSql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= params; i++) {
                ps.setTimestamp(i, Timestamp.from(from));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return touched;
    }

    @Override
    public Map<String, FeedRow<StockLevel>> read(Connection c, Collection<String> keys) throws SQLException {
        List<String> ids = List.copyOf(keys);
        Map<String, FeedRow<StockLevel>> rows = new HashMap<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            try (PreparedStatement ps = c.prepareStatement(levels("IN (" + OmsSql.marks(chunk.size()) + ")"))) {
                OmsSql.bindRepeated(ps, chunk, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeedRow<StockLevel> row = row(rs);
                        rows.put(row.key(), row);
                    }
                }
            }
        }
        return rows;
    }

    private FeedRow<StockLevel> row(ResultSet rs) throws SQLException {
        String productId = rs.getString("PRODUCT_ID");
        Instant stamp = OmsSql.newest(OmsSql.instant(rs, "INV_STAMP"), OmsSql.instant(rs, "GROUP_STAMP"),
                OmsSql.instant(rs, "PF_STAMP"), OmsSql.instant(rs, "QUEUE_STAMP"), OmsSql.instant(rs, "SKU_STAMP"));
        try {
            return new FeedRow<>(productId, stamp, level(productId, rs), null);
        } catch (InvalidInputException e) {
            return new FeedRow<>(productId, stamp, null,
                    new HotWaxRowError("InventoryItem", "productId=" + productId, e.reason()));
        }
    }

    private StockLevel level(String productId, ResultSet rs) throws SQLException {
        String item = "online ATP of product " + productId;
        String sku = OmsSql.sku(item, rs, settings.skuMapping());
        BigDecimal queued = rs.getBigDecimal("QUEUED");
        if (settings.holdPreOrderPhysicalInventory() && queued != null && queued.signum() > 0) {
            return new StockLevel(sku, null, 0);
        }
        BigDecimal atp = rs.getBigDecimal("ATP");
        BigDecimal threshold = rs.getBigDecimal("THRESHOLD");
        if (threshold != null && threshold.signum() < 0) {
            throw new InvalidInputException(item, "ProductFacility.minimumStock sums to a negative "
                    + threshold.stripTrailingZeros().toPlainString());
        }
        BigDecimal online = atp.subtract(threshold == null ? BigDecimal.ZERO : threshold).max(BigDecimal.ZERO);
        // ATP may be fractional in OFBiz (decimal quantities); a unit not wholly available is not sellable.
        long units = online.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        if (units > Quantities.MAX) {
            throw new InvalidInputException(item, "online ATP " + units + " exceeds " + Quantities.MAX);
        }
        return new StockLevel(sku, null, units);
    }
}
