package co.hotwax.preorder.spi;

/**
 * The state of a pre-order line.
 *
 * @since 0.1.0
 */
public enum PreOrderStatus {
    /** Waiting for supply; holds units of a supply line. */
    OPEN,
    /** Released to fulfilment against received units; still holds those units of its line. */
    RELEASED,
    /** Cancelled before release: holds nothing. */
    CANCELLED,
    /**
     * Cancelled after release: its units had already left the supply line, so they went back to physical stock
     * (the OMS reports them through physical ATP) and the line's units stay used.
     */
    RETURNED;

    /**
     * Whether a pre-order in this state holds units of a supply line.
     *
     * @return true for {@link #OPEN}, {@link #RELEASED} and {@link #RETURNED}
     */
    public boolean holdsSupply() {
        return this != CANCELLED;
    }
}
