package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.Fault;
import co.hotwax.preorder.testkit.FaultPlan;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.spi.Sleeper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves {@code POST /admin/api/{version}/graphql.json} like Shopify: 404 for other paths and unsupported versions,
 * 401 without the right {@code X-Shopify-Access-Token}; then draws the request's fault from the plan, admits it
 * through the cost bucket (THROTTLED as HTTP 200), executes the document under the shop lock and answers JSON with
 * {@code extensions.cost}. A connection reset (or a lost response) closes the exchange before any header is sent,
 * so the client sees the connection end without a response.
 */
public final class AdminApiHandler implements HttpHandler {
    private static final Pattern PATH = Pattern.compile("^/admin/api/([^/]+)/graphql\\.json$");
    private static final String INVALID_TOKEN =
            "[API] Invalid API key or access token (unrecognized login or wrong password)";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    private final byte[] token;
    private final Predicate<String> versions;
    private final AdminSchema schema;
    private final ShopStore store;
    private final Telemetry telemetry;
    private final Sleeper sleeper;
    private final Duration latency;
    private final FaultPlan faults;
    private final CostGate cost;
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    /** Creates the handler; {@code token} is compared in constant time and never logged. */
    public AdminApiHandler(String token, Predicate<String> versions, AdminSchema schema, ShopStore store,
            Telemetry telemetry, Sleeper sleeper, Duration latency, FaultPlan faults, CostGate cost) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.versions = versions;
        this.schema = schema;
        this.store = store;
        this.telemetry = telemetry;
        this.sleeper = sleeper;
        this.latency = latency;
        this.faults = faults;
        this.cost = cost;
    }

    /** Answers one exchange; always closes it (a dropped connection is a close before any header). */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!m.matches()) {
                send(exchange, 404, Map.of("errors", "Not Found"), Map.of());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Map.of("errors", "Method Not Allowed"), Map.of("Allow", "POST"));
                return;
            }
            if (!authorised(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
                send(exchange, 401, Map.of("errors", INVALID_TOKEN), Map.of());
                return;
            }
            if (!versions.test(m.group(1))) {
                send(exchange, 404, Map.of("errors", "Not Found"), Map.of());
                return;
            }
            telemetry.request();
            // Shopify names every answer's request (quote it to support) and the version that served it.
            exchange.getResponseHeaders().set("X-Request-Id", new java.util.UUID(0x5151_0000_4000L,
                    0x8000_0000_0000_0000L | requests.incrementAndGet()).toString());
            exchange.getResponseHeaders().set("X-Shopify-API-Version", m.group(1));
            pause(latency);
            graphql(exchange, m.group(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void graphql(HttpExchange exchange, String version) throws IOException, InterruptedException {
        Map<String, Object> body;
        try {
            body = json.readValue(exchange.getRequestBody(), JSON_OBJECT);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !(body.get("query") instanceof String query)) {
            send(exchange, 400, Map.of("errors", Map.of("query", "Required parameter missing or invalid")), Map.of());
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = body.get("variables") instanceof Map<?, ?> v
                ? (Map<String, Object>) v : Map.of();
        String operationName = body.get("operationName") instanceof String s ? s : null;
        RequestInfo info = RequestInfo.of(query, operationName, variables);
        Fault fault = faults.next(operationName, info.mutation());
        if (fault.kind() != Fault.Kind.NONE) {
            telemetry.fault();
        }
        if (!fault.executes()) {
            failWithoutExecuting(exchange, fault, info, variables);
            return;
        }
        pause(fault.delay());
        CostGate.Admission admission = cost.admit(info, variables);
        if (admission.refusal() != null) {
            if (admission.throttled()) {
                telemetry.throttled();
            }
            log(info, variables, 200, admission.throttled() ? "throttled" : "max cost exceeded");
            send(exchange, 200, admission.refusal(), Map.of());
            return;
        }
        ExecutionResult executed = store.locked(() -> schema.graphql().execute(ExecutionInput.newExecutionInput()
                .query(query).operationName(operationName).variables(variables)
                .graphQLContext(Map.of(BulkLimit.API_VERSION, version)).build()));
        // Outside the shop lock: the first recheck builds the full schema, which takes seconds.
        ExecutionResult result = FullSchemaCheck.refusedBySubset(executed)
                ? FullSchemaCheck.recheck(executed, query, operationName, variables) : executed;
        if (result.isDataPresent()) {
            telemetry.operations(info.rootFields());
        }
        Map<String, Object> response = new LinkedHashMap<>(ShopifyErrorShape.reshape(result.toSpecification(), operationName));
        response.put("extensions", cost.settle(info, variables, admission.requested(), result.getData()));
        String outcome = result.getErrors().isEmpty() ? "ok" : "errors";
        if (fault.kind() == Fault.Kind.APPLIED_RESPONSE_LOST) {
            // Applied (state and idempotency key stored), then the connection drops before any byte is sent.
            log(info, variables, 0, outcome + ", " + fault);
            return;
        }
        // Logged before answering, so a client that has its reply can already see the entry.
        log(info, variables, 200, fault.kind() == Fault.Kind.SLOW ? outcome + ", " + fault : outcome);
        send(exchange, 200, response, Map.of());
    }

    private void failWithoutExecuting(HttpExchange exchange, Fault fault, RequestInfo info,
            Map<String, Object> variables) throws IOException {
        Map<String, String> headers = fault.retryAfterSeconds() > 0
                ? Map.of("Retry-After", Integer.toString(fault.retryAfterSeconds())) : Map.of();
        switch (fault.kind()) {
            case HTTP_429 -> {
                log(info, variables, 429, fault.toString());
                send(exchange, 429, Map.of("errors", "Exceeded 2 calls per second for api client. Reduce request "
                        + "rates to resume uninterrupted service."), headers);
            }
            case HTTP_500 -> {
                log(info, variables, 500, fault.toString());
                send(exchange, 500, Map.of("errors", "Internal Server Error"), headers);
            }
            case HTTP_502 -> {
                log(info, variables, 502, fault.toString());
                send(exchange, 502, Map.of("errors", "Bad Gateway"), headers);
            }
            case HTTP_503 -> {
                log(info, variables, 503, fault.toString());
                send(exchange, 503, Map.of("errors", "Service Unavailable"), headers);
            }
            default -> log(info, variables, 0, fault.toString()); // CONNECTION_RESET: close without a response
        }
    }

    private void log(RequestInfo info, Map<String, Object> variables, int status, String outcome) {
        telemetry.log(new RequestLogEntry(store.now(), info.operationName(), info.rootFields(),
                info.idempotencyKey(), variables, status, outcome));
    }

    private boolean authorised(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private void pause(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            sleeper.sleep(d);
        }
    }

    private void send(HttpExchange exchange, int status, Object body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Shopify's convention for the versions the simulator answers by default: 2026-04 and later. */
    public static boolean defaultVersion(String version) {
        return version.matches("\\d{4}-\\d{2}") && version.compareTo("2026-04") >= 0;
    }

}
