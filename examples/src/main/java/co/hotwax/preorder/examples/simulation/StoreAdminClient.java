package co.hotwax.preorder.examples.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A deliberately plain Admin GraphQL client (java.net.http + Jackson) for the comparators that model today's
 * practice: they send a few documents, no pacing, no retries, no compare-and-set. The SDK's own adapter is what
 * the engine uses; this client exists so the comparison does not borrow the adapter's safety.
 */
public final class StoreAdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String token;

    /**
     * Creates the client.
     *
     * @param endpoint the store's {@code /admin/api/<version>/graphql.json} URI
     * @param token the access token; kept out of {@link #toString()} and every message
     */
    public StoreAdminClient(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /**
     * Sends one operation and returns its {@code data}, failing on GraphQL errors or user errors of the first
     * mutation field.
     *
     * @param document the GraphQL document
     * @param variables its variables
     * @return the {@code data} object
     * @throws IllegalStateException when the store answers with errors
     */
    public JsonNode execute(String document, Map<String, Object> variables) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", document);
        body.set("variables", JSON.valueToTree(variables));
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Access-Token", token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || json.hasNonNull("errors")) {
                throw new IllegalStateException("store answered HTTP " + response.statusCode() + ": "
                        + json.path("errors"));
            }
            JsonNode data = json.path("data");
            data.fields().forEachRemaining(field -> {
                JsonNode userErrors = field.getValue().path("userErrors");
                if (userErrors.isArray() && !userErrors.isEmpty()) {
                    throw new IllegalStateException(field.getKey() + " user errors: " + userErrors);
                }
            });
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("request to the store failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the store", e);
        }
    }

    @Override
    public String toString() {
        return "StoreAdminClient[" + endpoint + "]";
    }
}
