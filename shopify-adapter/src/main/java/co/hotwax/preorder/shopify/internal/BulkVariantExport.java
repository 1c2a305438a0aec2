package co.hotwax.preorder.shopify.internal;

import static co.hotwax.preorder.shopify.internal.BulkOperationCalls.literal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exports every variant of the shop with one bulk query, which costs a few points instead of 2-3 per SKU for the
 * resolution and 3-6 more for the reads: id, SKU, policy, the pre-order metafield, the product's id, tags and
 * {@code requiresSellingPlan}, the inventory item's id and tracked flag, its levels at every location (location id,
 * {@code available}, {@code committed}, {@code on_hand}: what the read before a compare-and-set, the count of units
 * committed elsewhere and the preflight read per request) and the variant's selling-plan groups with each plan's
 * category and reserve policy (what the preflight's selling-plan check reads).
 *
 * <p>What it relies on (Shopify Admin API 2026-04): {@code bulkOperationRunQuery(query:)} starts the operation; a
 * bulk query "must include at least one connection field and supports up to five connections with a maximum nesting
 * depth of two levels" (schema 2026-04, {@code bulkOperationRunQuery}; shopify.dev/docs/api/usage/bulk-operations/queries):
 * this one has four ({@code productVariants}; {@code inventoryLevels} and {@code sellingPlanGroups} one level down;
 * {@code sellingPlans} two levels down). Nested connections take no page size: the operation reads all of them.
 * Concurrency: the 2026-04 schema's description still says "Apps can run one bulk query operation and one bulk
 * mutation operation at a time per shop", while the guide and the changelog say "In API versions 2026-01 and higher
 * apps can run up to five bulk query operations at a time per shop" (shopify.dev/changelog/faster-bulk-operations);
 * either way a start beyond the limit answers userErrors {@code OPERATION_IN_PROGRESS} or {@code LIMIT_REACHED}
 * (enum {@code BulkOperationUserErrorCode}), and this export then answers {@link Unavailable} at once, without
 * waiting, so the caller reads per request. The operation is polled by {@link BulkOperationPoller}
 * ({@code bulkOperation(id:)}; {@code currentBulkOperation} is deprecated in 2026-04 "Use {@code bulkOperations}
 * with status filter instead"); statuses CREATED, RUNNING, COMPLETED, FAILED (with {@code errorCode} ACCESS_DENIED, INTERNAL_SERVER_ERROR,
 * TIMEOUT), CANCELING, CANCELED, EXPIRED; on COMPLETED {@code url} is JSONL (null when nothing matched), one object
 * per line, the nodes of a nested connection on their own lines with {@code __parentId}, the id of the connection
 * node they belong to, after their parent but not necessarily right after it (shopify.dev/docs/api/usage/bulk-operations/queries,
 * "JSONL file format"; Shopify/shopify-api-ruby#729). The URL is pre-signed: it is fetched without the access
 * token, which therefore never leaves for another host.
 *
 * <p>The file is read as a stream, one line at a time with a cap on the line's length, so memory holds the records
 * kept (one per variant with a SKU, with its few levels and plans), never the file. A child line is attached through
 * its {@code __parentId} to the variant (or, for a level, to the variant's inventory item) or, for a selling plan,
 * to its group; a child of a variant without a SKU is dropped. A FAILED operation's {@code partialDataUrl} is not
 * used: a part of the catalog cannot show that a SKU is unique, and its levels alone would save little. Anything but
 * a completed, readable export answers {@link Unavailable} with the reason, and the caller reads per request instead.
 */
public final class BulkVariantExport {
    /** Longest JSONL line accepted: a variant line is well under 2 KiB; anything longer is not ours. */
    static final int MAX_LINE = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "bulkOperationRunQuery";
    private static final String LIST = "bulkOperations";

    private final ShopifyClient client;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String innerQuery;

    /**
     * Creates the export.
     *
     * @param client the GraphQL client (pacing, retries)
     * @param http the HTTP client that downloads the result file
     * @param requestTimeout the timeout for the download's response headers
     * @param metafieldNamespace the pre-order metafield's namespace
     * @param metafieldKey the pre-order metafield's key
     */
    public BulkVariantExport(ShopifyClient client, HttpClient http, Duration requestTimeout, String metafieldNamespace,
            String metafieldKey) {
        this.client = client;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.innerQuery = "{ productVariants { edges { node { id sku inventoryPolicy metafield(namespace: "
                + literal(metafieldNamespace) + ", key: " + literal(metafieldKey) + ") { value } "
                + "product { id tags requiresSellingPlan } "
                + "inventoryItem { id tracked inventoryLevels { edges { node { id location { id } "
                + "quantities(names: [\"available\", \"committed\", \"on_hand\"]) { name quantity } } } } } "
                + "sellingPlanGroups { edges { node { id name sellingPlans { edges { node { id name category "
                + "inventoryPolicy { reserve } } } } } } } } } } }";
    }

    /** Where an export stands. */
    public sealed interface Export permits Running, Exported, Unavailable {
    }

    /**
     * Started and not finished: poll it again later.
     *
     * @param operationId the bulk operation's gid
     * @param status its status, CREATED, RUNNING or CANCELING
     * @param objectCount objects processed so far, as Shopify counts them
     */
    public record Running(String operationId, String status, long objectCount) implements Export {
    }

    /**
     * The whole catalog was read.
     *
     * @param entries SKU to its only variant, with its levels and selling plans
     * @param duplicated SKUs more than one variant has
     * @param productTags product gid to its tags
     * @param operationId the bulk operation's gid
     */
    public record Exported(Map<String, ExportedCatalog.Entry> entries, Set<String> duplicated,
            Map<String, List<String>> productTags, String operationId) implements Export {

        /** @return SKU to its only variant */
        public Map<String, VariantRecord> unique() {
            Map<String, VariantRecord> unique = new HashMap<>();
            entries.forEach((sku, entry) -> unique.put(sku, entry.variant()));
            return unique;
        }
    }

    /**
     * No usable export; the caller reads per request.
     *
     * @param reason why, for logs and outcomes
     * @param busy whether the shop refused a start because its bulk query limit is reached (try again later)
     */
    public record Unavailable(String reason, boolean busy) implements Export {
        /**
         * An export that failed for another reason than the shop's limit.
         *
         * @param reason why
         */
        public Unavailable(String reason) {
            this(reason, false);
        }
    }

    /**
     * Starts an export and returns at once.
     *
     * @return {@link Running} with the operation's id, or {@link Unavailable} (busy when the shop's limit of bulk
     *         queries is reached: another run of this app, or one left by a crash, still holds it)
     * @throws InterruptedException when interrupted
     */
    public Export start() throws InterruptedException {
        try {
            JsonNode started = client.answered(client.execute(RUN, runDocument(), 10), RUN, RUN);
            JsonNode errors = started.path("userErrors");
            if (errors.isArray() && !errors.isEmpty()) {
                String code = errors.get(0).path("code").asText("");
                String message = client.scrub(errors.get(0).path("message").asText(""));
                boolean busy = code.equals("OPERATION_IN_PROGRESS") || code.equals("LIMIT_REACHED");
                return new Unavailable(busy ? "the shop's bulk query limit is reached (" + code + ": " + message + ")"
                        : "bulk query refused (" + code + "): " + message, busy);
            }
            String id = started.path("bulkOperation").path("id").asText(null);
            if (id == null || !id.startsWith("gid://shopify/BulkOperation/")) {
                return new Unavailable("bulk query started without an operation id");
            }
            return new Running(id, started.path("bulkOperation").path("status").asText("CREATED"), 0);
        } catch (CallFailedException e) {
            return new Unavailable("bulk export call failed (" + e.kind() + "): " + e.getMessage());
        }
    }

    /**
     * One of this app's exports found in the shop, started by an earlier run (a crash, a restart) or another instance
     * with the same configuration.
     *
     * @param operationId the bulk operation's gid
     * @param status CREATED, RUNNING or COMPLETED
     * @param createdAt when it was created: its reads are no older
     */
    public record Found(String operationId, String status, Instant createdAt) {
    }

    /**
     * Looks for an export of this very query created after {@code since} that is still running or completed with a
     * file, so a restart adopts it (polls it, reads its file) instead of starting a second one: listed with
     * {@code bulkOperations(query: "operation_type:query created_at:>'...'")}, newest first ("Returns the app's bulk
     * operations meeting the specified filters. Defaults to sorting by created_at, with newest operations first",
     * shopify.dev/docs/api/admin-graphql/latest/queries/bulkOperations; 2026-01 and later,
     * shopify.dev/changelog/new-queries-for-bulk-operations) and matched by the operation's {@code query} text, which
     * is this export's and no other job's. Another app's operations are never listed (the query returns the
     * calling app's only), so they are never adopted. The status is read here and filtered here, not in the search:
     * a filter on several statuses needs OR across terms, and one page of the newest is enough. An API version
     * without {@code bulkOperations}, or any failure, answers empty: the caller starts an export as before.
     *
     * @param since the oldest creation time worth adopting
     * @return the newest such export, or empty
     * @throws InterruptedException when interrupted
     */
    public Optional<Found> adopt(Instant since) throws InterruptedException {
        JsonNode listed;
        try {
            listed = client.answered(client.execute(LIST, listDocument(since), 1), LIST, LIST);
        } catch (CallFailedException e) {
            return Optional.empty();
        }
        for (JsonNode op : listed.path("nodes")) {
            String status = op.path("status").asText("");
            String id = op.path("id").asText("");
            if (!innerQuery.equals(op.path("query").asText(null)) || !id.startsWith("gid://shopify/BulkOperation/")
                    || !(status.equals("CREATED") || status.equals("RUNNING")
                    || status.equals("COMPLETED") && op.path("url").isTextual())) {
                continue;
            }
            try {
                Instant created = Instant.parse(op.path("createdAt").asText(""));
                return created.isBefore(since) ? Optional.empty() : Optional.of(new Found(id, status, created));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Lists this app's newest bulk queries created after {@code since}. */
    static String listDocument(Instant since) {
        return "query OwnExports { " + LIST + "(first: 10, query: " + literal("operation_type:query created_at:>'"
                + since.truncatedTo(ChronoUnit.SECONDS) + "'") + ") { nodes { id status query createdAt url } } }";
    }

    /**
     * Starts waiting for export {@code id} with the caller's back-off and longest wait.
     *
     * @param clock the clock the back-off and the wait are measured on
     * @param id the operation's gid
     * @param since when it was created
     * @param firstInterval the first wait before a poll
     * @param maxInterval the longest wait between polls
     * @param maxWait the longest it may run before it is canceled
     * @param pollNow whether the first poll is due at once
     * @return the poller
     */
    BulkOperationPoller watch(Clock clock, String id, Instant since, Duration firstInterval, Duration maxInterval,
            Duration maxWait, boolean pollNow) {
        return new BulkOperationPoller(client, clock, "bulk query", id, since, firstInterval, maxInterval, maxWait,
                pollNow);
    }

    /**
     * What an export that reached a final status gave: on COMPLETED its file, read as a stream.
     *
     * @param ended the final status and the operation as polled
     * @return {@link Exported}, or {@link Unavailable} with the reason
     * @throws InterruptedException when interrupted
     */
    Export ended(BulkOperationPoller.Ended ended) throws InterruptedException {
        JsonNode op = ended.operation();
        String id = op.path("id").asText("");
        String status = ended.status();
        return switch (status) {
            case "COMPLETED" -> op.path("url").isTextual() ? read(id, op.path("url").asText())
                    : new Exported(Map.of(), Set.of(), Map.of(), id);
            case "FAILED" -> new Unavailable("bulk query " + id + " failed: " + op.path("errorCode").asText("no code")
                    + (op.path("partialDataUrl").isTextual() ? " (its partial data is not used: a part of the catalog "
                    + "cannot show a SKU is unique)" : ""));
            case "CANCELED", "EXPIRED" -> new Unavailable("bulk query " + id + " was " + status);
            default -> new Unavailable("bulk query " + id + " has an unknown status '" + client.scrub(truncate(status))
                    + "'");
        };
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

    /**
     * Streams the JSONL: one variant per root line; its levels, selling-plan groups and plans on child lines with
     * {@code __parentId}.
     */
    Export parse(String id, Reader in) throws IOException {
        Lines lines = new Lines();
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
                String problem = lines.accept(line.toString());
                if (problem != null) {
                    return new Unavailable("bulk result of " + id + " line " + number + ": " + problem);
                }
            }
            line.setLength(0);
        } while (c != -1);
        return lines.exported(id);
    }

    /** A variant with a SKU while its child lines may still come. */
    private static final class Building {
        final VariantRecord variant;
        final boolean requiresSellingPlan;
        final List<String> tags;
        final List<ExportedCatalog.Level> levels = new ArrayList<>(2);
        final List<ExportedCatalog.Plan> plans = new ArrayList<>(0);

        Building(VariantRecord variant, boolean requiresSellingPlan, List<String> tags) {
            this.variant = variant;
            this.requiresSellingPlan = requiresSellingPlan;
            this.tags = tags;
        }
    }

    /** What the lines read so far hold, and how child lines find their variant. */
    private static final class Lines {
        final Map<String, Building> bySku = new HashMap<>();
        final Set<String> duplicated = new HashSet<>();
        final Map<String, List<String>> tags = new HashMap<>();
        /** Variant and inventory item gids to their variant, for level and group lines. */
        final Map<String, Building> parents = new HashMap<>();
        /** Selling-plan group gid to its variant and name, for plan lines. */
        final Map<String, Map.Entry<Building, String>> groups = new HashMap<>();
        /** One instance per location gid: 100,000 levels at a handful of locations. */
        final Map<String, String> locations = new HashMap<>();

        String accept(String text) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return "not JSON";
            }
            if (!node.isObject()) {
                return "not a JSON object";
            }
            return node.has("__parentId") ? child(node) : variant(node);
        }

        private String variant(JsonNode node) {
            String sku = node.path("sku").isTextual() ? node.path("sku").asText() : null;
            if (sku == null || sku.isEmpty()) {
                return null;
            }
            JsonNode product = node.path("product");
            JsonNode item = node.path("inventoryItem");
            if (!node.path("id").isTextual() || !product.path("id").isTextual() || !item.path("id").isTextual()) {
                return "variant of sku " + truncate(sku) + " without its ids";
            }
            String productId = product.path("id").asText();
            if (product.path("tags").isArray()) {
                List<String> productTags = new ArrayList<>();
                product.path("tags").forEach(t -> productTags.add(t.asText()));
                if (!productTags.equals(tags.get(productId))) {
                    tags.put(productId, List.copyOf(productTags));
                }
            }
            Building building = new Building(VariantRecord.of(sku, node),
                    product.path("requiresSellingPlan").asBoolean(false), tags.getOrDefault(productId, List.of()));
            if (bySku.putIfAbsent(sku, building) != null) {
                duplicated.add(sku);
            }
            parents.put(building.variant.variantId(), building);
            parents.put(building.variant.inventoryItemId(), building);
            return null;
        }

        private String child(JsonNode node) {
            String parent = node.path("__parentId").asText("");
            String id = node.path("id").asText("");
            if (id.startsWith("gid://shopify/SellingPlan/")) {
                Map.Entry<Building, String> group = groups.get(parent);
                if (group != null) {
                    group.getKey().plans.add(new ExportedCatalog.Plan(group.getValue(), node.path("name").asText(""),
                            node.path("category").asText(""), node.path("inventoryPolicy").path("reserve").asText("")));
                }
                return null;
            }
            Building building = parents.get(parent);
            if (building == null) {
                // A child of a variant without a SKU, or of a line this export does not select.
                return null;
            }
            if (id.startsWith("gid://shopify/SellingPlanGroup/")) {
                groups.put(id, Map.entry(building, node.path("name").asText("")));
                return null;
            }
            if (!node.has("location")) {
                return null;
            }
            String location = node.path("location").path("id").asText(null);
            Map<String, Long> values = new HashMap<>();
            for (JsonNode q : node.path("quantities")) {
                JsonNode quantity = q.path("quantity");
                if (quantity.isIntegralNumber() && quantity.canConvertToLong()) {
                    values.put(q.path("name").asText(""), quantity.asLong());
                }
            }
            if (location == null || !values.keySet().containsAll(ShopifyDocuments.QUANTITY_NAMES)) {
                return "level of sku " + truncate(building.variant.sku()) + " without its location or quantities";
            }
            building.levels.add(new ExportedCatalog.Level(locations.computeIfAbsent(location, l -> l),
                    values.get("on_hand"), values.get("available"), values.get("committed")));
            return null;
        }

        Exported exported(String id) {
            Map<String, ExportedCatalog.Entry> entries = new HashMap<>();
            bySku.forEach((sku, b) -> {
                if (!duplicated.contains(sku)) {
                    entries.put(sku, new ExportedCatalog.Entry(b.variant, b.requiresSellingPlan, b.tags, b.levels, b.plans));
                }
            });
            return new Exported(entries, duplicated, tags, id);
        }
    }

    private static String truncate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
