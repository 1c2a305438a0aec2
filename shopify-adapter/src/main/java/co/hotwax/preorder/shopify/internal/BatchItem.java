package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;

import java.time.Duration;

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
    private long committedElsewhere;
    private long availableElsewhere;
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

    /**
     * Records that the channel was changed for this item, also in an outcome already decided (a decrease written
     * after its marks were refused), so the outcome never hides a write.
     */
    public void wrote() {
        this.wrote = true;
        if (outcome != null && !outcome.wrote()) {
            outcome = new PublishOutcome(outcome.sku(), outcome.facilityId(), outcome.status(), true, outcome.reason(),
                    outcome.inFlight(), outcome.retryAfter());
        }
    }

    /** @return units of the SKU committed at other locations, as read in this publish (0 when none or not read) */
    public long committedElsewhere() {
        return committedElsewhere;
    }

    /** @param units units of the SKU committed at other locations, read in this publish */
    public void committedElsewhere(long units) {
        this.committedElsewhere = Math.max(0, units);
    }

    /**
     * @return units of the SKU available at other locations that fulfil online orders, as read in this publish (0
     *         when none or not read): checkout sells them beside the pre-order location's
     */
    public long availableElsewhere() {
        return availableElsewhere;
    }

    /** @param units units of the SKU available at other online-fulfilling locations, read in this publish */
    public void availableElsewhere(long units) {
        this.availableElsewhere = Math.max(0, units);
    }

    /**
     * Records the units of this channel's orders beyond the state's open orders, as seen after the write (or by a
     * read when nothing was written): committed at the location plus {@link #committedElsewhere()}.
     *
     * @param level the level after the write, or as read in this publish
     */
    public void inFlightFrom(LevelQuantities level) {
        // A bulk export's read is minutes old: orders placed since are missing from it, so it tells nothing of them.
        if (level.fresh() && !level.exported()) {
            inFlight = Math.max(0, Math.max(0, level.committed()) + committedElsewhere - state.openOrders());
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

    /**
     * The channel's setup refuses the item (a missing access scope): REJECTED, reported once per shop.
     *
     * @param reason why, naming the missing scope
     */
    public void rejectForShop(String reason) {
        if (outcome == null) {
            outcome = PublishOutcome.rejectedByChannel(state, reason);
        }
    }

    /**
     * Decides the item from a failed call: REJECTED for the shop when access was denied, RETRY otherwise.
     *
     * @param e the failure
     * @param context what was being done, e.g. {@code "reading levels failed"}; null for none
     */
    public void fail(CallFailedException e, String context) {
        if (e.kind() == CallFailedException.Kind.ACCESS_DENIED) {
            // The same words for every item, so the engine can report the problem once for the shop.
            rejectForShop(e.getMessage());
        } else {
            retry(context == null ? e.getMessage() : context + ": " + e.getMessage());
        }
    }

    /**
     * Decides the item from a classified operation that did not answer: REJECTED for the shop when denied, RETRY
     * otherwise (the write may or may not have happened, so it is re-read before the next one).
     *
     * @param result a result other than {@link OperationResult.Answered}
     */
    public void fail(OperationResult result) {
        if (result instanceof OperationResult.Denied denied) {
            rejectForShop(denied.reason());
        } else if (result instanceof OperationResult.Failed failed) {
            retry(failed.reason());
        } else if (result instanceof OperationResult.Unreadable unreadable) {
            retry(unreadable.reason());
        } else {
            retry("internal: an answered operation was taken for a failure");
        }
    }

    /** @param reason why the item must be tried again */
    public void retry(String reason) {
        retry(reason, null);
    }

    /**
     * The item must be tried again, and the publisher knows when that is worth it.
     *
     * @param reason why
     * @param after how long from now to send it again (positive), or null for the engine's back-off
     */
    public void retry(String reason, Duration after) {
        if (outcome == null) {
            outcome = new PublishOutcome(state.sku(), state.facilityId(), PublishOutcome.Status.RETRY, wrote, reason,
                    PublishOutcome.UNKNOWN, after);
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

    /** @return the outcome; RETRY when nothing was decided, never APPLIED by default */
    public PublishOutcome outcome() {
        return outcome == null
                ? new PublishOutcome(state.sku(), state.facilityId(), PublishOutcome.Status.RETRY, wrote, "no outcome decided")
                : outcome;
    }
}
