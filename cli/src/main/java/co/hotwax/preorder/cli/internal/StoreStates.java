package co.hotwax.preorder.cli.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.Quantities;

import java.util.ArrayList;
import java.util.List;

/**
 * What one store at a dedicated pre-order location should show, per pool of a book: the mapping the engine
 * applies for a single store (its whole P when listed, else 0; its own open pre-order units). The engine's own
 * mapping lives in an internal package, so it is restated here for the one-store case.
 */
public final class StoreStates {
    private StoreStates() {
    }

    /**
     * The desired states of every pool, in {@link PoolKey} order (by SKU).
     *
     * @param book the book, already rebuilt
     * @param channel the store's channel id (its shop domain): pre-orders taken there count as its open orders
     * @return one state per pool
     */
    public static List<DesiredState> of(PreorderBook book, String channel) {
        List<DesiredState> states = new ArrayList<>();
        for (PoolKey key : book.poolKeys()) {
            book.pool(key.sku(), key.facilityId()).ifPresent(pool -> states.add(of(pool, channel)));
        }
        return states;
    }

    /**
     * The desired state of one pool.
     *
     * @param pool the pool
     * @param channel the store's channel id
     * @return the state: sellable P when listed, else 0
     */
    public static DesiredState of(PoolState pool, String channel) {
        long sellable = pool.listed() ? pool.preorderable() : 0;
        long openOrders = pool.openUnitsByChannel().getOrDefault(channel, 0L);
        return new DesiredState(pool.sku(), pool.facilityId(), Math.min(sellable, Quantities.MAX),
                Math.min(openOrders, Quantities.MAX), pool.listed(), pool.nextPromiseDate(), pool.flagged());
    }
}
