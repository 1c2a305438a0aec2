package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.cli.source.SourceUnavailableException;
import co.hotwax.preorder.cli.source.internal.FeedArguments;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.CheckpointExpiredException;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Purchase-order lines read over JDBC from the OMS's own tables ({@link PurchaseOrderSchema}): one
 * {@link SupplyLine} per {@code purchase_order_item} row, with {@code lineId = order_id + "/" + item_seq_id}, the
 * status mapped by {@link PurchaseOrderStatuses}, and null received, cancelled and buffer quantities read as 0.
 *
 * <p>Change feed: the writer sets {@code change_seq = NEXT VALUE FOR po_change_seq} on every write to a line,
 * and on every line of an order whose header changes (a header status decides its lines' status). A checkpoint is
 * the last {@code change_seq} seen, and {@code changesSince(seq, n)} is
 * {@code WHERE change_seq > seq ORDER BY change_seq FETCH FIRST n ROWS ONLY}, so it is repeatable and never
 * expires. Rows are never deleted: cancel them instead, or the feed cannot tell. A checkpoint beyond the highest
 * {@code change_seq} (the database was reset) throws {@link CheckpointExpiredException}.
 *
 * <p>Caveat for production: a sequence value is taken when a transaction writes, not when it commits, so two
 * concurrent writers may commit out of order and a reader between the commits would skip the earlier value.
 * Serialize the writers that bump {@code change_seq} (e.g. lock a counter row in the same transaction) or read
 * only changes older than the longest transaction.
 *
 * <p>Bad rows (say received more than ordered, an unknown status) are skipped, logged and listed by
 * {@link #errors()} with the row's key; the other rows go on and the checkpoint moves past them. A parse error
 * never cancels a line: a bad row in a page of changes is left out, so the engine keeps the line's last good state,
 * and a bad row in a snapshot is served as the last good state this source read for that line, if it read one
 * (a line that never read well is absent, as it always was).
 */
public final class JdbcPurchaseOrderSource implements PurchaseOrderSource {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPurchaseOrderSource.class);

    private final DataSource dataSource;
    private final String itemTable;
    private final String selectLines;
    private final String selectLatestSeq;
    private List<RowError> errors = List.of();
    /** The last good state read of each line, served in a snapshot in place of a row that turned bad. */
    private final Map<String, SupplyLine> lastGood = new HashMap<>();

    /**
     * A source over the unprefixed tables.
     *
     * @param dataSource the OMS database
     */
    public JdbcPurchaseOrderSource(DataSource dataSource) {
        this(dataSource, "");
    }

    /**
     * A source over prefixed tables, e.g. {@code oms_purchase_order}.
     *
     * @param dataSource the OMS database
     * @param tablePrefix letters, digits and underscores, or empty
     * @throws IllegalArgumentException when the data source is null or the prefix is not a safe identifier
     */
    public JdbcPurchaseOrderSource(DataSource dataSource, String tablePrefix) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource must not be null");
        }
        String prefix = TablePrefix.require(tablePrefix);
        this.dataSource = dataSource;
        this.itemTable = prefix + "purchase_order_item";
        this.selectLines = "SELECT i.order_id, i.item_seq_id, i.product_sku, i.facility_id, i.quantity,"
                + " i.received_quantity, i.cancel_quantity, i.estimated_delivery_date, i.status AS item_status,"
                + " i.order_buffer, i.change_seq, h.status AS header_status"
                + " FROM " + itemTable + " i JOIN " + prefix + "purchase_order h ON h.order_id = i.order_id";
        this.selectLatestSeq = "SELECT COALESCE(MAX(change_seq), 0) FROM " + itemTable;
    }

    @Override
    public FeedSnapshot<SupplyLine> snapshot() {
        // One statement: a consistent read, so the checkpoint (its highest change_seq) matches the lines.
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(selectLines + " ORDER BY i.change_seq")) {
            Batch batch = read(ps, Integer.MAX_VALUE, true);
            return new FeedSnapshot<>(batch.lines, Checkpoint.of(Long.toString(batch.lastSeq)));
        } catch (SQLException e) {
            throw unavailable("snapshot", e);
        }
    }

    @Override
    public FeedPage<SupplyLine> changesSince(Checkpoint checkpoint, int maxItems) {
        long from = sequence(checkpoint, FeedArguments.requireValid(itemTable, checkpoint, maxItems));
        try (Connection c = dataSource.getConnection()) {
            long latest = latestSeq(c);
            if (from > latest) {
                throw new CheckpointExpiredException(checkpoint, "is ahead of " + itemTable
                        + " (latest change_seq " + latest + "); was the database reset? Take a new snapshot");
            }
            try (PreparedStatement ps = c.prepareStatement(selectLines
                    + " WHERE i.change_seq > ? ORDER BY i.change_seq FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, from);
                ps.setInt(2, maxItems == Integer.MAX_VALUE ? maxItems : maxItems + 1);
                Batch batch = read(ps, maxItems, false);
                long next = batch.rows == 0 ? from : batch.lastSeq;
                return new FeedPage<>(batch.lines, Checkpoint.of(Long.toString(next)), batch.hasMore);
            }
        } catch (SQLException e) {
            throw unavailable("changesSince " + from, e);
        }
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /**
     * The rows the latest call refused, each with its key ({@code order_id/item_seq_id}) and reason.
     *
     * @return the refused rows; empty when all were good
     */
    public List<RowError> errors() {
        return errors;
    }

    private long sequence(Checkpoint checkpoint, String value) {
        try {
            long seq = Long.parseLong(value);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message as a negative number
        }
        throw new CheckpointExpiredException(checkpoint, "is not a change_seq of " + itemTable);
    }

    private long latestSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(selectLatestSeq); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The lines of up to {@code max} rows; one row more tells whether more are waiting. In a snapshot a bad row is
     * replaced by its line's last good state.
     */
    private Batch read(PreparedStatement ps, int max, boolean snapshot) throws SQLException {
        Batch batch = new Batch();
        List<RowError> refused = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (batch.rows == max) {
                    batch.hasMore = true;
                    break;
                }
                batch.rows++;
                batch.lastSeq = rs.getLong("change_seq");
                String key = rs.getString("order_id") + "/" + rs.getString("item_seq_id");
                try {
                    SupplyLine line = line(key, rs);
                    lastGood.put(key, line);
                    batch.lines.add(line);
                } catch (InvalidInputException e) {
                    RowError error = new RowError(itemTable, key, e.reason());
                    SupplyLine kept = snapshot ? lastGood.get(key) : null;
                    LOG.warn("Skipped a purchase order line{}: {}", kept == null ? "" : " (its last good state"
                            + " is kept)", error.message());
                    refused.add(error);
                    if (kept != null) {
                        batch.lines.add(kept);
                    }
                }
            }
        }
        errors = List.copyOf(refused);
        return batch;
    }

    private static SupplyLine line(String key, ResultSet rs) throws SQLException {
        SupplyStatus status = PurchaseOrderStatuses.of(key, rs.getString("header_status"),
                rs.getString("item_status"));
        Date eta = rs.getDate("estimated_delivery_date");
        return new SupplyLine(key, rs.getString("order_id"), rs.getString("product_sku"),
                rs.getString("facility_id"), units(key, "quantity", rs.getBigDecimal("quantity"), null),
                units(key, "received_quantity", rs.getBigDecimal("received_quantity"), 0L),
                units(key, "cancel_quantity", rs.getBigDecimal("cancel_quantity"), 0L),
                eta == null ? null : eta.toLocalDate(), status,
                units(key, "order_buffer", rs.getBigDecimal("order_buffer"), 0L));
    }

    /** A fixed-point column as whole units; OFBiz stores quantities as decimals, and a fraction is a data error. */
    private static long units(String key, String column, BigDecimal value, Long absent) {
        String item = "purchase order line " + key;
        if (value == null) {
            if (absent == null) {
                throw new InvalidInputException(item, column + " is missing");
            }
            return absent;
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(item, column + " " + value.stripTrailingZeros().toPlainString()
                    + " must not be negative");
        }
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(item, column + " " + value.stripTrailingZeros().toPlainString()
                    + " is not a whole number of units");
        }
    }

    private SourceUnavailableException unavailable(String what, SQLException e) {
        return new SourceUnavailableException("cannot read " + itemTable + " (" + what + "): " + e.getMessage(), e);
    }

    /** What one query produced. */
    private static final class Batch {
        final List<SupplyLine> lines = new ArrayList<>();
        int rows;
        long lastSeq;
        boolean hasMore;
    }
}
