package co.hotwax.preorder.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A deliberately plain GraphQL client for the tests: java.net.http and Jackson, nothing from the adapter. */
final class JsonClient {
    static final String TOKEN = "shpat_test_token";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP exchange: status, headers and parsed body. */
    record Reply(int status, HttpResponse<String> raw, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }

        JsonNode errors() {
            return body.path("errors");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    JsonClient(ShopifySimulator sim) {
        this(sim.graphqlEndpoint("2026-04"), TOKEN);
    }

    JsonClient(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** Posts a document with variables (a Map keeps explicit nulls, which the CAS rules depend on). */
    Reply post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            return send(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a raw body; IOExceptions (reset connections) propagate. */
    Reply send(String body) throws IOException {
        // Generous: the first document outside the simulated subset builds the full 2026-04 schema (about 15 s on
        // a loaded 2-core machine, 30 s seen), and a timeout here only exists to turn a hang into a failure.
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Shopify-Access-Token", token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), response, parsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** GETs a bulk operation's JSONL result (no token: the URL is pre-signed) and parses each line; 200 expected. */
    java.util.List<JsonNode> jsonl(String url) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode());
            }
            java.util.List<JsonNode> lines = new java.util.ArrayList<>();
            for (String line : response.body().split("\n")) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Builds a variables map without dropping null values. */
    static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
