package co.hotwax.preorder.hotwax.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The SQL side of one stamp-ordered feed: what {@link StampedFeed} asks of the OMS tables. */
public interface FeedQueries<T> {

    /**
     * Every item of the feed, mapped or refused.
     *
     * @param connection an open connection, inside the caller's transaction
     * @return the rows, in any order
     * @throws SQLException when the database fails
     */
    List<FeedRow<T>> readAll(Connection connection) throws SQLException;

    /**
     * The keys of items one of whose rows carries a {@code lastUpdatedStamp} at or after {@code from}, each with
     * the newest such stamp. Keys of rows that turn out not to belong to the feed are allowed.
     *
     * @param connection an open connection
     * @param from the earliest stamp of interest
     * @return stamp per key
     * @throws SQLException when the database fails
     */
    Map<String, Instant> touchedSince(Connection connection, Instant from) throws SQLException;

    /**
     * The current rows of some items; a key with no row (no longer in the feed) is simply absent.
     *
     * @param connection an open connection
     * @param keys the keys to read
     * @return row per key
     * @throws SQLException when the database fails
     */
    Map<String, FeedRow<T>> read(Connection connection, Collection<String> keys) throws SQLException;
}
