package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.hotwax.internal.FeedQueries;
import co.hotwax.preorder.hotwax.internal.StampedFeed;
import co.hotwax.preorder.spi.ChangeFeed;
import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.FeedPage;
import co.hotwax.preorder.spi.FeedSnapshot;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SpiVersion;

import java.util.List;
import javax.sql.DataSource;

/**
 * What the three HotWax sources share: a {@link StampedFeed} over their queries, and the refused rows.
 *
 * @param <T> the item type
 */
abstract class HotWaxFeed<T> implements ChangeFeed<T> {
    private final StampedFeed<T> feed;

    HotWaxFeed(DataSource dataSource, HotWaxSettings settings, String name, FeedQueries<T> queries) {
        this.feed = new StampedFeed<>(dataSource, name, queries, settings.overlapWindow(), settings.errorListener());
    }

    /** Checks the constructor arguments every source takes, before its queries are built from them. */
    static HotWaxSettings require(DataSource dataSource, HotWaxSettings settings) {
        if (dataSource == null || settings == null) {
            throw new IllegalArgumentException("dataSource and settings are required");
        }
        return settings;
    }

    /**
     * {@inheritDoc}
     *
     * @throws HotWaxSourceException when the database cannot be read
     */
    @Override
    public FeedSnapshot<T> snapshot() {
        return feed.snapshot();
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidInputException when the checkpoint is not this source's
     * @throws HotWaxSourceException when the database cannot be read
     */
    @Override
    public FeedPage<T> changesSince(Checkpoint checkpoint, int maxItems) {
        return feed.changesSince(checkpoint, maxItems);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /**
     * The rows the latest call refused, each with its keys and reason.
     *
     * @return the refused rows; empty when all were good
     */
    public List<HotWaxRowError> errors() {
        return feed.errors();
    }
}
