package co.hotwax.preorder.testkit;

import java.util.Objects;

/**
 * One line of a shopper's cart.
 *
 * @param variantIdOrSku a variant GID, or a SKU that names exactly one variant
 * @param quantity       units wanted, positive
 * @param sellingPlanId  the selling plan the shopper chose (e.g. a pre-order plan), or null for a plain purchase
 * @since 0.1.0
 */
public record CartLine(String variantIdOrSku, int quantity, String sellingPlanId) {
    /**
     * Validates presence and a positive quantity.
     *
     * @param variantIdOrSku a variant GID, or a SKU that names exactly one variant
     * @param quantity units wanted, positive
     * @param sellingPlanId the selling plan the shopper chose (e.g. a pre-order plan), or null for a plain purchase
     */
    public CartLine {
        Objects.requireNonNull(variantIdOrSku, "variantIdOrSku");
        if (quantity <= 0) {
            throw new IllegalArgumentException(variantIdOrSku + ": quantity must be positive, got " + quantity);
        }
    }

    /**
     * A plain line without a selling plan.
     *
     * @param variantIdOrSku a variant GID, or a SKU that names exactly one variant
     * @param quantity units, positive
     * @return a plain line without a selling plan
     */
    public static CartLine of(String variantIdOrSku, int quantity) {
        return new CartLine(variantIdOrSku, quantity, null);
    }

    /**
     * A line bought with a selling plan.
     *
     * @param variantIdOrSku a variant GID, or a SKU that names exactly one variant
     * @param quantity units, positive
     * @param sellingPlanId the selling plan the shopper chose
     * @return a line bought with a selling plan
     */
    public static CartLine withPlan(String variantIdOrSku, int quantity, String sellingPlanId) {
        return new CartLine(variantIdOrSku, quantity, Objects.requireNonNull(sellingPlanId, "sellingPlanId"));
    }
}
