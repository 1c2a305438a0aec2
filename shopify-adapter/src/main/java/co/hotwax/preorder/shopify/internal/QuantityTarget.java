package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.PublishMode;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.Quantities;

/**
 * The mechanism that keeps an order Shopify took, but the OMS has not seen, from being sold twice (README, "Why
 * Shopify never sells a unit twice"). Pure arithmetic over one fresh read.
 *
 * <ul>
 *   <li>Dedicated location: write {@code on_hand = sellable + min(openOrders, committed)}. Orders move units from
 *       available to committed and leave on_hand alone, so {@code available = sellable - max(0, committed -
 *       openOrders)}: every in-flight unit stays subtracted. The {@code min} covers orders Shopify fulfilled (which
 *       lowers committed and on_hand) before the OMS noticed: they must not be added back. From a remembered
 *       level (no read in this publish) the target is {@code sellable + openOrders}; see the comment inside.</li>
 *   <li>Shared location: write {@code available = sellable - max(0, committed - openOrders)}. When that is
 *       negative, in-flight orders already took more than we would offer: write 0 if available is positive
 *       (fewer sales, safe), otherwise write nothing: a 0 would let orders through that a negative available
 *       refuses, and Shopify refuses negative set targets anyway.</li>
 * </ul>
 *
 * @param name the quantity name written, {@code on_hand} or {@code available}
 * @param changeFrom the value just read, the compare-and-set expectation
 * @param target the value to write
 * @param write whether a write is needed
 * @param note why nothing is written although the numbers differ, or empty
 */
public record QuantityTarget(String name, long changeFrom, long target, boolean write, String note) {

    /**
     * Computes the target.
     *
     * @param mode the publishing mode
     * @param state the desired state
     * @param level the quantities just read (or remembered, dedicated location only) at the state's location
     * @return the target
     */
    public static QuantityTarget of(PublishMode mode, DesiredState state, LevelQuantities level) {
        long inFlight = Math.max(0, level.committed() - state.openOrders());
        if (mode == PublishMode.DEDICATED_LOCATION) {
            // Without a fresh read committed is unknown and the min guard is skipped. Still safe: Shopify changes
            // on_hand only through a fulfilment or a cancel without restock, and both make the compare-and-set
            // expectation (the remembered on_hand) stale, which forces a re-read and a guarded recompute. A cancel
            // with restock leaves on_hand alone and frees units the OMS will soon report as no longer open, so
            // available = sellable + (openOrders - committed) is at most sellable + the freed units: no oversell.
            long open = level.fresh() ? Math.min(state.openOrders(), Math.max(0, level.committed())) : state.openOrders();
            long target = state.sellable() + open;
            return new QuantityTarget("on_hand", level.onHand(), target, target != level.onHand(), "");
        }
        long target = state.sellable() - inFlight;
        if (target < 0) {
            if (level.available() > 0) {
                return new QuantityTarget("available", level.available(), 0, true, "");
            }
            return new QuantityTarget("available", level.available(), level.available(), false,
                    inFlight + " in-flight units exceed sellable " + state.sellable() + "; available " + level.available()
                            + " already sells nothing");
        }
        return new QuantityTarget("available", level.available(), target, target != level.available(), "");
    }

    /** @return whether the target fits Shopify's absolute-quantity limit */
    public boolean withinShopifyLimit() {
        return target <= Quantities.MAX;
    }
}
