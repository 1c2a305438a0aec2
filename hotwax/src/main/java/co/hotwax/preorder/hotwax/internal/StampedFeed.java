package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.HotWaxRowError;
import co.hotwax.preorder.hotwax.HotWaxSourceException;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A change feed over tables that have no change sequence, only OFBiz's {@code lastUpdatedStamp}.
 *
 * <p>Why not {@code WHERE stamp > checkpoint}: a stamp is taken when a transaction writes a row, not when it
 * commits, so a transaction that started earlier can commit a row stamped before rows already read; and many rows
 * share one stamp. Each read therefore goes back an overlap window below the high-water mark, re-reads every item
 * touched since then, and skips the items whose current content the checkpoint's fingerprints say were already
 * delivered. A row committed more than the window after its stamp is missed until the next snapshot; size the
 * window above the OMS's longest write transaction.
 *
 * <p>Items are delivered in the order of their newest stamp, then key. An item whose content did not change (a
 * header touched without effect on this line) is not delivered again. A refused item is reported once per
 * content, like a delivered one, and takes no room in the page.
 *
 * @param <T> the item type
 */
public final class StampedFeed<T> {
    private static final int LOAD_BATCH = 500;

    private final DataSource dataSource;
    private final String name;
    private final FeedQueries<T> queries;
    private final Duration overlap;
    private final Consumer<HotWaxRowError> errorListener;
    private List<HotWaxRowError> errors = List.of();

    /**
     * A feed.
     *
     * @param dataSource the OMS database
     * @param name the feed's name in messages, e.g. {@code "HotWax purchase orders"}
     * @param queries the SQL side
     * @param overlap how far below the high-water mark each read goes back
     * @param errorListener told of each refused row as it is met
     */
    public StampedFeed(DataSource dataSource, String name, FeedQueries<T> queries, Duration overlap,
                       Consumer<HotWaxRowError> errorListener) {
        this.dataSource = dataSource;
        this.name = name;
        this.queries = queries;
        this.overlap = overlap;
        this.errorListener = errorListener;
    }

    /**
     * Every item now, in one repeatable-read transaction so the checkpoint matches the items.
     *
     * @return the items and the checkpoint
     * @throws HotWaxSourceException when the database fails
     */
    public FeedSnapshot<T> snapshot() {
        List<FeedRow<T>> rows;
        try (Connection c = dataSource.getConnection()) {
            rows = inTransaction(c, () -> queries.readAll(c));
        } catch (SQLException e) {
            throw new HotWaxSourceException("cannot read " + name + " (snapshot): " + e.getMessage(), e);
        }
        Instant mark = Instant.EPOCH;
        for (FeedRow<T> row : rows) {
            if (row.stamp().isAfter(mark)) {
                mark = row.stamp();
            }
        }
        Instant floor = mark.minus(overlap);
        Map<Long, StampCheckpoint.Seen> seen = new HashMap<>();
        List<T> items = new ArrayList<>(rows.size());
        List<HotWaxRowError> refused = new ArrayList<>();
        for (FeedRow<T> row : rows) {
            if (row.item() != null) {
                items.add(row.item());
            } else {
                refused.add(row.error());
            }
            if (!row.stamp().isBefore(floor)) {
                seen.put(hash(row.key()), new StampCheckpoint.Seen(hash(row.key() + "\u0000" + row.content()),
                        row.stamp()));
            }
        }
        report(refused);
        return new FeedSnapshot<>(items, new StampCheckpoint(mark, seen).encode());
    }

    /**
     * The changes after a checkpoint.
     *
     * @param checkpoint from {@link #snapshot()} or a previous page
     * @param maxItems the most items to return
     * @return the page
     * @throws InvalidInputException when the checkpoint is not this feed's or maxItems is below 1
     * @throws HotWaxSourceException when the database fails
     */
    public FeedPage<T> changesSince(Checkpoint checkpoint, int maxItems) {
        if (checkpoint == null) {
            throw new InvalidInputException("changesSince on " + name, "checkpoint is missing");
        }
        if (maxItems < 1) {
            throw new InvalidInputException("changesSince on " + name, "maxItems must be at least 1, was "
                    + maxItems);
        }
        StampCheckpoint from = StampCheckpoint.decode(name, checkpoint);
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, () -> page(c, from, maxItems));
        } catch (SQLException e) {
            throw new HotWaxSourceException("cannot read " + name + " (changes): " + e.getMessage(), e);
        }
    }

    /**
     * The rows the latest call refused, each with its keys and reason.
     *
     * @return the refused rows; empty when all were good
     */
    public List<HotWaxRowError> errors() {
        return errors;
    }

    private FeedPage<T> page(Connection c, StampCheckpoint from, int maxItems) throws SQLException {
        Map<String, Instant> touched = queries.touchedSince(c, from.mark().minus(overlap));
        List<Map.Entry<String, Instant>> candidates = new ArrayList<>(touched.entrySet());
        candidates.sort(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));

        Map<Long, StampCheckpoint.Seen> seen = new HashMap<>(from.seen());
        Instant mark = from.mark();
        List<T> items = new ArrayList<>();
        List<HotWaxRowError> refused = new ArrayList<>();
        boolean hasMore = false;
        scan:
        for (int start = 0; start < candidates.size(); start += LOAD_BATCH) {
            List<Map.Entry<String, Instant>> batch =
                    candidates.subList(start, Math.min(candidates.size(), start + LOAD_BATCH));
            Map<String, FeedRow<T>> rows = queries.read(c, batch.stream().map(Map.Entry::getKey).toList());
            List<FeedRow<T>> ordered = new ArrayList<>(batch.size());
            for (Map.Entry<String, Instant> candidate : batch) {
                FeedRow<T> row = rows.get(candidate.getKey());
                if (row != null) {
                    ordered.add(row);
                }
            }
            // The row's own stamp is the newest of all its tables; the touch saw only the ones in the window.
            ordered.sort(Comparator.comparing(FeedRow<T>::stamp).thenComparing(FeedRow::key));
            for (FeedRow<T> row : ordered) {
                long key = hash(row.key());
                long content = hash(row.key() + "\u0000" + row.content());
                StampCheckpoint.Seen last = seen.get(key);
                if (last != null && last.content() == content) {
                    seen.put(key, new StampCheckpoint.Seen(content, max(last.stamp(), row.stamp())));
                } else if (row.error() != null) {
                    refused.add(row.error());
                    seen.put(key, new StampCheckpoint.Seen(content, row.stamp()));
                } else if (items.size() == maxItems) {
                    hasMore = true;
                    break scan;
                } else {
                    items.add(row.item());
                    seen.put(key, new StampCheckpoint.Seen(content, row.stamp()));
                }
                mark = max(mark, row.stamp());
            }
        }
        Instant floor = mark.minus(overlap);
        seen.values().removeIf(last -> last.stamp().isBefore(floor));
        report(refused);
        return new FeedPage<>(items, new StampCheckpoint(mark, seen).encode(), hasMore);
    }

    private void report(List<HotWaxRowError> refused) {
        errors = List.copyOf(refused);
        refused.forEach(errorListener);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** 64 bits of SHA-256: collisions are negligible at any realistic window size. */
    private static long hash(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static <R> R inTransaction(Connection c, SqlWork<R> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            R result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    /** A unit of SQL work. */
    private interface SqlWork<R> {
        R run() throws SQLException;
    }
}
