package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.cli.source.SourceUnavailableException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Stands in for the OMS in the examples: writes purchase orders the way the change feed of
 * {@link JdbcPurchaseOrderSource} needs. The one rule it shows: every write to a line sets
 * {@code change_seq = NEXT VALUE FOR po_change_seq}, and a header change does so for all the order's lines, in the
 * same transaction. Not part of the SDK: your OMS already has its own writer; add that one statement to it.
 */
public final class OmsPurchaseOrderWriter {
    private final DataSource dataSource;
    private final Clock clock;
    private final String orders;
    private final String items;
    private final String nextSeq;

    /**
     * Creates a writer.
     *
     * @param dataSource the OMS database, with {@link PurchaseOrderSchema} installed
     * @param tablePrefix the prefix the schema was installed with
     * @param clock stamps {@code created_at} and {@code last_updated_stamp}
     */
    public OmsPurchaseOrderWriter(DataSource dataSource, String tablePrefix, Clock clock) {
        if (dataSource == null || clock == null) {
            throw new IllegalArgumentException("dataSource and clock must not be null");
        }
        String prefix = TablePrefix.require(tablePrefix);
        this.dataSource = dataSource;
        this.clock = clock;
        this.orders = prefix + "purchase_order";
        this.items = prefix + "purchase_order_item";
        this.nextSeq = "NEXT VALUE FOR " + prefix + "po_change_seq";
    }

    /**
     * Creates a purchase order header.
     *
     * @param orderId the order id
     * @param supplier the supplier
     * @param status e.g. {@code ORDER_APPROVED}
     */
    public void createOrder(String orderId, String supplier, String status) {
        update("INSERT INTO " + orders + " (order_id, supplier, status, created_at) VALUES (?, ?, ?, ?)",
                orderId, supplier, status, now());
    }

    /**
     * Adds an approved line with nothing received, cancelled or buffered.
     *
     * @param orderId the order
     * @param itemSeqId the line's sequence id within the order, e.g. {@code 00001}
     * @param sku the product SKU
     * @param facilityId the receiving facility
     * @param quantity units ordered
     * @param eta the estimated delivery date
     */
    public void addItem(String orderId, String itemSeqId, String sku, String facilityId, long quantity,
                        LocalDate eta) {
        addItem(orderId, itemSeqId, sku, facilityId, BigDecimal.valueOf(quantity), BigDecimal.ZERO, eta,
                "ITEM_APPROVED");
    }

    /**
     * Adds a line with every value given as the OMS stores it, bad values included (for showing bad-row reports).
     *
     * @param orderId the order
     * @param itemSeqId the line's sequence id
     * @param sku the product SKU, may be null
     * @param facilityId the facility, may be null
     * @param quantity units ordered, may be null or fractional
     * @param received units received, may be null
     * @param eta the estimated delivery date, may be null
     * @param status the item status
     */
    public void addItem(String orderId, String itemSeqId, String sku, String facilityId, BigDecimal quantity,
                        BigDecimal received, LocalDate eta, String status) {
        update("INSERT INTO " + items + " (order_id, item_seq_id, product_sku, facility_id, quantity,"
                        + " received_quantity, cancel_quantity, estimated_delivery_date, status, order_buffer,"
                        + " last_updated_stamp, change_seq) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, ?, " + nextSeq
                        + ")", orderId, itemSeqId, sku, facilityId, quantity, received,
                eta == null ? null : Date.valueOf(eta), status, now());
    }

    /**
     * Records the total received on a line so far.
     *
     * @param orderId the order
     * @param itemSeqId the line
     * @param received the total received
     */
    public void receive(String orderId, String itemSeqId, long received) {
        updateItem(orderId, itemSeqId, "received_quantity = ?", BigDecimal.valueOf(received));
    }

    /**
     * Moves a line's estimated delivery date.
     *
     * @param orderId the order
     * @param itemSeqId the line
     * @param eta the new date
     */
    public void moveEta(String orderId, String itemSeqId, LocalDate eta) {
        updateItem(orderId, itemSeqId, "estimated_delivery_date = ?", Date.valueOf(eta));
    }

    /**
     * Sets a line's status, e.g. {@code ITEM_CANCELLED} or {@code ITEM_COMPLETED}.
     *
     * @param orderId the order
     * @param itemSeqId the line
     * @param status the new status
     */
    public void setItemStatus(String orderId, String itemSeqId, String status) {
        updateItem(orderId, itemSeqId, "status = ?", status);
    }

    /**
     * Sets an order's status and bumps all its lines, in one transaction: the header decides the lines' status.
     *
     * @param orderId the order
     * @param status e.g. {@code ORDER_CANCELLED}
     */
    public void setOrderStatus(String orderId, String status) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                execute(c, "UPDATE " + orders + " SET status = ? WHERE order_id = ?", status, orderId);
                execute(c, "UPDATE " + items + " SET last_updated_stamp = ?, change_seq = " + nextSeq
                        + " WHERE order_id = ?", now(), orderId);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void updateItem(String orderId, String itemSeqId, String assignment, Object value) {
        int rows = update("UPDATE " + items + " SET " + assignment + ", last_updated_stamp = ?, change_seq = "
                + nextSeq + " WHERE order_id = ? AND item_seq_id = ?", value, now(), orderId, itemSeqId);
        if (rows != 1) {
            throw new IllegalArgumentException("no purchase order line " + orderId + "/" + itemSeqId);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return execute(c, sql, args);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static SourceUnavailableException failed(SQLException e) {
        return new SourceUnavailableException("cannot write purchase orders: " + e.getMessage(), e);
    }
}
