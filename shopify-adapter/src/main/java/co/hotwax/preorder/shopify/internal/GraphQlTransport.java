package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends one GraphQL document over {@link HttpClient} and parses the answer with Jackson. It neither retries nor
 * paces: {@link ShopifyClient} does. The access token goes into a header only; it is never logged or put into an
 * exception.
 *
 * <p>A server's answer is input too, so it is bounded: the whole exchange (headers and body) must finish within the
 * request timeout ({@link HttpRequest#timeout} alone only bounds the wait for the headers, so a body that drips
 * or stalls would hold the caller forever), and a body larger than {@link #MAX_BODY_BYTES} is cut off.
 */
public final class GraphQlTransport {
    /** The largest body read: a 250-entry read is about 100 KB, so anything near this is not a GraphQL answer. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Retry-After values are clamped here before conversion, so a huge number cannot overflow a Duration. */
    private static final double MAX_RETRY_AFTER_SECONDS = 86_400;

    private final HttpClient http;
    private final URI endpoint;
    private final Supplier<String> token;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final String userAgent;

    /**
     * Creates the transport.
     *
     * @param http the client (its executor and connect timeout belong to the caller)
     * @param endpoint the full GraphQL endpoint
     * @param token supplies the access token per request
     * @param requestTimeout the deadline of one whole exchange, headers and body
     * @param json the mapper
     * @param userAgent the {@code User-Agent} header, e.g. {@code preorder-sync/0.1.0}
     */
    public GraphQlTransport(HttpClient http, URI endpoint, Supplier<String> token, Duration requestTimeout, ObjectMapper json,
                            String userAgent) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.userAgent = userAgent;
    }

    /**
     * Creates the transport with the SDK's own {@code User-Agent} (kept for callers outside the adapter, e.g. the
     * benchmarks' seeding).
     *
     * @param http the client
     * @param endpoint the full GraphQL endpoint
     * @param token supplies the access token per request
     * @param requestTimeout the deadline of one whole exchange, headers and body
     * @param json the mapper
     */
    public GraphQlTransport(HttpClient http, URI endpoint, Supplier<String> token, Duration requestTimeout, ObjectMapper json) {
        this(http, endpoint, token, requestTimeout, json, SdkVersion.userAgent());
    }

    /**
     * Posts the document.
     *
     * @param document the GraphQL document, values inlined
     * @return the parsed response, whatever its HTTP status
     * @throws IOException on a network failure, a body over {@link #MAX_BODY_BYTES}, or a token the supplier gave
     *                     that cannot be sent (a timeout is {@link HttpTimeoutException})
     * @throws InterruptedException when interrupted while waiting
     */
    public GraphQlResponse post(String document) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("query", document);
        String accessToken = token.get();
        if (accessToken == null || accessToken.isBlank()) {
            throw new IOException("the access token supplier returned no token");
        }
        if (!AccessTokens.isSendable(accessToken)) {
            // HttpRequest.Builder.header would put the token into its exception message.
            throw new IOException("the access token supplier returned a token with whitespace or control characters");
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .header("X-Shopify-Access-Token", accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, responseInfo -> new BoundedBody(MAX_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete response within " + requestTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("the exchange failed: " + (cause == null ? e : cause).getClass().getSimpleName(), cause);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return parse(response.statusCode(), text,
                response.headers().firstValue("Retry-After").map(GraphQlTransport::retryAfter).orElse(null))
                .withApiVersion(response.headers().firstValue("X-Shopify-API-Version").orElse(null));
    }

    /**
     * Parses a response body. A body that is not a JSON object (an HTML 502 page, truncated JSON) gives a response
     * marked {@link GraphQlResponse#unreadable()}, without data or errors.
     *
     * @param status the HTTP status
     * @param body the body
     * @param retryAfter the parsed Retry-After header, or null
     * @return the response
     */
    GraphQlResponse parse(int status, String body, Duration retryAfter) {
        JsonNode root;
        boolean unreadable = false;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException notJson) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            root = json.createObjectNode();
            unreadable = true;
        }
        List<GraphQlError> errors = new ArrayList<>();
        JsonNode errorsNode = root.path("errors");
        if (errorsNode.isArray()) {
            for (JsonNode e : errorsNode) {
                errors.add(error(e));
            }
        } else if (errorsNode.isTextual()) {
            // REST-style error bodies (401, 429 from the edge) carry a plain string.
            errors.add(new GraphQlError(errorsNode.asText(), null));
        } else if (errorsNode.isObject()) {
            errors.add(new GraphQlError(errorsNode.toString(), null));
        }
        return new GraphQlResponse(status, root.path("data"), errors, cost(root.path("extensions").path("cost")), retryAfter,
                unreadable);
    }

    /** One entry of {@code errors[]}; also used for the lines of a bulk mutation's result. */
    static GraphQlError error(JsonNode e) {
        JsonNode extensions = e.path("extensions");
        JsonNode code = extensions.path("code");
        List<String> path = new ArrayList<>();
        e.path("path").forEach(p -> path.add(p.asText()));
        JsonNode required = extensions.path("requiredAccess");
        return new GraphQlError(e.path("message").asText(""), code.isTextual() ? code.asText() : null, path,
                required.isTextual() ? required.asText() : null);
    }

    private static QueryCost cost(JsonNode cost) {
        if (!cost.isObject()) {
            return null;
        }
        JsonNode status = cost.path("throttleStatus");
        ThrottleReading throttle = status.isObject()
                ? new ThrottleReading(number(status.path("maximumAvailable")), number(status.path("currentlyAvailable")),
                        number(status.path("restoreRate")))
                : null;
        JsonNode actual = cost.path("actualQueryCost");
        return new QueryCost(number(cost.path("requestedQueryCost")), actual.isNumber() ? number(actual) : null, throttle);
    }

    /** A finite, non-negative number, or 0: a server's NaN, infinity or text must not reach the pacer's arithmetic. */
    private static double number(JsonNode node) {
        double value = node.isNumber() ? node.asDouble() : 0;
        return Double.isFinite(value) && value > 0 ? value : 0;
    }

    /**
     * Parses {@code Retry-After} in seconds, clamped so that no value can overflow; an HTTP date or garbage gives
     * null (the caller's own backoff then applies).
     *
     * @param header the header value
     * @return the wait, or null
     */
    static Duration retryAfter(String header) {
        try {
            double seconds = Double.parseDouble(header.trim());
            if (Double.isNaN(seconds) || seconds < 0) {
                return null;
            }
            return Duration.ofMillis((long) Math.ceil(Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1000));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
