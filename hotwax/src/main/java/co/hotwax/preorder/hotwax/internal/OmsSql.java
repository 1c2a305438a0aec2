package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.SkuMapping;
import co.hotwax.preorder.spi.InvalidInputException;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQL pieces the HotWax feeds share. Table and column names are OFBiz's: the entity engine turns
 * {@code orderItemSeqId} into {@code ORDER_ITEM_SEQ_ID}, and every entity carries {@code LAST_UPDATED_STAMP}.
 * Names are left unquoted, so they match the upper-case tables of H2, MySQL and Derby and the lower-case ones
 * PostgreSQL folds them to.
 */
final class OmsSql {
    private OmsSql() {
    }

    /** The key of an order line in every order feed. */
    static String lineKey(String orderId, String orderItemSeqId) {
        return orderId + "/" + orderItemSeqId;
    }

    /** The distinct order ids of some line keys (a sequence id never holds a slash; an order id may). */
    static List<String> orderIds(Collection<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            if (slash > 0) {
                ids.add(key.substring(0, slash));
            }
        }
        return List.copyOf(ids);
    }

    /** {@code ?, ?, ?} for n parameters. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Binds the same list of values from parameter {@code first} on, {@code times} times over. */
    static void bindRepeated(PreparedStatement ps, List<String> values, int times) throws SQLException {
        int index = 1;
        for (int t = 0; t < times; t++) {
            for (String value : values) {
                ps.setString(index++, value);
            }
        }
    }

    /** A stamp column, or null. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The newest of some stamps, ignoring nulls; the epoch when all are null. */
    static Instant newest(Instant... stamps) {
        Instant newest = Instant.EPOCH;
        for (Instant stamp : stamps) {
            if (stamp != null && stamp.isAfter(newest)) {
                newest = stamp;
            }
        }
        return newest;
    }

    /**
     * A decimal quantity column as whole units; OFBiz stores quantities as decimals, and a fraction or a negative
     * value is a data error.
     */
    static long units(String item, String column, BigDecimal value, Long absent) {
        if (value == null) {
            if (absent == null) {
                throw new InvalidInputException(item, column + " is missing");
            }
            return absent;
        }
        String shown = value.stripTrailingZeros().toPlainString();
        if (value.signum() < 0) {
            throw new InvalidInputException(item, column + " " + shown + " must not be negative");
        }
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(item, column + " " + shown + " is not a whole number of units");
        }
    }

    /** The select expressions {@code SKU, SKU_STAMP} for a mapping, over an order item aliased {@code oi}. */
    static String skuColumns(SkuMapping mapping) {
        return skuColumns(mapping, "oi.PRODUCT_ID");
    }

    /** The select expressions {@code SKU, SKU_STAMP} for a mapping, over a product id column. */
    static String skuColumns(SkuMapping mapping, String productColumn) {
        return switch (mapping.kind()) {
            case PRODUCT_ID -> productColumn + " AS SKU, CAST(NULL AS TIMESTAMP) AS SKU_STAMP";
            case INTERNAL_NAME -> "p.INTERNAL_NAME AS SKU, p.LAST_UPDATED_STAMP AS SKU_STAMP";
            case GOOD_IDENTIFICATION -> "gi.ID_VALUE AS SKU, gi.LAST_UPDATED_STAMP AS SKU_STAMP";
        };
    }

    /** The join that {@link #skuColumns} reads from, over {@code productColumn}. */
    static String skuJoin(SkuMapping mapping, String productColumn) {
        return switch (mapping.kind()) {
            case PRODUCT_ID -> "";
            case INTERNAL_NAME -> " LEFT JOIN PRODUCT p ON p.PRODUCT_ID = " + productColumn;
            case GOOD_IDENTIFICATION -> " LEFT JOIN GOOD_IDENTIFICATION gi ON gi.PRODUCT_ID = " + productColumn
                    + " AND gi.GOOD_IDENTIFICATION_TYPE_ID = '" + mapping.identificationType() + "'";
        };
    }

    /**
     * A touch query over the SKU's table, giving {@code ORDER_ID, ORDER_ITEM_SEQ_ID, STAMP} of the order items
     * whose SKU row changed, or empty when the SKU is the product id. One {@code ?} parameter: the earliest stamp.
     */
    static String skuTouches(SkuMapping mapping) {
        return switch (mapping.kind()) {
            case PRODUCT_ID -> "";
            case INTERNAL_NAME -> " UNION ALL SELECT oi.ORDER_ID, oi.ORDER_ITEM_SEQ_ID, p.LAST_UPDATED_STAMP"
                    + " FROM PRODUCT p JOIN ORDER_ITEM oi ON oi.PRODUCT_ID = p.PRODUCT_ID"
                    + " WHERE p.LAST_UPDATED_STAMP >= ?";
            case GOOD_IDENTIFICATION -> " UNION ALL SELECT oi.ORDER_ID, oi.ORDER_ITEM_SEQ_ID, gi.LAST_UPDATED_STAMP"
                    + " FROM GOOD_IDENTIFICATION gi JOIN ORDER_ITEM oi ON oi.PRODUCT_ID = gi.PRODUCT_ID"
                    + " WHERE gi.GOOD_IDENTIFICATION_TYPE_ID = '" + mapping.identificationType() + "'"
                    + " AND gi.LAST_UPDATED_STAMP >= ?";
        };
    }

    /**
     * The touched order lines of one order type: {@code unions} (selects of {@code ORDER_ID, ORDER_ITEM_SEQ_ID,
     * STAMP} joined by UNION ALL, each with one {@code ?} for the earliest stamp) grouped to the newest stamp per
     * line, keeping lines of {@code orderTypeId} and orphans (no header), which the load reports.
     */
    static String touches(String unions, String orderTypeId, String lineCondition) {
        return "SELECT t.ORDER_ID, t.ORDER_ITEM_SEQ_ID, MAX(t.STAMP) AS STAMP FROM (" + unions + ") t"
                + " LEFT JOIN ORDER_HEADER h ON h.ORDER_ID = t.ORDER_ID"
                + " WHERE (h.ORDER_TYPE_ID = '" + orderTypeId + "' OR h.ORDER_ID IS NULL)"
                + (lineCondition.isEmpty() ? "" : " AND (" + lineCondition + ")")
                + " GROUP BY t.ORDER_ID, t.ORDER_ITEM_SEQ_ID";
    }

    /**
     * The UNION ALL of touch selects every order feed shares: the item itself, its header, its ship-group
     * association and ship group, and the SKU's table.
     */
    static String orderLineTouches(SkuMapping mapping) {
        return "SELECT ORDER_ID, ORDER_ITEM_SEQ_ID, LAST_UPDATED_STAMP AS STAMP FROM ORDER_ITEM"
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
                + skuTouches(mapping);
    }

    /**
     * The ship groups of each order line, grouped: {@code FACILITY_ID} (the lowest), {@code FACILITIES} (how many
     * distinct), {@code PARKED} (1 when one is {@code parkingFacilityId}), and the newest stamps of the
     * association and the group. {@code filter} is empty or {@code IN (?, ...)} on the order id.
     */
    static String shipGroups(String filter, String parkingFacilityId) {
        return "SELECT a.ORDER_ID, a.ORDER_ITEM_SEQ_ID, MIN(g.FACILITY_ID) AS FACILITY_ID,"
                + " COUNT(DISTINCT g.FACILITY_ID) AS FACILITIES,"
                + " MAX(CASE WHEN g.FACILITY_ID = '" + parkingFacilityId + "' THEN 1 ELSE 0 END) AS PARKED,"
                + " MAX(a.LAST_UPDATED_STAMP) AS ASSOC_STAMP, MAX(g.LAST_UPDATED_STAMP) AS GROUP_STAMP"
                + " FROM ORDER_ITEM_SHIP_GROUP_ASSOC a JOIN ORDER_ITEM_SHIP_GROUP g"
                + " ON g.ORDER_ID = a.ORDER_ID AND g.SHIP_GROUP_SEQ_ID = a.SHIP_GROUP_SEQ_ID"
                + (filter.isEmpty() ? "" : " WHERE a.ORDER_ID " + filter)
                + " GROUP BY a.ORDER_ID, a.ORDER_ITEM_SEQ_ID";
    }

    /** The newest stamp of the rows every order line is made of. */
    static Instant orderLineStamp(ResultSet rs) throws SQLException {
        return newest(instant(rs, "ITEM_STAMP"), instant(rs, "HEADER_STAMP"), instant(rs, "ASSOC_STAMP"),
                instant(rs, "GROUP_STAMP"), instant(rs, "SKU_STAMP"));
    }

    /** The SKU column, refused when the product has none under the mapping. */
    static String sku(String item, ResultSet rs, SkuMapping mapping) throws SQLException {
        String sku = rs.getString("SKU");
        if (sku == null || sku.isBlank()) {
            throw new InvalidInputException(item, "product " + rs.getString("PRODUCT_ID") + " has no SKU ("
                    + mapping + ")");
        }
        return sku;
    }

    /** Maps one result row. */
    interface RowMapper<R> {
        R map(ResultSet rs) throws SQLException;
    }

    /** Every row of a whole-feed query, mapped. */
    static <R> List<R> readAll(java.sql.Connection c, String sql, RowMapper<R> mapper) throws SQLException {
        List<R> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
        }
        return rows;
    }

    /** Runs a {@link #touches} query: stamp per line key. */
    static java.util.Map<String, Instant> readTouches(java.sql.Connection c, String sql, Instant from)
            throws SQLException {
        java.util.Map<String, Instant> touched = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int params = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= params; i++) {
                ps.setTimestamp(i, Timestamp.from(from));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.put(lineKey(rs.getString(1), rs.getString(2)), rs.getTimestamp(3).toInstant());
                }
            }
        }
        return touched;
    }

    /** Text for error keys: {@code orderId=PO1 orderItemSeqId=00001}. */
    static String lineKeys(String orderId, String orderItemSeqId) {
        return "orderId=" + orderId + " orderItemSeqId=" + orderItemSeqId;
    }

    /** Joins names for messages. */
    static String names(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
