package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;

/**
 * One desired state on its way through a publish: what was resolved and read for it, whether anything was written,
 * and its outcome once decided. The first decided outcome sticks.
 */
public final class BatchItem {
    private final DesiredState state;
    private final String locationId;
    private VariantRecord variant;
    private LevelQuantities level;
    private boolean wrote;
    private long inFlight = PublishOutcome.UNKNOWN;
    private PublishOutcome outcome;

    /**
     * Creates the item.
     *
     * @param state the desired state
     * @param locationId its location gid, or null when unmapped
     */
    public BatchItem(DesiredState state, String locationId) {
        this.state = state;
        this.locationId = locationId;
    }

    /** @return the desired state */
    public DesiredState state() {
        return state;
    }

    /** @return the location gid */
    public String locationId() {
        return locationId;
    }

    /** @return the resolved variant, or null */
    public VariantRecord variant() {
        return variant;
    }

    /** @param variant the resolved or updated variant */
    public void variant(VariantRecord variant) {
        this.variant = variant;
    }

    /** @return the level last read or written, or null */
    public LevelQuantities level() {
        return level;
    }

    /** @param level the level read or written */
    public void level(LevelQuantities level) {
        this.level = level;
    }

    /** Records that the channel was changed for this item. */
    public void wrote() {
        this.wrote = true;
    }

    /**
     * Records the units of this channel's orders at the location beyond the state's open orders, as seen after the
     * write (or by a read when nothing was written).
     *
     * @param level the level after the write, or as read in this publish
     */
    public void inFlightFrom(LevelQuantities level) {
        if (level.fresh()) {
            inFlight = Math.max(0, level.committed() - state.openOrders());
        }
    }

    /** @return whether no outcome is decided yet */
    public boolean open() {
        return outcome == null;
    }

    /** @param reason why the channel refused the item for good */
    public void reject(String reason) {
        if (outcome == null) {
            outcome = PublishOutcome.rejected(state, reason);
        }
    }

    /** @param reason why the item must be tried again */
    public void retry(String reason) {
        if (outcome == null) {
            outcome = new PublishOutcome(state.sku(), state.facilityId(), PublishOutcome.Status.RETRY, wrote, reason);
        }
    }

    /** Marks the item done. */
    public void applied() {
        if (outcome == null) {
            outcome = appliedOutcome();
        }
    }

    private PublishOutcome appliedOutcome() {
        return inFlight >= 0 ? PublishOutcome.applied(state, wrote, inFlight) : PublishOutcome.applied(state, wrote);
    }

    /** @return the outcome; applied when nothing else was decided */
    public PublishOutcome outcome() {
        return outcome == null ? appliedOutcome() : outcome;
    }
}
