package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.util.List;

/**
 * A parsed HTTP response of the GraphQL endpoint.
 *
 * @param httpStatus the HTTP status
 * @param data {@code data}, or a missing node
 * @param errors top-level {@code errors[]}
 * @param cost {@code extensions.cost}, or null when absent
 * @param retryAfter the {@code Retry-After} header, or null
 * @param unreadable whether the body was not a JSON object (HTML, truncated, empty)
 */
public record GraphQlResponse(int httpStatus, JsonNode data, List<GraphQlError> errors, QueryCost cost, Duration retryAfter,
                              boolean unreadable) {
    /** Normalises absent parts. */
    public GraphQlResponse {
        data = data == null || data.isNull() ? MissingNode.getInstance() : data;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @return whether any top-level error carries {@code THROTTLED} */
    public boolean throttled() {
        return errors.stream().anyMatch(e -> "THROTTLED".equals(e.code()));
    }

    /**
     * Whether the document was refused for its cost: Shopify's single-query limit is 1,000 points; the error's
     * message is "Query cost is N, which exceeds the single query max cost limit (1000)" (code believed to be
     * {@code MAX_COST_EXCEEDED}, so both are matched).
     *
     * @return true when the document must be made cheaper
     * @see <a href="https://shopify.dev/docs/api/usage/limits#rate-limits">Shopify API limits</a>
     * @see <a href="https://github.com/Shopify/shopify-app-js/issues/577">the message as Shopify sends it</a>
     */
    public boolean tooCostly() {
        return errors.stream().anyMatch(e -> "MAX_COST_EXCEEDED".equals(e.code())
                || e.message().contains("exceeds the single query max cost limit"));
    }
}
