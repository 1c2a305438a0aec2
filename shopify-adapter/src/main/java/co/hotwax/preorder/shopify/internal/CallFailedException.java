package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.PreorderSyncException;

import java.time.Duration;

/**
 * One GraphQL call failed, after any retries. Its message names the operation and the cause, never a secret.
 */
public final class CallFailedException extends PreorderSyncException {
    private static final long serialVersionUID = 1L;

    /** Why a call failed; the first six are transient and retried. */
    public enum Kind {
        /** Shopify's cost bucket was empty ({@code errors[].extensions.code == THROTTLED}). */
        THROTTLED(true),
        /** HTTP 429. */
        RATE_LIMITED(true),
        /** HTTP 5xx. */
        SERVER_ERROR(true),
        /** Connection refused or reset, a broken body. */
        NETWORK(true),
        /** No response within the request timeout. */
        TIMEOUT(true),
        /** An answer that is not a GraphQL response: HTML, truncated or oversized JSON, neither data nor errors. */
        MALFORMED(true),
        /** HTTP 4xx other than 429, or a redirect (reported with its status): bad token, frozen shop, wrong host. */
        CLIENT_ERROR(false),
        /** The token lacks an access scope ({@code extensions.code == ACCESS_DENIED}): a problem of the whole shop. */
        ACCESS_DENIED(false),
        /** The document costs more than one request may: the caller splits its batch. */
        TOO_COSTLY(false),
        /** A GraphQL error without data: the document was refused (validation, an internal error). */
        GRAPHQL_ERROR(false);

        private final boolean transient_;

        Kind(boolean transient_) {
            this.transient_ = transient_;
        }

        /** @return whether retrying can help */
        public boolean isTransient() {
            return transient_;
        }
    }

    private final Kind kind;
    private final transient Duration waitHint;

    /**
     * Creates the exception.
     *
     * @param kind the kind
     * @param message what failed, naming the operation
     * @param waitHint how long the server asked us to wait (Retry-After, bucket refill), or null
     * @param cause the underlying exception, or null
     */
    public CallFailedException(Kind kind, String message, Duration waitHint, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
        this.waitHint = waitHint;
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the server's wait hint, or null */
    public Duration waitHint() {
        return waitHint;
    }
}
