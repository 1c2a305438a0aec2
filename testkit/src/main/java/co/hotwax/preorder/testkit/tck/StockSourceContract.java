package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;

/**
 * The {@link ChangeFeedContract} for a {@link StockSource}: implement {@link #feed()} and {@link #put}. Items are
 * online ATP levels of SKUs {@code TCK-SKU-<n>} (no facility); a change sets a new ATP, sometimes negative.
 *
 * @since 0.1.0
 */
public abstract class StockSourceContract extends ChangeFeedContract<StockLevel> {

    /** For subclasses. */
    protected StockSourceContract() {
    }

    @Override
    protected abstract StockSource feed();

    @Override
    protected StockLevel newItem(int n) {
        return new StockLevel("TCK-SKU-" + n, null, n);
    }

    @Override
    protected StockLevel changed(StockLevel level, int n) {
        return new StockLevel(level.sku(), level.facilityId(), n % 3 == 0 ? -n : level.onlineAtp() + 100L * n);
    }

    @Override
    protected String keyOf(StockLevel level) {
        return level.facilityId() == null ? level.sku() : level.sku() + "@" + level.facilityId();
    }
}
