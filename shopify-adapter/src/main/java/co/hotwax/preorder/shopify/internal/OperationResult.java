package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a response says about one root field (one operation, by its response key: the alias when one was given),
 * decided before anything acts on it. Shopify answers a field it refuses or fails with that field {@code null} and
 * an error whose {@code path} starts with the field's key, in an HTTP 200 response whose other fields may have
 * succeeded; so a field counts as answered only when it is an object and no error points at it.
 *
 * @see <a href="https://shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes">
 *      Shopify: ACCESS_DENIED errors name the required scope</a>
 */
public sealed interface OperationResult {
    /** {@code Required access: `write_inventory` access scope.} */
    Pattern REQUIRED_ACCESS = Pattern.compile("Required access: `?([A-Za-z0-9_, ]{1,200}?)`? access scope");

    /**
     * The field is an object and no error points at it.
     *
     * @param payload the field's value
     */
    record Answered(JsonNode payload) implements OperationResult {
    }

    /**
     * The token lacks an access scope for the field: REJECTED, a problem of the whole shop.
     *
     * @param reason the reason, naming the missing scope
     */
    record Denied(String reason) implements OperationResult {
    }

    /**
     * Any other error points at the field (a resolver error, an internal error): RETRY, after a re-read.
     *
     * @param reason the error
     */
    record Failed(String reason) implements OperationResult {
    }

    /**
     * The field is missing, null or not an object and no error explains it: RETRY, after a re-read.
     *
     * @param reason what was found instead
     */
    record Unreadable(String reason) implements OperationResult {
    }

    /**
     * Classifies one root field of a response.
     *
     * @param response a response with {@code data} (as {@link ShopifyClient#execute} returns it)
     * @param key the field's response key: its alias, or its name when unaliased
     * @param operation the operation's name, for reasons
     * @return the result
     */
    static OperationResult of(GraphQlResponse response, String key, String operation) {
        List<GraphQlError> errors = response.errors().stream()
                .filter(e -> e.hasPath() && e.path().get(0).equals(key)).toList();
        for (GraphQlError error : errors) {
            if (error.accessDenied()) {
                return new Denied(operation + " was denied: " + missingScope(error));
            }
        }
        if (!errors.isEmpty()) {
            return new Failed(operation + " failed: " + errors.get(0).describe());
        }
        JsonNode payload = response.data().path(key);
        if (payload.isObject()) {
            return new Answered(payload);
        }
        // An error of the whole document may explain a null field too; it is a failure either way.
        String documentError = response.errors().stream().filter(e -> !e.hasPath()).findFirst()
                .map(e -> "; " + e.describe()).orElse("");
        return new Unreadable(operation + " returned " + (payload.isMissingNode() ? "no result" : payload.isNull()
                ? "a null result" : "a " + payload.getNodeType().name().toLowerCase() + " instead of an object")
                + documentError);
    }

    /**
     * The reason of an ACCESS_DENIED error: the scope from {@code extensions.requiredAccess} or the message, or the
     * message itself.
     *
     * @param error the error
     * @return e.g. {@code missing access scope write_inventory (Access denied for ...)}
     */
    static String missingScope(GraphQlError error) {
        String scope = null;
        for (String text : new String[] {error.message(), error.requiredAccess()}) {
            Matcher m = text == null ? null : REQUIRED_ACCESS.matcher(text);
            if (scope == null && m != null && m.find()) {
                scope = m.group(1);
            }
        }
        if (scope == null && error.requiredAccess() != null && error.requiredAccess().length() <= 200) {
            scope = error.requiredAccess();
        }
        String message = error.message().length() > 300 ? error.message().substring(0, 300) + "..." : error.message();
        return (scope == null ? "access denied" : "missing access scope " + scope) + " (" + message + ")";
    }
}
