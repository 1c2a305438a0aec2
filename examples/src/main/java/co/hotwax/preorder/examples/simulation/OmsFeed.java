package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.spi.ChangeFeed;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.SpiVersion;
import co.hotwax.preorder.spi.SupplyLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The simulated OMS's tables as the engine reads them: a full snapshot plus a change log whose checkpoint is the
 * log position. A restarted engine (after a simulated crash) reads everything back from here, exactly as it would
 * from the OMS's database.
 *
 * @param <T> the item type
 */
public class OmsFeed<T> implements ChangeFeed<T> {
    private final Function<T, String> key;
    private final Map<String, T> current = new LinkedHashMap<>();
    private final List<T> log = new ArrayList<>();

    /**
     * Creates an empty feed.
     *
     * @param key the identity of an item (upserts replace by key)
     */
    protected OmsFeed(Function<T, String> key) {
        this.key = key;
    }

    /**
     * Records an item's new state.
     *
     * @param item the item
     */
    public void put(T item) {
        current.put(key.apply(item), item);
        log.add(item);
    }

    @Override
    public FeedSnapshot<T> snapshot() {
        return new FeedSnapshot<>(List.copyOf(current.values()), Checkpoint.of(Integer.toString(log.size())));
    }

    @Override
    public FeedPage<T> changesSince(Checkpoint checkpoint, int maxItems) {
        int from;
        try {
            from = Integer.parseInt(checkpoint.value());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(checkpoint.toString(), "is not a position in this feed");
        }
        if (from < 0 || from > log.size()) {
            throw new InvalidInputException(checkpoint.toString(), "is beyond this feed's " + log.size()
                    + " changes");
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
        }
        int to = Math.min(log.size(), from + maxItems);
        return new FeedPage<>(List.copyOf(log.subList(from, to)), Checkpoint.of(Integer.toString(to)),
                to < log.size());
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /** The OMS's purchase-order lines. */
    public static final class Supply extends OmsFeed<SupplyLine> implements PurchaseOrderSource {
        /** Creates an empty feed. */
        public Supply() {
            super(SupplyLine::lineId);
        }
    }

    /** The OMS's pre-orders of every channel. */
    public static final class PreOrders extends OmsFeed<PreOrder> implements PreOrderSource {
        /** Creates an empty feed. */
        public PreOrders() {
            super(PreOrder::key);
        }
    }
}
