package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk mutations over HTTP: a staged upload on loopback, the mutation run per JSONL line in virtual time with
 * status and object counts moving, results as JSONL, the concurrency limit, refusals and failures.
 */
class BulkMutationOperationsTest {
    static final String STAGE = """
            mutation Stage($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) {
              stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }""";
    static final String RUN = """
            mutation Run($m: String!, $path: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $path) {
              bulkOperation { id status type } userErrors { code field message } } }""";
    static final String POLL = """
            query Poll($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount url partialDataUrl type } }""";
    static final String ACTIVATE = """
            mutation Activate($item: ID!, $location: ID!, $idempotencyKey: String!) {
              inventoryActivate(inventoryItemId: $item, locationId: $location) @idempotent(key: $idempotencyKey) {
                inventoryLevel { id } userErrors { field message } } }""";

    private final VirtualClock clock = new VirtualClock();
    private final SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN).clock(clock)
            .bulkBehaviour(new BulkBehaviour(Duration.ofSeconds(2), 10, 1)));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        f.close();
    }

    /** Stages {@code jsonl} as Shopify's guide does and returns the staged upload path (the key parameter). */
    private String stage(String jsonl) throws IOException, InterruptedException {
        JsonNode target = f.client.post(STAGE, vars("input", List.of(vars("resource", "BULK_MUTATION_VARIABLES",
                "filename", "variables.jsonl", "mimeType", "text/jsonl", "httpMethod", "POST"))))
                .data().path("stagedUploadsCreate").path("stagedTargets").get(0);
        assertThat(upload(target, jsonl, true)).isEqualTo(201);
        for (JsonNode p : target.path("parameters")) {
            if (p.path("name").asText().equals("key")) {
                return p.path("value").asText();
            }
        }
        throw new AssertionError("no key parameter in " + target);
    }

    private int upload(JsonNode target, String jsonl, boolean signed) throws IOException, InterruptedException {
        String boundary = "----sim" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (JsonNode p : target.path("parameters")) {
            if (signed || !p.path("name").asText().equals("policy")) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                        .append(p.path("name").asText()).append("\"\r\n\r\n").append(p.path("value").asText()).append("\r\n");
            }
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.jsonl\"")
                .append("\r\nContent-Type: text/jsonl\r\n\r\n").append(jsonl).append("\r\n--").append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create(target.path("url").asText()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String activations(Variant... variants) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < variants.length; i++) {
            jsonl.append("{\"item\":\"").append(variants[i].inventoryItemId()).append("\",\"location\":\"")
                    .append(f.store.id()).append("\",\"idempotencyKey\":\"k-").append(i).append("\"}\n");
        }
        return jsonl.toString();
    }

    private JsonNode run(String path) {
        return f.client.post(RUN, vars("m", ACTIVATE, "path", path)).data().path("bulkOperationRunMutation");
    }

    private JsonNode poll(String id) {
        return f.client.post(POLL, vars("id", id)).data().path("bulkOperation");
    }

    private boolean stockedAtStore(Variant v) {
        try {
            f.sim.quantity(v.inventoryItemId(), f.store.id(), "available");
            return true;
        } catch (IllegalArgumentException notStocked) {
            return false;
        }
    }

    @Test
    void runsTheMutationPerLineInVirtualTimeAndServesTheResultsAsJsonl() throws Exception {
        Variant third = f.sim.addVariant(f.product.id(), "JKT-3", true, InventoryPolicy.DENY);
        String path = stage(activations(f.deny, f.cont, third));
        long charged = f.sim.pointsCharged();

        JsonNode created = run(path);
        assertThat(created.path("userErrors")).isEmpty();
        String id = created.path("bulkOperation").path("id").asText();
        assertThat(created.path("bulkOperation").path("status").asText()).isEqualTo("CREATED");
        assertThat(created.path("bulkOperation").path("type").asText()).isEqualTo("MUTATION");
        assertThat(stockedAtStore(f.deny)).isFalse();

        clock.advance(Duration.ofMillis(2_150));
        JsonNode running = poll(id);
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("objectCount").asLong()).isEqualTo(1);
        assertThat(stockedAtStore(f.deny)).as("the first line ran").isTrue();
        assertThat(stockedAtStore(third)).as("the third has not yet").isFalse();

        clock.advance(Duration.ofSeconds(1));
        JsonNode done = poll(id);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("objectCount").asLong()).isEqualTo(3);
        List<JsonNode> lines = f.client.jsonl(done.path("url").asText());
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.path("__lineNumber").asInt()).containsExactly(0, 1, 2);
        assertThat(lines.get(2).at("/data/inventoryActivate/inventoryLevel/id").asText()).isNotEmpty();
        assertThat(stockedAtStore(third)).isTrue();
        // The run, the polls and the stage are charged; the three inventoryActivate executions are not.
        assertThat(f.sim.pointsCharged() - charged).isLessThan(3 * 10 + 10);
        assertThat(f.sim.bulk().mutationsCreated()).isEqualTo(1);
    }

    @Test
    void aLineThatFailsReportsItsUserErrorsAndTheOthersRun() throws Exception {
        String jsonl = activations(f.deny) + "{\"item\":\"gid://shopify/InventoryItem/404\",\"location\":\""
                + f.store.id() + "\",\"idempotencyKey\":\"k-404\"}\n" + activations(f.cont).replace("k-0", "k-9");
        String id = run(stage(jsonl)).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofSeconds(10));

        List<JsonNode> lines = f.client.jsonl(poll(id).path("url").asText());
        assertThat(lines.get(1).at("/data/inventoryActivate/userErrors/0/message").asText()).isNotEmpty();
        assertThat(lines.get(0).at("/data/inventoryActivate/userErrors")).isEmpty();
        assertThat(stockedAtStore(f.cont)).isTrue();
    }

    @Test
    void oneBulkMutationAtATimeAndRefusalsForBadInput() throws Exception {
        String path = stage(activations(f.deny));
        assertThat(run(path).path("userErrors")).isEmpty();

        JsonNode busy = run(stage(activations(f.cont)));
        assertThat(busy.at("/userErrors/0/code").asText()).isEqualTo("OPERATION_IN_PROGRESS");
        assertThat(busy.path("bulkOperation").isNull()).isTrue();

        clock.advance(Duration.ofSeconds(10));
        assertThat(run("tmp/never/uploaded.jsonl").at("/userErrors/0/code").asText()).isEqualTo("NO_SUCH_FILE");
        assertThat(run(stage("not json\n")).at("/userErrors/0/code").asText()).isEqualTo("INVALID_STAGED_UPLOAD_FILE");
        assertThat(f.client.post(RUN, vars("m", "query { shop { id } }", "path", path)).data()
                .at("/bulkOperationRunMutation/userErrors/0/code").asText()).isEqualTo("INVALID_MUTATION");
        assertThat(f.sim.bulk().mutationsCreated()).isEqualTo(1);
    }

    @Test
    void aCanceledOperationGoesOnRunningLinesWhileCanceling() throws Exception {
        Variant[] fifty = new Variant[50];
        java.util.Arrays.fill(fifty, f.deny);
        String id = run(stage(activations(fifty))).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofMillis(2_500));
        assertThat(poll(id).path("objectCount").asInt()).isEqualTo(5);
        JsonNode cancel = f.client.post(BulkQueryOperationsTest.CANCEL, vars("id", id)).data().path("bulkOperationCancel");
        assertThat(cancel.at("/bulkOperation/status").asText()).isEqualTo("CANCELING");

        clock.advance(Duration.ofSeconds(1));
        JsonNode canceling = poll(id);
        assertThat(canceling.path("status").asText()).isEqualTo("CANCELING");
        assertThat(canceling.path("objectCount").asInt()).as("lines still run while canceling").isEqualTo(15);

        clock.advance(Duration.ofSeconds(1));
        assertThat(poll(id).path("status").asText()).isEqualTo("CANCELED");
        clock.advance(Duration.ofMinutes(1));
        JsonNode canceled = poll(id);
        assertThat(canceled.path("objectCount").asInt()).as("none once canceled").isEqualTo(25);
        assertThat(canceled.path("url").isNull()).isTrue();
    }

    @Test
    void anUploadWithoutTheIssuedPolicyIsRefused() throws Exception {
        JsonNode target = f.client.post(STAGE, vars("input", List.of(vars("resource", "BULK_MUTATION_VARIABLES",
                "filename", "v.jsonl", "mimeType", "text/jsonl", "httpMethod", "POST"))))
                .data().path("stagedUploadsCreate").path("stagedTargets").get(0);

        assertThat(upload(target, activations(f.deny), false)).isEqualTo(403);
    }

    @Test
    void aFailedOperationRanHalfItsLinesAndServesThemAsPartialData() throws Exception {
        Variant third = f.sim.addVariant(f.product.id(), "JKT-3", true, InventoryPolicy.DENY);
        Variant fourth = f.sim.addVariant(f.product.id(), "JKT-4", true, InventoryPolicy.DENY);
        f.sim.bulk().failNextMutation(BulkOutcome.FAILED_WITH_PARTIAL_DATA);
        String id = run(stage(activations(f.deny, f.cont, third, fourth))).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofSeconds(10));

        JsonNode failed = poll(id);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("errorCode").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(failed.path("url").isNull()).isTrue();
        assertThat(f.client.jsonl(failed.path("partialDataUrl").asText())).hasSize(2);
        assertThat(stockedAtStore(f.cont)).isTrue();
        assertThat(stockedAtStore(third)).isFalse();

        f.sim.bulk().failNextMutation(BulkOutcome.FAILED_TIMEOUT);
        String timedOut = run(stage(activations(third))).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofSeconds(10));
        assertThat(poll(timedOut).path("errorCode").asText()).isEqualTo("TIMEOUT");
        assertThat(poll(timedOut).path("partialDataUrl").isNull()).isTrue();
    }
}
