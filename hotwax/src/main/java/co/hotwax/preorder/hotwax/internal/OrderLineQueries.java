package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.HotWaxRowError;
import co.hotwax.preorder.spi.InvalidInputException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queries of a feed whose items are order lines ({@code OrderItem} rows keyed {@code orderId/orderItemSeqId}):
 * one line query, filtered by order id for a page's loads, and one touch query.
 *
 * @param <T> the item type
 */
abstract class OrderLineQueries<T> implements FeedQueries<T> {
    private static final int LINES_PER_QUERY = 250;

    /**
     * The line query.
     *
     * @param filter empty, or {@code IN (?, ...)} to apply to the order id of each grouped subquery
     * @return the SQL, to which {@code AND <condition on oi>} may be appended
     */
    abstract String lines(String filter);

    /** How many times {@link #lines} applies its filter. */
    abstract int filters();

    /** The touch query ({@link OmsSql#touches}). */
    abstract String touches();

    /** The newest stamp of the row's tables. */
    abstract Instant stamp(ResultSet rs) throws SQLException;

    /**
     * Maps the current row.
     *
     * @throws InvalidInputException naming the reason when the row is refused
     */
    abstract T map(ResultSet rs) throws SQLException;

    @Override
    public List<FeedRow<T>> readAll(Connection c) throws SQLException {
        return OmsSql.readAll(c, lines(""), this::row);
    }

    @Override
    public Map<String, Instant> touchedSince(Connection c, Instant from) throws SQLException {
        return OmsSql.readTouches(c, touches(), from);
    }

    /** Reads the lines by their keys: the grouped subqueries by order id, the items by (order id, seq id). */
    @Override
    public Map<String, FeedRow<T>> read(Connection c, Collection<String> keys) throws SQLException {
        Set<String> wanted = new HashSet<>(keys);
        List<String> all = List.copyOf(wanted);
        Map<String, FeedRow<T>> rows = new HashMap<>();
        for (int start = 0; start < all.size(); start += LINES_PER_QUERY) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + LINES_PER_QUERY));
            List<String> ids = OmsSql.orderIds(chunk);
            String pairs = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)"));
            String sql = lines("IN (" + OmsSql.marks(ids.size()) + ")")
                    + " AND (oi.ORDER_ID, oi.ORDER_ITEM_SEQ_ID) IN (" + pairs + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                OmsSql.bindRepeated(ps, ids, filters());
                int index = ids.size() * filters() + 1;
                for (String key : chunk) {
                    int slash = key.lastIndexOf('/');
                    ps.setString(index++, key.substring(0, slash));
                    ps.setString(index++, key.substring(slash + 1));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FeedRow<T> row = row(rs);
                        if (wanted.contains(row.key())) {
                            rows.put(row.key(), row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private FeedRow<T> row(ResultSet rs) throws SQLException {
        String orderId = rs.getString("ORDER_ID");
        String seqId = rs.getString("ORDER_ITEM_SEQ_ID");
        String key = OmsSql.lineKey(orderId, seqId);
        Instant stamp = stamp(rs);
        try {
            return new FeedRow<>(key, stamp, map(rs), null);
        } catch (InvalidInputException e) {
            return new FeedRow<>(key, stamp, null,
                    new HotWaxRowError("OrderItem", OmsSql.lineKeys(orderId, seqId), e.reason()));
        }
    }
}
