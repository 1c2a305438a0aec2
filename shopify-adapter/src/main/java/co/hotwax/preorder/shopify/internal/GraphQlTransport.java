package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends one GraphQL document over {@link HttpClient} and parses the answer with Jackson. It neither retries nor
 * paces: {@link ShopifyClient} does. The access token goes into a header only; it is never logged or put into an
 * exception.
 */
public final class GraphQlTransport {
    private final HttpClient http;
    private final URI endpoint;
    private final Supplier<String> token;
    private final Duration requestTimeout;
    private final ObjectMapper json;

    /**
     * Creates the transport.
     *
     * @param http the client (its executor and connect timeout belong to the caller)
     * @param endpoint the full GraphQL endpoint
     * @param token supplies the access token per request
     * @param requestTimeout the timeout of one request
     * @param json the mapper
     */
    public GraphQlTransport(HttpClient http, URI endpoint, Supplier<String> token, Duration requestTimeout, ObjectMapper json) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    /**
     * Posts the document.
     *
     * @param document the GraphQL document, values inlined
     * @return the parsed response, whatever its HTTP status
     * @throws IOException on a network failure or a body that is not JSON (a timeout is
     *                     {@link java.net.http.HttpTimeoutException})
     * @throws InterruptedException when interrupted while waiting
     */
    public GraphQlResponse post(String document) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("query", document);
        String accessToken = token.get();
        if (accessToken == null || accessToken.isBlank()) {
            throw new IOException("the access token supplier returned no token");
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Access-Token", accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return parse(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").map(GraphQlTransport::retryAfter).orElse(null));
    }

    /**
     * Parses a response body. Non-JSON bodies (an HTML 502 page) give a response without data or errors.
     *
     * @param status the HTTP status
     * @param body the body
     * @param retryAfter the parsed Retry-After header, or null
     * @return the response
     */
    GraphQlResponse parse(int status, String body, Duration retryAfter) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException notJson) {
            root = json.createObjectNode();
        }
        List<GraphQlError> errors = new ArrayList<>();
        JsonNode errorsNode = root.path("errors");
        if (errorsNode.isArray()) {
            for (JsonNode e : errorsNode) {
                JsonNode code = e.path("extensions").path("code");
                errors.add(new GraphQlError(e.path("message").asText(""), code.isTextual() ? code.asText() : null));
            }
        } else if (errorsNode.isTextual()) {
            // REST-style error bodies (401, 429 from the edge) carry a plain string.
            errors.add(new GraphQlError(errorsNode.asText(), null));
        }
        return new GraphQlResponse(status, root.path("data"), errors, cost(root.path("extensions").path("cost")), retryAfter);
    }

    private static QueryCost cost(JsonNode cost) {
        if (!cost.isObject()) {
            return null;
        }
        JsonNode status = cost.path("throttleStatus");
        ThrottleStatus throttle = status.isObject()
                ? new ThrottleStatus(status.path("maximumAvailable").asDouble(), status.path("currentlyAvailable").asDouble(),
                        status.path("restoreRate").asDouble())
                : null;
        JsonNode actual = cost.path("actualQueryCost");
        return new QueryCost(cost.path("requestedQueryCost").asDouble(), actual.isNumber() ? actual.asDouble() : null, throttle);
    }

    static Duration retryAfter(String header) {
        try {
            double seconds = Double.parseDouble(header.trim());
            return seconds >= 0 ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : null;
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
