package co.hotwax.preorder.spi;

/**
 * What happened to one {@link DesiredState} handed to {@link InventoryPublisher#publish}.
 *
 * @param sku the SKU
 * @param facilityId the facility, as in the desired state
 * @param status applied, to retry, or rejected
 * @param wrote whether the channel was changed (false when it already matched); a write during a reconciliation
 *              that the engine did not expect is drift corrected
 * @param reason why it must be retried or was rejected, naming the cause; empty when applied
 * @param inFlight for an applied state, the units of this channel's orders at the location beyond the state's
 *                 {@code openOrders} (orders the OMS has not seen yet), as the channel reported them <em>after</em>
 *                 the write (for Shopify: {@code committed - openOrders}, read from the write's own response);
 *                 {@link #UNKNOWN} when the publisher did not observe it. Stores sharing one pool need it: a
 *                 store's in-flight units beyond its share come out of the other stores' shares, and a lowered
 *                 share only frees units for another store once the channel showed how many it had already sold
 * @since 0.1.0
 */
public record PublishOutcome(String sku, String facilityId, Status status, boolean wrote, String reason,
                             long inFlight) {
    /**
     * The start of the reason of a refusal that is not about the item but about the whole channel (e.g. the access
     * token lacks a scope): every item would be refused the same way until an operator fixes the channel, so the
     * engine reports it once per channel rather than once per item. See {@link #rejectedByChannel}.
     */
    public static final String CHANNEL_PROBLEM = "channel problem: ";

    /** {@link #inFlight()} when the publisher did not observe it. */
    public static final long UNKNOWN = -1;

    /** The outcome kinds. */
    public enum Status {
        /** The channel now matches the desired state. */
        APPLIED,
        /** A transient failure (throttling, a timeout, a stale compare-and-set lost to a racing writer): try again. */
        RETRY,
        /** The channel refused this item for good (unknown SKU, a duplicate SKU, a user error); fix the data. */
        REJECTED
    }

    /**
     * Validates the outcome.
     *
     * @param sku the SKU
     * @param facilityId the facility, as in the desired state
     * @param status applied, to retry, or rejected
     * @param wrote whether the channel was changed (false when it already matched); a write during a reconciliation
     *              that the engine did not expect is drift corrected
     * @param reason why it must be retried or was rejected, naming the cause; empty when applied
     * @param inFlight the channel's unimported orders observed after the write, or {@link #UNKNOWN}
     * @throws InvalidInputException when a field is missing, a failure carries no reason, or inFlight is below -1
     */
    public PublishOutcome {
        String item = "publish outcome of sku " + sku;
        Quantities.requireId(item, "sku", sku);
        if (status == null) {
            throw new InvalidInputException(item, "status is missing");
        }
        if (reason == null) {
            reason = "";
        }
        if (status != Status.APPLIED && reason.isBlank()) {
            throw new InvalidInputException(item, status + " needs a reason");
        }
        if (inFlight < UNKNOWN) {
            throw new InvalidInputException(item, "inFlight must be -1 (unknown) or more, was " + inFlight);
        }
    }

    /**
     * An outcome whose in-flight units were not observed.
     *
     * @param sku the SKU
     * @param facilityId the facility, as in the desired state
     * @param status applied, to retry, or rejected
     * @param wrote whether the channel was changed
     * @param reason why it must be retried or was rejected; empty when applied
     */
    public PublishOutcome(String sku, String facilityId, Status status, boolean wrote, String reason) {
        this(sku, facilityId, status, wrote, reason, UNKNOWN);
    }

    /**
     * The channel matches the state.
     *
     * @param state the state published
     * @param wrote whether a write was needed
     * @return the outcome
     */
    public static PublishOutcome applied(DesiredState state, boolean wrote) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.APPLIED, wrote, "");
    }

    /**
     * The channel matches the state, and showed after the write how many units it sold that the OMS has not seen.
     *
     * @param state the state published
     * @param wrote whether a write was needed
     * @param inFlight the channel's orders at the location beyond {@code state.openOrders()}, observed after the
     *                 write, {@code >= 0}
     * @return the outcome
     */
    public static PublishOutcome applied(DesiredState state, boolean wrote, long inFlight) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.APPLIED, wrote, "", inFlight);
    }

    /**
     * A transient failure.
     *
     * @param state the state that was not published
     * @param reason why, e.g. {@code "THROTTLED"}
     * @return the outcome
     */
    public static PublishOutcome retry(DesiredState state, String reason) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.RETRY, false, reason);
    }

    /**
     * A permanent refusal.
     *
     * @param state the state that was refused
     * @param reason why, e.g. {@code "no variant has SKU RED-M"}
     * @return the outcome
     */
    public static PublishOutcome rejected(DesiredState state, String reason) {
        return new PublishOutcome(state.sku(), state.facilityId(), Status.REJECTED, false, reason);
    }

    /**
     * A permanent refusal caused by the channel's setup, not by the item (a missing access scope, a revoked token).
     *
     * @param state the state that was refused
     * @param reason why, naming what to fix, e.g. {@code "missing access scope write_inventory"}
     * @return the outcome, whose reason starts with {@link #CHANNEL_PROBLEM}
     */
    public static PublishOutcome rejectedByChannel(DesiredState state, String reason) {
        return rejected(state, CHANNEL_PROBLEM + reason);
    }

    /**
     * Whether this is a refusal caused by the channel's setup rather than by the item.
     *
     * @return true for a REJECTED outcome made by {@link #rejectedByChannel}
     */
    public boolean channelProblem() {
        return status == Status.REJECTED && reason.startsWith(CHANNEL_PROBLEM);
    }

    /**
     * The key that identifies the SKU at its location, as {@link DesiredState#key()}.
     *
     * @return {@code sku} or {@code sku@facilityId}
     */
    public String key() {
        return facilityId == null ? sku : sku + "@" + facilityId;
    }
}
