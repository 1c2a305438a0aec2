package co.hotwax.preorder.shopify.internal;

import java.util.function.Supplier;

/**
 * The two rules that keep the access token secret: a token is sendable only if it is printable ASCII without
 * whitespace (anything else makes {@code HttpRequest.Builder.header} throw with the token in its message), and every
 * text that leaves the adapter (exception messages, outcome reasons, log lines) is scrubbed of it, because a server
 * or proxy may echo the token back in an error body.
 */
public final class AccessTokens {
    private static final String REDACTED = "<redacted>";

    private final Supplier<String> token;

    /**
     * Creates the scrubber over the token supplier the requests use, so a rotated token is scrubbed too.
     *
     * @param token the supplier
     */
    public AccessTokens(Supplier<String> token) {
        this.token = token;
    }

    /**
     * Whether a token can go into an HTTP header: non-empty, and only characters {@code !} to {@code ~}.
     *
     * @param token the token
     * @return true when sendable
     */
    public static boolean isSendable(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes the token from a text.
     *
     * @param text any text, or null
     * @return the text with every occurrence of the token replaced by {@code <redacted>}
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String current;
        try {
            current = token.get();
        } catch (RuntimeException e) {
            return text;
        }
        return current == null || current.isEmpty() ? text : text.replace(current, REDACTED);
    }
}
