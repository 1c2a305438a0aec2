package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.spi.ChangeFeed;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.CheckpointExpiredException;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;
import co.hotwax.preorder.spi.SupplyLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every input feed: full snapshots at start (and when a checkpoint expired), then pages of changes from the
 * checkpoints it keeps in memory. Merges several supply sources, refusing a line whose id another source already
 * uses (reported, never guessed).
 *
 * <p>Checkpoints live only in memory on purpose: after a restart the engine takes fresh snapshots, so losing them
 * is safe.
 *
 * <p>A failing read never throws out of {@link #poll}: it is returned as a {@link FeedFailure} and that feed is
 * read again from the same checkpoint next time. Only {@link CheckpointExpiredException} asks for a reload at once.
 * A plain {@link InvalidInputException} is what feeds written before that type existed threw for an expired
 * checkpoint, but also what a feed may throw for one bad row; it asks for a reload only after
 * {@value #LEGACY_EXPIRY_REFUSALS} refusals in a row from the same feed, so a bad row does not reload every poll.
 *
 * <p>Used by one thread at a time (the feed thread, or the loop thread in manual mode and at start).
 */
public final class FeedReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);
    /** Plain {@link InvalidInputException}s in a row from one feed after which its checkpoint is taken as expired. */
    static final int LEGACY_EXPIRY_REFUSALS = 3;

    private final List<Cursor<SupplyLine>> supply = new ArrayList<>();
    private final Cursor<PreOrder> preOrders;
    private final Cursor<StockLevel> stock;
    /** Which supply source owns each line id; only kept when there are several sources. */
    private final Map<String, Integer> lineOwners;
    /** The feed read last, so a failed snapshot can name it. */
    private String lastFeed;

    /** Everything the feeds hold, ready for a rebuild, plus the items refused while merging. */
    public record Snapshot(List<SupplyLine> lines, List<PreOrder> preOrders, List<StockLevel> stock,
                           List<SyncEvent.InputRejected> rejected) {
    }

    /**
     * One round of polling.
     *
     * @param commands the changes, as book commands, in feed order
     * @param rejected items refused while merging
     * @param hasMore whether a feed had more changes than one page
     * @param needsReload whether a checkpoint expired, so every feed must be read again from a snapshot
     * @param failures the feeds whose read failed this round (each is read again from the same checkpoint)
     */
    public record Poll(List<BookCommand> commands, List<SyncEvent.InputRejected> rejected, boolean hasMore,
                       boolean needsReload, List<FeedFailure> failures) {
    }

    /**
     * A feed read that failed.
     *
     * @param feed the feed, e.g. {@code "supply source #1"}
     * @param reason what went wrong
     */
    public record FeedFailure(String feed, String reason) {
    }

    /**
     * Creates a reader.
     *
     * @param supply the supply sources, at least one
     * @param preOrders the pre-order source, or null
     * @param stock the stock source, or null
     */
    public FeedReader(List<PurchaseOrderSource> supply, PreOrderSource preOrders, StockSource stock) {
        for (int i = 0; i < supply.size(); i++) {
            this.supply.add(new Cursor<>(supply.get(i), "supply source #" + (i + 1)));
        }
        this.preOrders = preOrders == null ? null : new Cursor<>(preOrders, "pre-order source");
        this.stock = stock == null ? null : new Cursor<>(stock, "stock source");
        this.lineOwners = supply.size() > 1 ? new HashMap<>() : null;
    }

    /**
     * Takes a snapshot of every feed and resets every checkpoint.
     *
     * @return the merged items
     */
    public Snapshot snapshotAll() {
        lastFeed = null;
        List<SyncEvent.InputRejected> rejected = new ArrayList<>();
        List<SupplyLine> lines = new ArrayList<>();
        if (lineOwners != null) {
            lineOwners.clear();
        }
        for (int i = 0; i < supply.size(); i++) {
            lastFeed = supply.get(i).name;
            for (SupplyLine line : supply.get(i).snapshot()) {
                if (owned(line, i, rejected)) {
                    lines.add(line);
                }
            }
        }
        lastFeed = preOrders == null ? lastFeed : preOrders.name;
        List<PreOrder> orders = preOrders == null ? List.of() : preOrders.snapshot();
        lastFeed = stock == null ? lastFeed : stock.name;
        List<StockLevel> levels = stock == null ? List.of() : stock.snapshot();
        return new Snapshot(lines, orders, levels, rejected);
    }

    /**
     * The feed the last {@link #snapshotAll()} read last: the one that failed when it threw.
     *
     * @return the feed's name, or "feeds" before any read
     */
    public String lastFeed() {
        return lastFeed == null ? "feeds" : lastFeed;
    }

    /**
     * Reads one page of changes from every feed.
     *
     * @param pageSize the most items per feed
     * @return the changes
     */
    public Poll poll(int pageSize) {
        List<BookCommand> commands = new ArrayList<>();
        List<SyncEvent.InputRejected> rejected = new ArrayList<>();
        List<FeedFailure> failures = new ArrayList<>();
        boolean hasMore = false;
        try {
            for (int i = 0; i < supply.size(); i++) {
                FeedPage<SupplyLine> page = supply.get(i).next(pageSize, failures);
                if (page == null) {
                    continue;
                }
                for (SupplyLine line : page.items()) {
                    if (owned(line, i, rejected)) {
                        commands.add(new BookCommand.UpsertSupplyLine(line));
                    }
                }
                hasMore |= page.hasMore();
            }
            if (preOrders != null) {
                FeedPage<PreOrder> page = preOrders.next(pageSize, failures);
                if (page != null) {
                    page.items().forEach(p -> commands.add(new BookCommand.UpsertPreOrder(p)));
                    hasMore |= page.hasMore();
                }
            }
            if (stock != null) {
                FeedPage<StockLevel> page = stock.next(pageSize, failures);
                if (page != null) {
                    page.items().forEach(s -> commands.add(new BookCommand.SetStock(s)));
                    hasMore |= page.hasMore();
                }
            }
        } catch (CheckpointExpiredException e) {
            LOG.warn("A feed refused its checkpoint ({}); reloading every feed from a snapshot", e.getMessage());
            return new Poll(List.of(), rejected, false, true, failures);
        }
        return new Poll(commands, rejected, hasMore, false, failures);
    }

    private boolean owned(SupplyLine line, int source, List<SyncEvent.InputRejected> rejected) {
        if (lineOwners == null) {
            return true;
        }
        Integer owner = lineOwners.putIfAbsent(line.lineId(), source);
        if (owner == null || owner == source) {
            return true;
        }
        String item = "supply line " + line.lineId() + " (sku " + line.sku() + ")";
        String reason = "line id also comes from supply source #" + (owner + 1) + "; ignored from source #"
                + (source + 1) + " (line ids must be unique across supply sources)";
        LOG.warn("{}: {}", item, reason);
        rejected.add(new SyncEvent.InputRejected(item, reason));
        return false;
    }

    /** One feed and the checkpoint reached in it. */
    private static final class Cursor<T> {
        private final ChangeFeed<T> feed;
        private final String name;
        private Checkpoint checkpoint;
        /** Plain {@link InvalidInputException}s in a row. */
        private int refusals;

        Cursor(ChangeFeed<T> feed, String name) {
            this.feed = feed;
            this.name = name;
        }

        List<T> snapshot() {
            FeedSnapshot<T> snapshot = feed.snapshot();
            checkpoint = snapshot.checkpoint();
            refusals = 0;
            return snapshot.items();
        }

        /**
         * The next page, or null when the read failed (added to {@code failures}; read again from the same
         * checkpoint next poll).
         *
         * @throws CheckpointExpiredException when the feed cannot continue from its checkpoint
         */
        FeedPage<T> next(int pageSize, List<FeedFailure> failures) {
            FeedPage<T> page;
            try {
                page = feed.changesSince(checkpoint, pageSize);
            } catch (CheckpointExpiredException e) {
                throw e;
            } catch (InvalidInputException e) {
                if (++refusals >= LEGACY_EXPIRY_REFUSALS) {
                    // A feed from before CheckpointExpiredException says "expired" this way.
                    throw new CheckpointExpiredException(checkpoint, name + " refused it " + refusals
                            + " times in a row: " + e.getMessage());
                }
                return failed(failures, "refused checkpoint " + checkpoint + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                return failed(failures, e.toString(), e);
            }
            if (page == null) {
                return failed(failures, "changesSince returned no page", null);
            }
            if (page.hasMore() && page.next().equals(checkpoint)) {
                // Following it would read the same page forever: its items are applied once, the "more" is not
                // followed, and the feed is read again only after the failure back-off.
                failed(failures, "answered hasMore with the same checkpoint " + checkpoint + "; not followed", null);
                return new FeedPage<>(page.items(), page.next(), false);
            }
            refusals = 0;
            checkpoint = page.next();
            return page;
        }

        private FeedPage<T> failed(List<FeedFailure> failures, String reason, Exception cause) {
            LOG.warn("Reading the {} failed ({}); reading it again later", name, reason, cause);
            failures.add(new FeedFailure(name, reason));
            return null;
        }
    }
}
