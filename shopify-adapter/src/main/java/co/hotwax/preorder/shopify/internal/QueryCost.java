package co.hotwax.preorder.shopify.internal;

/**
 * The cost block of a response ({@code extensions.cost}).
 *
 * @param requested points the request asked for (admission is decided on this)
 * @param actual points actually spent, or null when the request did not run (THROTTLED)
 * @param throttleStatus the bucket after the request, or null when absent
 */
public record QueryCost(double requested, Double actual, ThrottleReading throttleStatus) {
}
