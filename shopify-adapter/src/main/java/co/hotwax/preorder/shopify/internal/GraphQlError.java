package co.hotwax.preorder.shopify.internal;

import java.util.List;

/**
 * One entry of a response's top-level {@code errors[]}.
 *
 * <p>Shopify answers a field it refuses or fails to resolve with HTTP 200, that field {@code null} in {@code data},
 * and an error whose {@code path} starts with the field's response key (its alias, when one was given), e.g.
 * {@code {"message":"Access denied for inventorySetQuantities field. Required access: `write_inventory` access
 * scope.","path":["inventorySetQuantities"],"extensions":{"code":"ACCESS_DENIED",...}}}.
 *
 * @param message the message
 * @param code {@code extensions.code} (e.g. THROTTLED, ACCESS_DENIED, MAX_COST_EXCEEDED), or null
 * @param path the response path ({@code path[]}, numbers as text); empty for an error of the whole document
 * @param requiredAccess {@code extensions.requiredAccess} of an ACCESS_DENIED error, or null
 * @see <a href="https://shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes">
 *      Shopify: error messages for operations without the necessary access scopes</a>
 * @see <a href="https://shopify.dev/changelog/improved-graphql-errors">Shopify: error codes under extensions</a>
 */
public record GraphQlError(String message, String code, List<String> path, String requiredAccess) {
    /** Normalises absent parts. */
    public GraphQlError {
        message = message == null ? "" : message;
        path = path == null ? List.of() : List.copyOf(path);
    }

    /**
     * An error of the whole document.
     *
     * @param message the message
     * @param code the code, or null
     */
    public GraphQlError(String message, String code) {
        this(message, code, List.of(), null);
    }

    /** @return whether this error concerns one field of the response rather than the whole document */
    public boolean hasPath() {
        return !path.isEmpty();
    }

    /** @return whether the token lacks an access scope (or the staff member a permission) */
    public boolean accessDenied() {
        return "ACCESS_DENIED".equals(code);
    }

    /** @return message and code, for outcome reasons */
    public String describe() {
        return message + (code == null ? "" : " (" + code + ")");
    }
}
