package co.hotwax.preorder.shopify.internal;

/**
 * One entry of a response's top-level {@code errors[]}.
 *
 * @param message the message
 * @param code {@code extensions.code} (e.g. THROTTLED, ACCESS_DENIED), or null
 */
public record GraphQlError(String message, String code) {
}
