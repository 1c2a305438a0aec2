package co.hotwax.preorder.shopify.internal;

/**
 * The quantities of one inventory item at one location, as just read, or as remembered from the adapter's last
 * read or applied write ({@code fresh == false}: only {@code on_hand} is known, see {@link OnHandCache}), or as a
 * bulk export read them ({@code exported}: a real read, taken before the compare-and-set like any other, but minutes
 * old, see {@link ExportedCatalog}).
 *
 * @param stocked whether the item is stocked (activated) at the location; all quantities are 0 when not
 * @param onHand {@code on_hand}
 * @param available {@code available} (0 and meaningless when not fresh)
 * @param committed {@code committed} (0 and meaningless when not fresh)
 * @param fresh whether the quantities come from a read (or a write based on one)
 * @param exported whether the read is a bulk export's: its committed units are not reported as in flight (an order
 *                 placed since the export would be missing from them)
 */
public record LevelQuantities(boolean stocked, long onHand, long available, long committed, boolean fresh,
                              boolean exported) {
    /** The level of an item not stocked at the location. */
    public static final LevelQuantities NOT_STOCKED = new LevelQuantities(false, 0, 0, 0);

    /**
     * A level just read.
     *
     * @param stocked whether the item is stocked at the location
     * @param onHand {@code on_hand}
     * @param available {@code available}
     * @param committed {@code committed}
     */
    public LevelQuantities(boolean stocked, long onHand, long available, long committed) {
        this(stocked, onHand, available, committed, true, false);
    }

    /**
     * A level read or remembered, not from a bulk export.
     *
     * @param stocked whether the item is stocked at the location
     * @param onHand {@code on_hand}
     * @param available {@code available}
     * @param committed {@code committed}
     * @param fresh whether the quantities come from a read (or a write based on one)
     */
    public LevelQuantities(boolean stocked, long onHand, long available, long committed, boolean fresh) {
        this(stocked, onHand, available, committed, fresh, false);
    }

    /**
     * A level as a bulk export read it.
     *
     * @param stocked whether the item is stocked at the location
     * @param onHand {@code on_hand}
     * @param available {@code available}
     * @param committed {@code committed}
     * @return the level, fresh and exported
     */
    public static LevelQuantities exported(boolean stocked, long onHand, long available, long committed) {
        return new LevelQuantities(stocked, onHand, available, committed, true, true);
    }

    /**
     * A stocked level known only by the {@code on_hand} the adapter last saw, not read in this publish.
     *
     * @param onHand the remembered {@code on_hand}
     * @return the level
     */
    public static LevelQuantities remembered(long onHand) {
        return new LevelQuantities(true, onHand, 0, 0, false);
    }

    /**
     * The level after a successful set.
     *
     * @param name the quantity written
     * @param value the value written
     * @return the new level (on_hand and available move together; committed does not move)
     */
    public LevelQuantities after(String name, long value) {
        long delta = "on_hand".equals(name) ? value - onHand : value - available;
        return new LevelQuantities(true, onHand + delta, available + delta, committed, fresh, exported);
    }
}
