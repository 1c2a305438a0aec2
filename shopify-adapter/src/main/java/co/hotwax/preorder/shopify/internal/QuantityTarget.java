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
 *   <li>Units committed at other locations ({@code elsewhere}: orders Shopify routed, or a merchant assigned, to
 *       another location where the SKU is stocked) are this channel's orders too: {@code openOrders} counts them
 *       once the OMS has them, and until then they are in flight. So {@code committed} above is the SKU's committed
 *       units at every location, {@code committed + elsewhere}, and at a dedicated location the units committed
 *       elsewhere are taken off the pre-order location's on_hand: {@code on_hand = max(0, sellable +
 *       min(openOrders, committed + elsewhere) - elsewhere)}. The pre-order location's available then carries the
 *       whole in-flight count, even when the other location is put back to 0 (another inventory sync, a
 *       merchant's edit), so Shopify's online sum never sells beyond sellable.</li>
 *   <li>Units available at other active locations that fulfil online orders ({@code availableElsewhere}: a
 *       location that stocked the SKU and was switched to fulfil online orders after the SKU was listed) are sold
 *       by checkout too, which sums available over those locations. They are not this channel's pre-orders nor on
 *       order, so neither the OMS's open orders nor sellable count them; at a dedicated location they are taken off
 *       as well: {@code on_hand = max(0, sellable + min(openOrders, committed + elsewhere) - elsewhere -
 *       availableElsewhere)}, and the online sum ({@code available} here plus there) is at most sellable minus
 *       the in-flight units. When they alone exceed that, the floor at 0 cannot make up for them: the preflight
 *       refuses such a SKU before listing, and {@link CommittedElsewhere} logs them.</li>
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
     * Computes the target when no unit is committed at another location.
     *
     * @param mode the publishing mode
     * @param state the desired state
     * @param level the quantities just read (or remembered, dedicated location only) at the state's location
     * @return the target
     */
    public static QuantityTarget of(PublishMode mode, DesiredState state, LevelQuantities level) {
        return of(mode, state, level, 0);
    }

    /**
     * Computes the target of an item from what was read for it in this publish: its level and the units of its SKU
     * committed, and available, at other locations ({@link CommittedElsewhere}).
     *
     * @param mode the publishing mode
     * @param item the item, with its level
     * @return the target
     */
    public static QuantityTarget of(PublishMode mode, BatchItem item) {
        return of(mode, item.state(), item.level(), item.committedElsewhere(), item.availableElsewhere());
    }

    /**
     * Computes the target when no unit is available at another online location.
     *
     * @param mode the publishing mode
     * @param state the desired state
     * @param level the quantities just read (or remembered, dedicated location only) at the state's location
     * @param elsewhere units of the SKU committed at other locations, read in this publish ({@code >= 0}); only
     *                  with a fresh level
     * @return the target
     */
    public static QuantityTarget of(PublishMode mode, DesiredState state, LevelQuantities level, long elsewhere) {
        return of(mode, state, level, elsewhere, 0);
    }

    /**
     * Computes the target.
     *
     * @param mode the publishing mode
     * @param state the desired state
     * @param level the quantities just read (or remembered, dedicated location only) at the state's location
     * @param elsewhere units of the SKU committed at other locations, read in this publish ({@code >= 0}); only
     *                  with a fresh level
     * @param availableElsewhere units of the SKU available at other active locations that fulfil online orders,
     *                           read in this publish ({@code >= 0}): checkout sells them too, so a dedicated
     *                           location offers that much less
     * @return the target
     */
    public static QuantityTarget of(PublishMode mode, DesiredState state, LevelQuantities level, long elsewhere,
                                    long availableElsewhere) {
        long committed = Math.max(0, level.committed()) + elsewhere;
        long inFlight = Math.max(0, committed - state.openOrders());
        if (mode == PublishMode.DEDICATED_LOCATION) {
            // Without a fresh read committed is unknown and the min guard is skipped. Still safe: Shopify changes
            // on_hand only through a fulfilment or a cancel without restock, and both make the compare-and-set
            // expectation (the remembered on_hand) stale, which forces a re-read and a guarded recompute. A cancel
            // with restock leaves on_hand alone and frees units the OMS will soon report as no longer open, so
            // available = sellable + (openOrders - committed) is at most sellable + the freed units: no oversell.
            // (A SKU stocked at another location is always read: see CommittedElsewhere.)
            long open = level.fresh() ? Math.min(state.openOrders(), committed) : state.openOrders();
            long target = Math.max(0, state.sellable() + open - elsewhere - availableElsewhere);
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
