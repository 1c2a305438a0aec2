package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes SDK values into the HotWax tables the way the OMS would: each row that changes gets a new
 * {@code LAST_UPDATED_STAMP} from a clock that ticks one millisecond per write, a row that does not change keeps
 * its stamp. Test-only; the OMS itself writes through its entity engine.
 */
final class OmsWriter {
    static final String PARKING = "PRE_ORDER_PARKING";
    static final String SKU_TYPE = "SKU";

    private final DataSource dataSource;
    private Instant clock = Instant.parse("2026-11-01T00:00:00Z");

    OmsWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The next stamp. */
    Instant tick() {
        clock = clock.plusMillis(1);
        return clock;
    }

    /** Moves the clock, e.g. past an overlap window. */
    void advance(java.time.Duration by) {
        clock = clock.plus(by);
    }

    /** Writes a PO line: header, item, product and SKU rows, ship group and receipt. */
    void supplyLine(SupplyLine line) {
        int slash = line.lineId().lastIndexOf('/');
        if (slash < 0 || !line.lineId().substring(0, slash).equals(line.poId())) {
            throw new IllegalArgumentException("lineId must be poId/seq: " + line.lineId());
        }
        inTransaction(c -> supplyLine(c, line, null));
    }

    /** Writes a PO line inside a transaction, every changed row stamped {@code stamp} (null: ticks). */
    void supplyLine(Connection c, SupplyLine line, Instant stamp) throws SQLException {
        String seq = line.lineId().substring(line.lineId().lastIndexOf('/') + 1);
        upsert(c, "ORDER_HEADER", keys("ORDER_ID", line.poId()),
                values("ORDER_TYPE_ID", "PURCHASE_ORDER", "STATUS_ID", "ORDER_APPROVED"), stamp);
        product(c, line.sku(), stamp);
        upsert(c, "ORDER_ITEM", keys("ORDER_ID", line.poId(), "ORDER_ITEM_SEQ_ID", seq),
                values("PRODUCT_ID", productId(line.sku()), "QUANTITY", BigDecimal.valueOf(line.ordered()),
                        "CANCEL_QUANTITY", BigDecimal.valueOf(line.cancelled()),
                        "STATUS_ID", switch (line.status()) {
                            case OPEN -> "ITEM_APPROVED";
                            case CLOSED -> "ITEM_COMPLETED";
                            case CANCELLED -> "ITEM_CANCELLED";
                        },
                        "ESTIMATED_DELIVERY_DATE",
                        Timestamp.from(line.eta().atStartOfDay(ZoneOffset.UTC).toInstant()),
                        "IS_NEW_PRODUCT", "Y"), stamp);
        shipGroup(c, line.poId(), seq, line.facilityId(), stamp);
        if (line.received() > 0 || exists(c, "SHIPMENT_RECEIPT", keys("RECEIPT_ID", line.lineId()))) {
            upsert(c, "SHIPMENT_RECEIPT", keys("RECEIPT_ID", line.lineId()),
                    values("PRODUCT_ID", productId(line.sku()), "ORDER_ID", line.poId(),
                            "ORDER_ITEM_SEQ_ID", seq, "QUANTITY_ACCEPTED", BigDecimal.valueOf(line.received())),
                    stamp);
        }
    }

    /**
     * Writes a pre-order: a sales order header and item, in the parking facility while open or cancelled, in its
     * facility once released or returned (with {@code correspondingPoId} set, which keeps it in the feed).
     */
    void preOrder(PreOrder order) {
        boolean parked = order.status() == PreOrderStatus.OPEN || order.status() == PreOrderStatus.CANCELLED;
        String pinnedPo = order.pinnedLineId() == null ? null
                : order.pinnedLineId().substring(0, order.pinnedLineId().lastIndexOf('/'));
        String correspondingPo = pinnedPo != null ? pinnedPo : parked ? null : "PO-WITHOUT-LINE";
        inTransaction(c -> {
            upsert(c, "ORDER_HEADER", keys("ORDER_ID", order.orderId()),
                    values("ORDER_TYPE_ID", "SALES_ORDER", "STATUS_ID", "ORDER_APPROVED",
                            "PRODUCT_STORE_ID", order.channel(), "ORDER_DATE", Timestamp.from(order.placedAt())),
                    null);
            product(c, order.sku(), null);
            upsert(c, "ORDER_ITEM", keys("ORDER_ID", order.orderId(), "ORDER_ITEM_SEQ_ID", order.lineId()),
                    values("PRODUCT_ID", productId(order.sku()), "QUANTITY", BigDecimal.valueOf(order.quantity()),
                            "CANCEL_QUANTITY", BigDecimal.ZERO,
                            "STATUS_ID", order.status().holdsSupply() && order.status() != PreOrderStatus.RETURNED
                                    ? "ITEM_APPROVED" : "ITEM_CANCELLED",
                            "CORRESPONDING_PO_ID", correspondingPo), null);
            shipGroup(c, order.orderId(), order.lineId(), parked ? PARKING
                    : Objects.requireNonNull(order.facilityId(), "a released pre-order needs a facility"), null);
        });
    }

    /** Writes stock: one inventory item per SKU and facility holding the ATP. */
    void stock(StockLevel level, String facilityId) {
        inTransaction(c -> {
            product(c, level.sku(), null);
            upsert(c, "INVENTORY_ITEM", keys("INVENTORY_ITEM_ID", level.sku() + "@" + facilityId),
                    values("PRODUCT_ID", productId(level.sku()), "FACILITY_ID", facilityId,
                            "AVAILABLE_TO_PROMISE_TOTAL", BigDecimal.valueOf(level.onlineAtp())), null);
        });
    }

    static String productId(String sku) {
        return "P-" + sku;
    }

    /** The product row and its SKU identification. */
    void product(Connection c, String sku, Instant stamp) throws SQLException {
        upsert(c, "PRODUCT", keys("PRODUCT_ID", productId(sku)), values("INTERNAL_NAME", sku), stamp);
        upsert(c, "GOOD_IDENTIFICATION", keys("GOOD_IDENTIFICATION_TYPE_ID", SKU_TYPE, "PRODUCT_ID", productId(sku)),
                values("ID_VALUE", sku), stamp);
    }

    /** The item's ship group (one per item here, numbered like it) and the association. */
    void shipGroup(Connection c, String orderId, String seq, String facilityId, Instant stamp) throws SQLException {
        upsert(c, "ORDER_ITEM_SHIP_GROUP", keys("ORDER_ID", orderId, "SHIP_GROUP_SEQ_ID", seq),
                values("FACILITY_ID", facilityId), stamp);
        upsert(c, "ORDER_ITEM_SHIP_GROUP_ASSOC",
                keys("ORDER_ID", orderId, "ORDER_ITEM_SEQ_ID", seq, "SHIP_GROUP_SEQ_ID", seq), values(), stamp);
    }

    /**
     * Inserts or updates a row; a changed or new row gets {@code stamp}, or the next tick when null. An unchanged
     * row is left alone, as the entity engine leaves a row whose values were stored unchanged.
     */
    void upsert(Connection c, String table, Map<String, Object> keys, Map<String, Object> values, Instant stamp)
            throws SQLException {
        List<String> valueColumns = new ArrayList<>(values.keySet());
        String where = String.join(" AND ", keys.keySet().stream().map(k -> k + " = ?").toList());
        Map<String, Object> current = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + (valueColumns.isEmpty() ? "1"
                : String.join(", ", valueColumns)) + " FROM " + table + " WHERE " + where)) {
            bind(ps, 1, new ArrayList<>(keys.values()));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    current = new LinkedHashMap<>();
                    for (String column : valueColumns) {
                        current.put(column, rs.getObject(column));
                    }
                }
            }
        }
        Timestamp at = Timestamp.from(stamp != null ? stamp : null == current || differs(current, values)
                ? tick() : clock);
        if (current == null) {
            List<String> columns = new ArrayList<>(keys.keySet());
            columns.addAll(valueColumns);
            columns.add("LAST_UPDATED_STAMP");
            List<Object> all = new ArrayList<>(keys.values());
            all.addAll(values.values());
            all.add(at);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
                bind(ps, 1, all);
                ps.executeUpdate();
            }
        } else if (stamp != null || differs(current, values)) {
            List<String> sets = new ArrayList<>(valueColumns.stream().map(k -> k + " = ?").toList());
            sets.add("LAST_UPDATED_STAMP = ?");
            List<Object> all = new ArrayList<>(values.values());
            all.add(at);
            all.addAll(keys.values());
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + String.join(", ", sets)
                    + " WHERE " + where)) {
                bind(ps, 1, all);
                ps.executeUpdate();
            }
        }
    }

    boolean exists(Connection c, String table, Map<String, Object> keys) throws SQLException {
        String where = String.join(" AND ", keys.keySet().stream().map(k -> k + " = ?").toList());
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + where)) {
            bind(ps, 1, new ArrayList<>(keys.values()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Runs work in one committed transaction. */
    void inTransaction(SqlWork work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            work.run(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Opens a transaction the test commits later (a slow OMS writer). */
    Connection begin() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    static Map<String, Object> keys(Object... pairs) {
        return map(pairs);
    }

    static Map<String, Object> values(Object... pairs) {
        return map(pairs);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static boolean differs(Map<String, Object> current, Map<String, Object> wanted) {
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (!Objects.equals(normal(current.get(e.getKey())), normal(e.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private static String normal(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        return value == null ? null : value.toString().strip();
    }

    private static void bind(PreparedStatement ps, int first, List<Object> values) throws SQLException {
        int index = first;
        for (Object value : values) {
            if (value == null) {
                ps.setNull(index++, java.sql.Types.NULL);
            } else {
                ps.setObject(index++, value);
            }
        }
    }

    /** SQL work in a transaction. */
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }
}
