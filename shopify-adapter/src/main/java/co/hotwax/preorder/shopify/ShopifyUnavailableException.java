package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.PreorderSyncException;

/**
 * The shop could not be read at all, after retries: unreachable, too slow, throttled to the end, or it refused the
 * request (a wrong access token, a missing scope, an unsupported API version). {@link ShopifyPublisher#preview}
 * throws it instead of guessing, because a preview of a shop it cannot read would be wrong. The message names the
 * shop, the operation and the cause; never the access token.
 *
 * @since 0.1.0
 */
public final class ShopifyUnavailableException extends PreorderSyncException {
    private static final long serialVersionUID = 1L;

    /** Whether trying again later may help; see {@link #transientFailure()}. */
    private final boolean transientFailure;

    /**
     * Creates the exception.
     *
     * @param message what could not be read and why
     * @param transientFailure whether trying again later may help (network, timeout, 5xx, throttling) rather than
     *                         needing a fix (token, scope, version)
     * @param cause the underlying failure, or null
     */
    public ShopifyUnavailableException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /**
     * Whether trying again later may help.
     *
     * @return true for network failures, timeouts, server errors and throttling; false for a refused token, scope
     *         or document
     */
    public boolean transientFailure() {
        return transientFailure;
    }
}
