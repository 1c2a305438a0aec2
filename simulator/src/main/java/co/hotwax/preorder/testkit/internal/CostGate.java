package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.ThrottleStatus;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's cost accounting around one request: the requested cost is checked against the 1,000-point single
 * request limit and debited from the shop's leaky bucket before execution (THROTTLED when it does not fit), and
 * requested minus actual is refunded afterwards. Builds the {@code extensions.cost} block every response carries.
 */
public final class CostGate {
    private static final String RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

    private final GraphQLSchema schema;
    private final QueryCost cost;
    private final CostBucket bucket;

    /** Costs documents against {@code schema} with {@code cost} and debits {@code bucket}. */
    public CostGate(GraphQLSchema schema, CostBucket bucket, QueryCost cost) {
        this.schema = schema;
        this.bucket = bucket;
        this.cost = cost;
    }

    /** The outcome of admission: a refusal body to send as-is, or null and the cost debited. */
    public record Admission(int requested, Map<String, Object> refusal, boolean throttled) {
    }

    /** Computes the requested cost and tries to admit it. Documents that do not parse or validate cost 0. */
    public Admission admit(RequestInfo info, Map<String, Object> variables) {
        int requested = requested(info, variables);
        if (requested > QueryCost.MAX_SINGLE_QUERY_COST) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", QueryCost.MAX_COST_EXCEEDED_CODE);
            ext.put("cost", requested);
            ext.put("maxCost", QueryCost.MAX_SINGLE_QUERY_COST);
            return new Admission(requested, refusal(QueryCost.maxCostExceededMessage(requested), ext, requested,
                    bucket.status()), false);
        }
        CostBucket.Admission admission = bucket.tryAdmit(requested);
        if (!admission.admitted()) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("code", "THROTTLED");
            ext.put("documentation", RATE_LIMIT_DOCS);
            return new Admission(requested, refusal("Throttled", ext, requested, admission.statusAfter()), true);
        }
        return new Admission(requested, null, false);
    }

    /** Refunds requested minus actual and returns the {@code extensions} value for an executed request. */
    public Map<String, Object> settle(RequestInfo info, Map<String, Object> variables, int requested, Object data) {
        int actual = requested;
        if (info.document() != null && data != null) {
            try {
                actual = Math.min(requested, cost.actualCost(schema, info.document(), info.operationName(),
                        variables, data));
            } catch (IllegalArgumentException e) {
                actual = requested;
            }
        } else if (data == null) {
            actual = 0;
        }
        if (requested > actual) {
            bucket.refund(requested - actual);
        }
        return extensions(requested, actual, bucket.status());
    }

    /** The {@code extensions} value for a response that executed nothing. */
    public Map<String, Object> unexecuted(int requested) {
        return extensions(requested, null, bucket.status());
    }

    private int requested(RequestInfo info, Map<String, Object> variables) {
        if (info.document() == null) {
            return 0;
        }
        try {
            return cost.requestedCost(schema, info.document(), info.operationName(), variables);
        } catch (IllegalArgumentException e) {
            // Not a valid document: execution reports the validation error and nothing is charged.
            return 0;
        }
    }

    private static Map<String, Object> refusal(String message, Map<String, Object> ext, int requested,
            ThrottleStatus status) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", ext);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("extensions", extensions(requested, null, status));
        return body;
    }

    private static Map<String, Object> extensions(int requested, Integer actual, ThrottleStatus status) {
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", status.maximumAvailable());
        throttle.put("currentlyAvailable", status.currentlyAvailable());
        throttle.put("restoreRate", status.restoreRate());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("requestedQueryCost", requested);
        c.put("actualQueryCost", actual);
        c.put("throttleStatus", throttle);
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("cost", c);
        return wrapper;
    }
}
