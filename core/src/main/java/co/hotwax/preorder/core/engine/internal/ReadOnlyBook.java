package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BookView;
import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.PreOrderState;
import co.hotwax.preorder.core.PreorderBook;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The engine's book behind its read-only view, so a read handed to the OMS cannot be cast back and mutated. */
final class ReadOnlyBook implements BookView {
    private final PreorderBook book;

    ReadOnlyBook(PreorderBook book) {
        this.book = book;
    }

    @Override
    public Optional<PoolState> pool(String sku, String facilityId) {
        return book.pool(sku, facilityId);
    }

    @Override
    public Optional<PreOrderState> preOrder(String orderId, String lineId) {
        return book.preOrder(orderId, lineId);
    }

    @Override
    public List<PreOrderState> preOrders(String sku, String facilityId) {
        return book.preOrders(sku, facilityId);
    }

    @Override
    public void forEachPool(Consumer<PoolState> action) {
        book.forEachPool(action);
    }

    @Override
    public List<PoolKey> poolKeys() {
        return book.poolKeys();
    }

    @Override
    public int poolCount() {
        return book.poolCount();
    }
}
