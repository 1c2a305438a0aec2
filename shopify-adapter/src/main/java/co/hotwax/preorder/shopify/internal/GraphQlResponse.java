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
 * @param apiVersion the {@code X-Shopify-API-Version} header (the version that served the request), or null
 */
public record GraphQlResponse(int httpStatus, JsonNode data, List<GraphQlError> errors, QueryCost cost, Duration retryAfter,
                              boolean unreadable, String apiVersion) {
    /** Normalises absent parts. */
    public GraphQlResponse {
        data = data == null || data.isNull() ? MissingNode.getInstance() : data;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * A response without a known API version header.
     *
     * @param httpStatus the HTTP status
     * @param data {@code data}, or a missing node
     * @param errors top-level {@code errors[]}
     * @param cost {@code extensions.cost}, or null
     * @param retryAfter the {@code Retry-After} header, or null
     * @param unreadable whether the body was not a JSON object
     */
    public GraphQlResponse(int httpStatus, JsonNode data, List<GraphQlError> errors, QueryCost cost, Duration retryAfter,
                           boolean unreadable) {
        this(httpStatus, data, errors, cost, retryAfter, unreadable, null);
    }

    /**
     * This response with the served API version.
     *
     * @param version the header's value, or null
     * @return the response
     */
    GraphQlResponse withApiVersion(String version) {
        return new GraphQlResponse(httpStatus, data, errors, cost, retryAfter, unreadable,
                version == null || version.length() > 40 ? null : version);
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
