package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.Sleeper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports every variant of the shop (id, SKU, policy, product and tags, inventory item and tracked flag, the
 * pre-order metafield) with one bulk query, which costs a few points instead of 2-3 per SKU.
 *
 * <p>What it relies on (Shopify Admin API 2026-04): {@code bulkOperationRunQuery(query:)} starts the operation and
 * answers userErrors {@code OPERATION_IN_PROGRESS}/{@code LIMIT_REACHED} when the shop's limit is reached ("Apps can
 * run one bulk query operation and one bulk mutation operation at a time per shop", schema 2026-04); the operation
 * is polled with {@code bulkOperation(id:)} ({@code currentBulkOperation} is deprecated in 2026-04 "Use
 * {@code bulkOperations} with status filter instead"); statuses CREATED, RUNNING, COMPLETED, FAILED (with
 * {@code errorCode} ACCESS_DENIED, INTERNAL_SERVER_ERROR, TIMEOUT), CANCELING, CANCELED, EXPIRED; on COMPLETED
 * {@code url} is JSONL (null when nothing matched), one object per line, nested connection nodes on their own lines
 * with {@code __parentId} after their parent (shopify.dev/docs/api/usage/bulk-operations/queries;
 * shopify.dev/docs/api/admin-graphql/latest/objects/BulkOperation). The URL is pre-signed: it is fetched without the
 * access token, which therefore never leaves for another host.
 *
 * <p>The file is read as a stream, one line at a time with a cap on the line's length, so memory holds the records
 * kept (one per variant with a SKU), never the file. A FAILED operation's {@code partialDataUrl} is not used: a part
 * of the catalog cannot show that a SKU is unique. Anything but a completed, readable export answers
 * {@link Unavailable} with the reason, and the caller reads per request instead.
 */
public final class BulkVariantExport {
    /** First wait between polls; doubles up to {@link #MAX_POLL_INTERVAL}. */
    static final Duration FIRST_POLL_INTERVAL = Duration.ofSeconds(1);
    /** Longest wait between polls. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(30);
    /** Longest wait for one export before it is canceled and the caller reads per request. */
    static final Duration MAX_WAIT = Duration.ofMinutes(30);
    /** Longest JSONL line accepted: a variant line is well under 2 KiB; anything longer is not ours. */
    static final int MAX_LINE = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(BulkVariantExport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "bulkOperationRunQuery";
    private static final String POLL = "bulkOperation";

    private final ShopifyClient client;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration requestTimeout;
    private final String innerQuery;

    /**
     * Creates the export.
     *
     * @param client the GraphQL client (pacing, retries)
     * @param http the HTTP client that downloads the result file
     * @param clock the clock that bounds the wait
     * @param sleeper the sleeper between polls
     * @param requestTimeout the timeout for the download's response headers
     * @param metafieldNamespace the pre-order metafield's namespace
     * @param metafieldKey the pre-order metafield's key
     */
    public BulkVariantExport(ShopifyClient client, HttpClient http, Clock clock, Sleeper sleeper,
            Duration requestTimeout, String metafieldNamespace, String metafieldKey) {
        this.client = client;
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.requestTimeout = requestTimeout;
        this.innerQuery = "{ productVariants { edges { node { id sku inventoryPolicy metafield(namespace: "
                + literal(metafieldNamespace) + ", key: " + literal(metafieldKey) + ") { value } product { id tags } "
                + "inventoryItem { id tracked } } } } }";
    }

    /** The result of an export. */
    public sealed interface Export permits Exported, Unavailable {
    }

    /**
     * The whole catalog was read.
     *
     * @param unique SKU to its only variant
     * @param duplicated SKUs more than one variant has
     * @param productTags product gid to its tags
     * @param operationId the bulk operation's gid
     */
    public record Exported(Map<String, VariantRecord> unique, Set<String> duplicated,
            Map<String, List<String>> productTags, String operationId) implements Export {
    }

    /**
     * No usable export; the caller reads per request.
     *
     * @param reason why, for logs and outcomes
     */
    public record Unavailable(String reason) implements Export {
    }

    /**
     * Runs one export to the end.
     *
     * @return the catalog, or why there is none
     * @throws InterruptedException when interrupted while waiting
     */
    public Export export() throws InterruptedException {
        try {
            return run();
        } catch (CallFailedException e) {
            return new Unavailable("bulk export call failed (" + e.kind() + "): " + e.getMessage());
        }
    }

    private Export run() throws InterruptedException {
        JsonNode started = client.answered(client.execute(RUN, runDocument(), 10), RUN, RUN);
        JsonNode errors = started.path("userErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            String code = errors.get(0).path("code").asText("");
            String message = client.scrub(errors.get(0).path("message").asText(""));
            return new Unavailable(code.equals("OPERATION_IN_PROGRESS") || code.equals("LIMIT_REACHED")
                    ? "another bulk query is running in the shop (" + code + ": " + message + ")"
                    : "bulk query refused (" + code + "): " + message);
        }
        String id = started.path("bulkOperation").path("id").asText(null);
        if (id == null || !id.startsWith("gid://shopify/BulkOperation/")) {
            return new Unavailable("bulk query started without an operation id");
        }
        Instant deadline = clock.instant().plus(MAX_WAIT);
        Duration interval = FIRST_POLL_INTERVAL;
        while (true) {
            sleeper.sleep(interval);
            interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL
                    : interval.multipliedBy(2);
            JsonNode op = client.answered(client.execute(POLL, pollDocument(id), 1), POLL, POLL);
            String status = op.path("status").asText("");
            switch (status) {
                case "CREATED", "RUNNING", "CANCELING" -> {
                    if (!clock.instant().isBefore(deadline)) {
                        cancel(id);
                        return new Unavailable("bulk query " + id + " still " + status + " after " + MAX_WAIT
                                + "; canceled");
                    }
                }
                case "COMPLETED" -> {
                    return op.path("url").isTextual() ? read(id, op.path("url").asText())
                            : new Exported(Map.of(), Set.of(), Map.of(), id);
                }
                case "FAILED" -> {
                    return new Unavailable("bulk query " + id + " failed: " + op.path("errorCode").asText("no code")
                            + " (partial data not used: it cannot show a SKU is unique)");
                }
                case "CANCELED", "EXPIRED" -> {
                    return new Unavailable("bulk query " + id + " was " + status);
                }
                default -> {
                    return new Unavailable("bulk query " + id + " has an unknown status '"
                            + client.scrub(truncate(status)) + "'");
                }
            }
        }
    }

    /** The query the bulk operation runs. */
    String innerQuery() {
        return innerQuery;
    }

    /** Starts the export. */
    String runDocument() {
        return "mutation ExportVariants { " + RUN + "(query: " + literal(innerQuery)
                + ") { bulkOperation { id status } userErrors { code field message } } }";
    }

    /** Polls operation {@code id} ({@code currentBulkOperation} is deprecated in 2026-04). */
    static String pollDocument(String id) {
        return "query BulkStatus { " + POLL + "(id: " + literal(id) + ") { id status errorCode objectCount url } }";
    }

    /** Cancels operation {@code id}, so an abandoned export does not hold the shop's limit. */
    static String cancelDocument(String id) {
        return "mutation CancelExport { bulkOperationCancel(id: " + literal(id)
                + ") { bulkOperation { id status } userErrors { field message } } }";
    }

    private void cancel(String id) {
        try {
            client.execute("bulkOperationCancel", cancelDocument(id), 10);
        } catch (CallFailedException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("shop {}: could not cancel bulk query {}: {}", client.shop(), id, e.getMessage());
        }
    }

    private Export read(String id, String url) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Unavailable("bulk query " + id + " gave an unreadable url");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            return new Unavailable("bulk query " + id + " gave a url that is not http(s)");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return new Unavailable("bulk result of " + id + " could not be downloaded: " + e.getClass().getSimpleName());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Unavailable("bulk result of " + id + " answered HTTP " + response.statusCode());
            }
            return parse(id, new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new Unavailable("bulk result of " + id + " broke off: " + e.getClass().getSimpleName());
        }
    }

    /** Streams the JSONL: one variant per root line; lines with {@code __parentId} are not ours and are skipped. */
    Export parse(String id, Reader in) throws IOException {
        Map<String, VariantRecord> unique = new HashMap<>();
        Set<String> duplicated = new HashSet<>();
        Map<String, List<String>> tags = new HashMap<>();
        StringBuilder line = new StringBuilder();
        long number = 0;
        int c;
        do {
            c = in.read();
            if (c != '\n' && c != -1) {
                if (line.length() >= MAX_LINE) {
                    return new Unavailable("bulk result of " + id + " has a line longer than " + MAX_LINE
                            + " characters (line " + (number + 1) + ")");
                }
                line.append((char) c);
                continue;
            }
            number++;
            if (!line.toString().isBlank()) {
                String problem = accept(line.toString(), unique, duplicated, tags);
                if (problem != null) {
                    return new Unavailable("bulk result of " + id + " line " + number + ": " + problem);
                }
            }
            line.setLength(0);
        } while (c != -1);
        duplicated.forEach(unique::remove);
        return new Exported(unique, duplicated, tags, id);
    }

    private static String accept(String text, Map<String, VariantRecord> unique, Set<String> duplicated,
            Map<String, List<String>> tags) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return "not JSON";
        }
        if (!node.isObject()) {
            return "not a JSON object";
        }
        if (node.has("__parentId")) {
            return null;
        }
        String sku = node.path("sku").isTextual() ? node.path("sku").asText() : null;
        if (sku == null || sku.isEmpty()) {
            return null;
        }
        JsonNode product = node.path("product");
        JsonNode item = node.path("inventoryItem");
        if (!node.path("id").isTextual() || !product.path("id").isTextual() || !item.path("id").isTextual()) {
            return "variant of sku " + truncate(sku) + " without its ids";
        }
        VariantRecord record = VariantRecord.of(sku, node);
        if (unique.putIfAbsent(sku, record) != null) {
            duplicated.add(sku);
        }
        if (product.path("tags").isArray()) {
            List<String> productTags = new ArrayList<>();
            product.path("tags").forEach(t -> productTags.add(t.asText()));
            tags.put(product.path("id").asText(), productTags);
        }
        return null;
    }

    private static String literal(String text) {
        try {
            // A JSON string is a valid GraphQL string literal (same escapes).
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    private static String truncate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
