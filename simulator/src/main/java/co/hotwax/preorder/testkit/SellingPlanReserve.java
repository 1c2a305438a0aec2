package co.hotwax.preorder.testkit;

/**
 * When a selling plan takes units from inventory, as Shopify's {@code SellingPlanReserve} enum says:
 * {@code ON_SALE} at checkout, {@code ON_FULFILLMENT} only when the order is fulfilled (so an order bought with such
 * a plan does not lower {@code available} until then). Source: shopify.dev/docs/api/admin-graphql/2026-04/enums/
 * SellingPlanReserve and shopify.dev/docs/apps/build/purchase-options/deferred.
 *
 * @since 0.1.0
 */
public enum SellingPlanReserve {
    /** Reserve inventory at the time of sale. */
    ON_SALE,
    /** Reserve inventory when the order is fulfilled. */
    ON_FULFILLMENT
}
