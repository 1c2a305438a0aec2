package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.spi.ChangeFeed;
import co.hotwax.preorder.spi.Checkpoint;
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
 */
public final class FeedReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    private final List<Cursor<SupplyLine>> supply = new ArrayList<>();
    private final Cursor<PreOrder> preOrders;
    private final Cursor<StockLevel> stock;
    /** Which supply source owns each line id; only kept when there are several sources. */
    private final Map<String, Integer> lineOwners;
    private final FeedCounters counters = new FeedCounters();

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
     */
    public record Poll(List<BookCommand> commands, List<SyncEvent.InputRejected> rejected, boolean hasMore,
                       boolean needsReload) {
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
            this.supply.add(new Cursor<>(supply.get(i), "supply source #" + (i + 1), counters));
        }
        this.preOrders = preOrders == null ? null : new Cursor<>(preOrders, "pre-order source", counters);
        this.stock = stock == null ? null : new Cursor<>(stock, "stock source", counters);
        this.lineOwners = supply.size() > 1 ? new HashMap<>() : null;
    }

    /**
     * Takes a snapshot of every feed and resets every checkpoint.
     *
     * @return the merged items
     */
    public Snapshot snapshotAll() {
        List<SyncEvent.InputRejected> rejected = new ArrayList<>();
        List<SupplyLine> lines = new ArrayList<>();
        if (lineOwners != null) {
            lineOwners.clear();
        }
        for (int i = 0; i < supply.size(); i++) {
            for (SupplyLine line : supply.get(i).snapshot()) {
                if (owned(line, i, rejected)) {
                    lines.add(line);
                }
            }
        }
        List<PreOrder> orders = preOrders == null ? List.of() : preOrders.snapshot();
        List<StockLevel> levels = stock == null ? List.of() : stock.snapshot();
        return new Snapshot(lines, orders, levels, rejected);
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
        boolean hasMore = false;
        try {
            for (int i = 0; i < supply.size(); i++) {
                FeedPage<SupplyLine> page = supply.get(i).next(pageSize);
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
                FeedPage<PreOrder> page = preOrders.next(pageSize);
                if (page != null) {
                    page.items().forEach(p -> commands.add(new BookCommand.UpsertPreOrder(p)));
                    hasMore |= page.hasMore();
                }
            }
            if (stock != null) {
                FeedPage<StockLevel> page = stock.next(pageSize);
                if (page != null) {
                    page.items().forEach(s -> commands.add(new BookCommand.SetStock(s)));
                    hasMore |= page.hasMore();
                }
            }
        } catch (InvalidInputException e) {
            LOG.warn("A feed refused its checkpoint ({}); reloading every feed from a snapshot", e.getMessage());
            return new Poll(List.of(), rejected, false, true);
        }
        return new Poll(commands, rejected, hasMore, false);
    }

    /**
     * Polls and failures so far. Thread-safe.
     *
     * @return the counters
     */
    public FeedCounters counters() {
        return counters;
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
        private final FeedCounters counters;
        private Checkpoint checkpoint;

        Cursor(ChangeFeed<T> feed, String name, FeedCounters counters) {
            this.feed = feed;
            this.name = name;
            this.counters = counters;
        }

        List<T> snapshot() {
            FeedSnapshot<T> snapshot = feed.snapshot();
            checkpoint = snapshot.checkpoint();
            return snapshot.items();
        }

        /** The next page, or null when the feed failed transiently (logged; tried again next poll). */
        FeedPage<T> next(int pageSize) {
            try {
                FeedPage<T> page = feed.changesSince(checkpoint, pageSize);
                checkpoint = page.next();
                counters.polled(name);
                return page;
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                counters.failed(name);
                LOG.warn("Reading the {} failed; trying again at the next poll", name, e);
                return null;
            }
        }
    }
}
