package co.hotwax.preorder.testkit.internal;

/**
 * A failure that Shopify reports as a top-level GraphQL error ({@code errors[]}, not {@code userErrors}), such as
 * a missing {@code @idempotent} key or an input array over 250 entries. Carries the {@code extensions.code}.
 */
public final class RequestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The code Shopify puts in {@code extensions.code} for a malformed request. */
    public static final String BAD_REQUEST = "BAD_REQUEST";

    private final String code;

    /** Creates an error with the message the client will see and its {@code extensions.code}. */
    public RequestError(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The {@code extensions.code} value. */
    public String code() {
        return code;
    }
}
