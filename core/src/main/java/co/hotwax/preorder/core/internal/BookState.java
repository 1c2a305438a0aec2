package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.BatchReport;
import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.BookListener;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.PreOrderState;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The state behind a {@link co.hotwax.preorder.core.PreorderBook}; see there for the rules. Placeholder. */
public final class BookState {
    private final BookPolicy policy;

    /**
     * Creates an empty state.
     *
     * @param policy the policy
     * @param listener the listener
     * @param clock the clock
     */
    public BookState(BookPolicy policy, BookListener listener, Clock clock) {
        this.policy = policy;
    }

    /** @return the policy */
    public BookPolicy policy() {
        return policy;
    }

    /** @param lines lines @param preOrders pre-orders @param stock stock @return report */
    public BatchReport rebuild(Collection<SupplyLine> lines, Collection<PreOrder> preOrders,
                               Collection<StockLevel> stock) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param line the line */
    public void upsertSupplyLine(SupplyLine line) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param preOrder the pre-order */
    public void upsertPreOrder(PreOrder preOrder) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param orderId order @param lineId line */
    public void cancelPreOrder(String orderId, String lineId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param orderId order @param lineId line */
    public void releasePreOrder(String orderId, String lineId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param level the level */
    public void setStock(StockLevel level) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @return pools changed */
    public int refreshDates() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param commands commands @return report */
    public BatchReport apply(List<BookCommand> commands) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param sku sku @param facilityId facility @return state or null */
    public PoolState pool(String sku, String facilityId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param orderId order @param lineId line @return state or null */
    public PreOrderState preOrder(String orderId, String lineId) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @param action action */
    public void forEachPool(Consumer<PoolState> action) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @return keys */
    public List<PoolKey> poolKeys() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** @return count */
    public int poolCount() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
