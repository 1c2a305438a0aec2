package co.hotwax.preorder.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator received. The access token is never recorded.
 *
 * @param at             when it arrived (simulator clock)
 * @param operationName  the client's operationName, or null
 * @param rootFields     the root fields of the executed operation, e.g. {@code [inventorySetQuantities]}
 * @param idempotencyKey the {@code @idempotent} key, or null
 * @param variables      the request variables as sent
 * @param httpStatus     the HTTP status answered, or 0 when the connection was dropped
 * @param outcome        a short label: {@code ok}, {@code errors}, {@code throttled}, or the injected fault
 * @since 0.1.0
 */
public record RequestLogEntry(Instant at, String operationName, List<String> rootFields, String idempotencyKey,
        Map<String, Object> variables, int httpStatus, String outcome) {
    /**
     * Copies the collections (the variables may contain nulls, which matter for CAS).
     *
     * @param at when it arrived (simulator clock)
     * @param operationName the client's operationName, or null
     * @param rootFields the root fields of the executed operation, e.g. {@code [inventorySetQuantities]}
     * @param idempotencyKey the {@code @idempotent} key, or null
     * @param variables the request variables as sent
     * @param httpStatus the HTTP status answered, or 0 when the connection was dropped
     * @param outcome a short label: {@code ok}, {@code errors}, {@code throttled}, or the injected fault
     */
    public RequestLogEntry {
        rootFields = List.copyOf(rootFields);
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
