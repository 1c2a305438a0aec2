package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.Quantities;

import java.util.List;

/**
 * Turns a pool's state into what each store should show: its weighted share of P, its own open orders, the
 * listing and the next promise date.
 */
public final class DesiredStates {
    private final List<String> channels;
    private final ShareSplitter splitter;
    private final boolean publishPhysicalStock;

    /**
     * Creates the mapping.
     *
     * @param channels the publishers' channel ids, in builder order
     * @param splitter splits P between them
     * @param publishPhysicalStock true in shared-location mode: physical ATP is published on top of the P share
     */
    public DesiredStates(List<String> channels, ShareSplitter splitter, boolean publishPhysicalStock) {
        if (channels.size() != splitter.size()) {
            throw new IllegalArgumentException("one weight per channel is needed");
        }
        this.channels = List.copyOf(channels);
        this.splitter = splitter;
        this.publishPhysicalStock = publishPhysicalStock;
    }

    /**
     * The state one store should show for a pool.
     *
     * @param key the pool
     * @param state the pool's state, or null when the book no longer has the pool (then: not listed, nothing
     *              sellable)
     * @param store the store's index in builder order
     * @return the desired state; in shared-location mode an in-stock SKU is not listed for pre-order yet still
     *         sellable from its physical stock
     */
    public DesiredState forStore(PoolKey key, PoolState state, int store) {
        if (state == null) {
            return new DesiredState(key.sku(), key.facilityId(), 0, 0, false, null, false);
        }
        long sellable = state.listed() ? splitter.share(state.preorderable(), store) : 0;
        if (publishPhysicalStock) {
            sellable += Math.max(0, state.physicalAtp());
        }
        Long open = state.openUnitsByChannel().get(channels.get(store));
        long openOrders = open == null ? 0 : open;
        return new DesiredState(key.sku(), key.facilityId(), Math.min(sellable, Quantities.MAX),
                Math.min(openOrders, Quantities.MAX), state.listed(), state.nextPromiseDate(), state.flagged());
    }
}
