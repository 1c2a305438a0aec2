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
    private final java.util.Map<String, Object> extensions;

    /** Creates an error with the message the client will see and its {@code extensions.code}. */
    public RequestError(String code, String message) {
        this(message, java.util.Map.of("code", code));
    }

    /** Creates an error with the message and the whole {@code extensions} object (which names the code). */
    public RequestError(String message, java.util.Map<String, Object> extensions) {
        super(message);
        this.code = String.valueOf(extensions.get("code"));
        this.extensions = java.util.Map.copyOf(extensions);
    }

    /** The {@code extensions.code} value. */
    public String code() {
        return code;
    }

    /** The {@code extensions} object, code first. */
    public java.util.Map<String, Object> extensions() {
        java.util.Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        ordered.put("code", code);
        ordered.putAll(extensions);
        return ordered;
    }
}
