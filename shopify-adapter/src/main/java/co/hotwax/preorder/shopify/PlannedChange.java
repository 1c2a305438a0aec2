package co.hotwax.preorder.shopify;

import java.util.Objects;

/**
 * What {@link ShopifyPublisher#publish} would do to one desired state, as {@link ShopifyPublisher#preview} reports
 * it without writing anything.
 *
 * <p>Quantities are Shopify's {@code available} at the state's location: what shoppers can buy now, and what they
 * could buy after the write. In the default dedicated-location mode the adapter writes {@code on_hand};
 * {@link #detail()} names the quantity actually written and its old and new value.
 *
 * @param sku the SKU
 * @param facilityId the facility, as in the desired state (null for the default location)
 * @param action what publish would do
 * @param currentSellable Shopify's {@code available} now (0 when the item is not stocked at the location); it can be
 *                        negative, an ordinary state when orders were taken while the quantity fell (Shopify
 *                        counts them as committed); -1 for a {@link Action#REJECT} whose level was never read
 * @param targetSellable {@code available} right after the write publish would make (equal to
 *                       {@code currentSellable} when nothing is written; negative too when committed orders exceed
 *                       what may still be sold), or -1 for a {@link Action#REJECT}
 * @param detail the writes, or the reason for a refusal or for not writing; never a secret
 * @since 0.1.0
 */
public record PlannedChange(String sku, String facilityId, Action action, long currentSellable, long targetSellable,
                            String detail) {

    /** What publish would do, from nothing to a refusal. */
    public enum Action {
        /** Shopify already matches: nothing would be written. */
        NONE,
        /** Only the quantity would be written; the marks are already right. */
        SET_QUANTITY,
        /**
         * Pre-order marks would be put on or updated (tracked, stocked, DENY, metafield, tag; e.g. a new promise
         * date), before any quantity write.
         */
        LIST,
        /** The quantity would go down to what may still be sold, then the pre-order marks would come off. */
        DELIST,
        /** Publish would refuse the item for good (unknown or duplicate SKU, unmapped facility, out of range). */
        REJECT
    }

    /**
     * Validates the change.
     *
     * @param sku the SKU
     * @param facilityId the facility, as in the desired state (null for the default location)
     * @param action what publish would do
     * @param currentSellable Shopify's {@code available} now (0 when the item is not stocked at the location); it can
     *     be negative, an ordinary state when orders were taken while the quantity fell (Shopify counts them as
     *     committed); -1 for a {@link Action#REJECT} whose level was never read
     * @param targetSellable {@code available} right after the write publish would make (equal to {@code
     *     currentSellable} when nothing is written; negative too when committed orders exceed what may still be sold),
     *     or -1 for a {@link Action#REJECT}
     * @param detail the writes, or the reason for a refusal or for not writing; never a secret
     * @throws NullPointerException when sku, action or detail is null
     * @throws IllegalArgumentException when a refusal's target is not -1
     */
    public PlannedChange {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        if (action == Action.REJECT && targetSellable != -1) {
            throw new IllegalArgumentException("sku " + sku + ": a refused item has no target (-1), was " + targetSellable);
        }
    }

    /**
     * Whether the quantities are known: false for a refusal, whose level may never have been read.
     *
     * @return true unless {@link Action#REJECT}
     */
    public boolean quantitiesKnown() {
        return action != Action.REJECT;
    }

    /**
     * Whether publish would write anything to Shopify for this state.
     *
     * @return true for {@link Action#SET_QUANTITY}, {@link Action#LIST} and {@link Action#DELIST}
     */
    public boolean writes() {
        return action == Action.SET_QUANTITY || action == Action.LIST || action == Action.DELIST;
    }

    /**
     * The key that identifies the SKU at its location, as {@code DesiredState.key()}.
     *
     * @return {@code sku} or {@code sku@facilityId}
     */
    public String key() {
        return facilityId == null ? sku : sku + "@" + facilityId;
    }
}
