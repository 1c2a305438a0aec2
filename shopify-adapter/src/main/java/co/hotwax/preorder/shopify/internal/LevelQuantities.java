package co.hotwax.preorder.shopify.internal;

/**
 * The quantities of one inventory item at one location, as just read.
 *
 * @param stocked whether the item is stocked (activated) at the location; all quantities are 0 when not
 * @param onHand {@code on_hand}
 * @param available {@code available}
 * @param committed {@code committed}
 */
public record LevelQuantities(boolean stocked, long onHand, long available, long committed) {
    /** The level of an item not stocked at the location. */
    public static final LevelQuantities NOT_STOCKED = new LevelQuantities(false, 0, 0, 0);

    /**
     * The level after a successful set.
     *
     * @param name the quantity written
     * @param value the value written
     * @return the new level (on_hand and available move together; committed does not move)
     */
    public LevelQuantities after(String name, long value) {
        long delta = "on_hand".equals(name) ? value - onHand : value - available;
        return new LevelQuantities(true, onHand + delta, available + delta, committed);
    }
}
