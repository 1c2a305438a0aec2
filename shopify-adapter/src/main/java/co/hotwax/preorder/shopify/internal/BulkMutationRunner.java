package co.hotwax.preorder.shopify.internal;

import static co.hotwax.preorder.shopify.internal.BulkOperationCalls.literal;

import co.hotwax.preorder.spi.Sleeper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one mutation over many sets of variables with a bulk mutation operation: the mutations it runs are not
 * charged to the shop's cost bucket, only the few requests around them (about 30 points for any number of lines).
 *
 * <p>What it relies on (Shopify Admin API 2026-04; shopify.dev/docs/api/usage/bulk-operations/imports): any
 * mutation may run in bulk since December 2025 (shopify.dev/changelog/faster-bulk-operations);
 * {@code stagedUploadsCreate} with resource {@code BULK_MUTATION_VARIABLES} and {@code httpMethod: POST} gives an
 * upload URL and form parameters, the file is POSTed there as {@code multipart/form-data} with every parameter
 * before the file, and the {@code key} parameter is the {@code stagedUploadPath}; {@code bulkOperationRunMutation}
 * starts the operation or answers userErrors ({@code OPERATION_IN_PROGRESS} and {@code LIMIT_REACHED} when the
 * shop's limit is reached: one bulk mutation at a time in the 2026-04 schema's words, up to five from 2026-01 in
 * the guide's); it is polled with {@code bulkOperation(id:)}; on COMPLETED {@code url} is JSONL with one result per
 * input line, {@code data} as a normal response would have it and {@code __lineNumber} counting from 0; a FAILED
 * operation may have {@code partialDataUrl} with the lines that ran. Upload and result URLs are pre-signed: neither
 * is sent the access token.
 *
 * <p>Unverified, so handled either way: whether Shopify injects its own idempotency key into a mutation that
 * requires {@code @idempotent} (Shopify's CLI treats {@code idempotencyKey} as an executor-injected variable); the
 * caller sends one per line as a variable. Lines without a result (a failed operation, a line missing from the
 * file) are returned as not run: the caller does them another way.
 */
public final class BulkMutationRunner {
    /** First wait between polls; doubles up to {@link #MAX_POLL_INTERVAL}. */
    static final Duration FIRST_POLL_INTERVAL = Duration.ofSeconds(1);
    /** Longest wait between polls. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(30);
    /**
     * Longest wait for one operation before it is canceled and its lines done another way: the publish waiting is
     * the engine's only publishing thread, so a bulk mutation queued behind other work in the shop must not hold
     * every other SKU's changes for long.
     */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);
    /**
     * Longest wait, after a cancel, for the operation to be final: it may apply lines until then, so its lines are
     * handed back only once it is (or, past this bound, with a warning that some may still land).
     */
    static final Duration MAX_SETTLE = Duration.ofMinutes(2);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkMutationRunner.class);
    /** Longest result line accepted. */
    static final int MAX_LINE = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAGE = "stagedUploadsCreate";
    private static final String RUN = "bulkOperationRunMutation";
    private static final String BOUNDARY = "----preorder-sync-bulk-variables";

    private final ShopifyClient client;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration requestTimeout;

    /**
     * Creates the runner.
     *
     * @param client the GraphQL client (pacing, retries)
     * @param http the HTTP client for the upload and the result file
     * @param clock the clock that bounds the wait
     * @param sleeper the sleeper between polls
     * @param requestTimeout the timeout of the upload and the download
     */
    public BulkMutationRunner(ShopifyClient client, HttpClient http, Clock clock, Sleeper sleeper, Duration requestTimeout) {
        this.client = client;
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.requestTimeout = requestTimeout;
    }

    /**
     * What a run gave.
     *
     * @param lines line number to that line's result ({@code data}, maybe {@code errors}) as a response; a line
     *              absent did not run or its result is unknown
     * @param reason empty when the operation completed, else why lines may be missing
     */
    public record Result(Map<Integer, GraphQlResponse> lines, String reason) {
        /** Copies the map. */
        public Result {
            lines = Map.copyOf(lines);
        }

        static Result none(String reason) {
            return new Result(Map.of(), reason);
        }
    }

    /**
     * Runs {@code mutation} once per variable set and waits for the results.
     *
     * @param mutation the mutation document, its variables named as in the sets
     * @param variables one set of variables per line
     * @return the results per line
     * @throws InterruptedException when interrupted while waiting
     */
    public Result run(String mutation, List<Map<String, Object>> variables) throws InterruptedException {
        try {
            return stageAndRun(mutation, variables);
        } catch (CallFailedException e) {
            return Result.none("bulk mutation call failed (" + e.kind() + "): " + e.getMessage());
        }
    }

    private Result stageAndRun(String mutation, List<Map<String, Object>> variables) throws InterruptedException {
        byte[] file = jsonl(variables);
        JsonNode staged = client.answered(client.execute(STAGE, stageDocument(file.length), 12), STAGE, STAGE);
        JsonNode target = staged.path("stagedTargets").path(0);
        String key = null;
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (JsonNode p : target.path("parameters")) {
            parameters.put(p.path("name").asText(), p.path("value").asText());
            if (p.path("name").asText().equals("key")) {
                key = p.path("value").asText();
            }
        }
        if (key == null || !target.path("url").isTextual()) {
            return Result.none("staged upload answered no target: " + client.scrub(truncate(staged.toString())));
        }
        String uploaded = upload(target.path("url").asText(), parameters, file);
        if (uploaded != null) {
            return Result.none(uploaded);
        }
        JsonNode started = client.answered(client.execute(RUN, runDocument(mutation, key), 12), RUN, RUN);
        JsonNode errors = started.path("userErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            return Result.none("bulk mutation refused (" + errors.get(0).path("code").asText("") + "): "
                    + client.scrub(truncate(errors.get(0).path("message").asText(""))));
        }
        String id = started.path("bulkOperation").path("id").asText(null);
        if (id == null || !id.startsWith("gid://shopify/BulkOperation/")) {
            return Result.none("bulk mutation started without an operation id");
        }
        return await(id);
    }

    private Result await(String id) throws InterruptedException {
        BulkOperationPoller poller = new BulkOperationPoller(client, clock, "bulk mutation", id, clock.instant(),
                FIRST_POLL_INTERVAL, MAX_POLL_INTERVAL, MAX_WAIT, false);
        BulkOperationPoller.State state = poller.await(sleeper);
        if (state instanceof BulkOperationPoller.TimedOut t) {
            // Lines still run while it is CANCELING: handing them back before it is final would let one land after
            // the caller's own write of the same object (a delisting overwritten by a late listing line).
            BulkOperationPoller.State settled = poller.settle(sleeper, MAX_SETTLE);
            if (settled instanceof BulkOperationPoller.Ended ended) {
                return ended(id, ended, t.reason());
            }
            LOG.warn("shop {}: bulk mutation {} still {} {} after it was canceled; lines of it may still be applied",
                    client.shop(), id, ((BulkOperationPoller.Pending) settled).status(), MAX_SETTLE);
            return Result.none(t.reason() + "; still not final after " + MAX_SETTLE);
        }
        return ended(id, (BulkOperationPoller.Ended) state, "");
    }

    /** The lines a final operation reports: its result file, or its partial data; {@code why} explains a cancel. */
    private Result ended(String id, BulkOperationPoller.Ended ended, String why) throws InterruptedException {
        JsonNode op = ended.operation();
        return switch (ended.status()) {
            case "COMPLETED" -> op.path("url").isTextual() ? read(id, op.path("url").asText(), why)
                    : Result.none("bulk mutation " + id + " completed without a result file");
            case "CANCELED" -> op.path("partialDataUrl").isTextual()
                    ? read(id, op.path("partialDataUrl").asText(), why.isEmpty() ? "bulk mutation " + id + " was canceled"
                    : why)
                    : Result.none(why.isEmpty() ? "bulk mutation " + id + " ended CANCELED" : why);
            case "FAILED" -> {
                String failed = "bulk mutation " + id + " failed: " + client.scrub(truncate(op.path("errorCode")
                        .asText("no code")));
                yield op.path("partialDataUrl").isTextual() ? read(id, op.path("partialDataUrl").asText(), failed)
                        : Result.none(failed);
            }
            default -> Result.none("bulk mutation " + id + " ended " + client.scrub(truncate(ended.status())));
        };
    }

    private static byte[] jsonl(List<Map<String, Object>> variables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map<String, Object> line : variables) {
            try {
                out.writeBytes(JSON.writeValueAsBytes(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("variables are plain JSON", e);
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** POSTs the file as Shopify's guide does: every parameter as a form field, then the file. */
    private String upload(String url, Map<String, String> parameters, byte[] file) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "staged upload gave an unreadable url";
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            return "staged upload gave a url that is not http(s)";
        }
        // JSON lines never hold CRLF, so this fixed boundary can never occur inside the file.
        String boundary = BOUNDARY;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        parameters.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"variables.jsonl\""
                + "\r\nContent-Type: text/jsonl\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(requestTimeout)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "staged upload answered HTTP " + response.statusCode();
        } catch (IOException e) {
            return "staged upload failed: " + e.getClass().getSimpleName();
        }
    }

    private Result read(String id, String url, String reason) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Result.none("bulk mutation " + id + " gave an unreadable url");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            return Result.none("bulk mutation " + id + " gave a url that is not http(s)");
        }
        Map<Integer, GraphQlResponse> lines = new HashMap<>();
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Result.none("bulk mutation result of " + id + " answered HTTP " + response.statusCode());
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                StringBuilder line = new StringBuilder();
                int c;
                do {
                    c = in.read();
                    if (c != '\n' && c != -1) {
                        if (line.length() >= MAX_LINE) {
                            return new Result(lines, "bulk mutation result of " + id + " has a line longer than "
                                    + MAX_LINE + " characters");
                        }
                        line.append((char) c);
                        continue;
                    }
                    accept(line.toString(), lines);
                    line.setLength(0);
                } while (c != -1);
            }
        } catch (IOException e) {
            return new Result(lines, "bulk mutation result of " + id + " broke off: " + e.getClass().getSimpleName());
        }
        return new Result(lines, reason);
    }

    /** Keeps a line that is an object with a {@code __lineNumber}; anything else is not a result of ours. */
    private static void accept(String text, Map<Integer, GraphQlResponse> lines) {
        if (text.isBlank()) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return;
        }
        JsonNode number = node.path("__lineNumber");
        if (!node.isObject() || !number.canConvertToInt() || !number.isIntegralNumber() || number.asInt() < 0) {
            return;
        }
        List<GraphQlError> errors = new ArrayList<>();
        node.path("errors").forEach(e -> errors.add(GraphQlTransport.error(e)));
        lines.put(number.asInt(), new GraphQlResponse(200, node.path("data"), errors, null, null, false));
    }

    static String stageDocument(long size) {
        return "mutation StageBulkVariables { " + STAGE + "(input: [{resource: BULK_MUTATION_VARIABLES, filename: "
                + "\"variables.jsonl\", mimeType: \"text/jsonl\", httpMethod: POST, fileSize: \"" + size + "\"}]) "
                + "{ stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }";
    }

    static String runDocument(String mutation, String stagedUploadPath) {
        return "mutation RunBulkMutation { " + RUN + "(mutation: " + literal(mutation) + ", stagedUploadPath: "
                + literal(stagedUploadPath) + ") { bulkOperation { id status } userErrors { code field message } } }";
    }

    private static String truncate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
