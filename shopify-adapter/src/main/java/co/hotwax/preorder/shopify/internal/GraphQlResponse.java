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
 */
public record GraphQlResponse(int httpStatus, JsonNode data, List<GraphQlError> errors, QueryCost cost, Duration retryAfter) {
    /** Normalises absent parts. */
    public GraphQlResponse {
        data = data == null || data.isNull() ? MissingNode.getInstance() : data;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @return whether any top-level error carries {@code THROTTLED} */
    public boolean throttled() {
        return errors.stream().anyMatch(e -> "THROTTLED".equals(e.code()));
    }
}
