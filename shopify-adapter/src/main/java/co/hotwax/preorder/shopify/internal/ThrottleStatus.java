package co.hotwax.preorder.shopify.internal;

/**
 * Shopify's view of the cost bucket after a request ({@code extensions.cost.throttleStatus}).
 *
 * @param maximumAvailable bucket capacity in points
 * @param currentlyAvailable points left
 * @param restoreRate points restored per second
 */
public record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {
}
