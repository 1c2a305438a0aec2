package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.StubShopify.Answer;
import co.hotwax.preorder.testkit.VirtualClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk mutation round trip against a scripted endpoint: stage, upload without the token, run, poll, read the
 * result lines by {@code __lineNumber}; refusals, failures and hostile answers give reasons, never exceptions.
 */
class BulkMutationRunnerTest {
    private static final String TOKEN = "shpat_bulk-runner-secret";
    private static final String COST = "," + StubShopify.cost(10, 10.0, 1990);

    private StubShopify stub;
    private VirtualClock time;
    private BulkMutationRunner runner;

    @BeforeEach
    void start() throws Exception {
        stub = new StubShopify();
        time = new VirtualClock();
        HttpClient http = HttpClient.newHttpClient();
        GraphQlTransport transport = new GraphQlTransport(http, stub.endpoint(), () -> TOKEN, Duration.ofSeconds(5),
                new ObjectMapper(), "preorder-sync/test");
        ShopifyClient client = new ShopifyClient("test.myshopify.com", transport,
                new CostPacer(time, time, 2000, 100, Duration.ofSeconds(60)), time, null,
                ShopifyClient.retryConfig(1, new RetryIntervals(new SplittableRandom(7))), new AccessTokens(() -> TOKEN),
                Duration.ofSeconds(60));
        runner = new BulkMutationRunner(client, http, time, time, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private StubShopify staged() {
        return stub.then(Answer.ok("{\"data\":{\"stagedUploadsCreate\":{\"stagedTargets\":[{\"url\":\"" + stub.base()
                + "/upload\",\"parameters\":[{\"name\":\"key\",\"value\":\"tmp/7/bulk/v.jsonl\"},{\"name\":\"policy\","
                + "\"value\":\"signed\"}]}],\"userErrors\":[]}}" + COST + "}"))
                .then(new Answer(201, "", Map.of(), 0));
    }

    private static String started() {
        return "{\"data\":{\"bulkOperationRunMutation\":{\"bulkOperation\":{\"id\":\"gid://shopify/BulkOperation/9\","
                + "\"status\":\"CREATED\"},\"userErrors\":[]}}" + COST + "}";
    }

    private static String status(String status, String extra) {
        return "{\"data\":{\"bulkOperation\":{\"id\":\"gid://shopify/BulkOperation/9\",\"status\":\"" + status + "\""
                + extra + "}}" + COST + "}";
    }

    private static List<Map<String, Object>> twoLines() {
        return List.of(Map.of("item", "gid://shopify/InventoryItem/1"), Map.of("item", "gid://shopify/InventoryItem/2"));
    }

    @Test
    void stagesUploadsWithoutTheTokenRunsAndReadsTheLinesByNumber() throws Exception {
        staged().then(Answer.ok(started()))
                .then(Answer.ok(status("RUNNING", ",\"objectCount\":\"1\"")))
                .then(Answer.ok(status("COMPLETED", ",\"url\":\"" + stub.base() + "/results.jsonl\"")))
                .then(Answer.ok("{\"data\":{\"inventoryActivate\":{\"userErrors\":[]}},\"__lineNumber\":1}\n"
                        + "not json\n{\"__lineNumber\":\"x\"}\n[1]\n"
                        + "{\"data\":{\"inventoryActivate\":{\"userErrors\":[]}},\"__lineNumber\":0}\n"));

        BulkMutationRunner.Result result = runner.run("mutation M($item: ID!) { x }", twoLines());

        assertThat(result.reason()).isEmpty();
        assertThat(result.lines()).containsOnlyKeys(0, 1);
        assertThat(result.lines().get(1).data().path("inventoryActivate").isObject()).isTrue();
        List<StubShopify.Received> received = stub.received();
        StubShopify.Received upload = received.get(1);
        assertThat(upload.token()).as("a pre-signed URL never gets the token").isNull();
        assertThat(upload.body()).contains("name=\"key\"").contains("tmp/7/bulk/v.jsonl").contains("signed")
                .contains("{\"item\":\"gid://shopify/InventoryItem/2\"}");
        assertThat(upload.body().indexOf("name=\"policy\"")).isLessThan(upload.body().indexOf("name=\"file\""));
        assertThat(received.get(2).body()).contains("bulkOperationRunMutation").contains("tmp/7/bulk/v.jsonl");
        assertThat(received.get(5).token()).isNull();
        assertThat(time.sleeps()).as("polled with back-off").containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRefusedRunIsAReasonNotAnException() throws Exception {
        // OPERATION_IN_PROGRESS: one of each type before 2026-01; LIMIT_REACHED: five from 2026-01.
        for (String code : new String[] {"OPERATION_IN_PROGRESS", "LIMIT_REACHED"}) {
            int before = stub.received().size();
            staged().then(Answer.ok("{\"data\":{\"bulkOperationRunMutation\":{\"bulkOperation\":null,\"userErrors\":[{"
                    + "\"code\":\"" + code + "\",\"field\":null,\"message\":\"busy\"}]}}" + COST + "}"));

            BulkMutationRunner.Result result = runner.run("mutation M { x }", twoLines());

            assertThat(result.lines()).isEmpty();
            assertThat(result.reason()).contains(code);
            assertThat(stub.received()).hasSize(before + 3);
        }
    }

    @Test
    void aFailedOperationGivesItsPartialLinesOrNone() throws Exception {
        staged().then(Answer.ok(started()))
                .then(Answer.ok(status("FAILED", ",\"errorCode\":\"INTERNAL_SERVER_ERROR\",\"partialDataUrl\":\""
                        + stub.base() + "/partial.jsonl\"")))
                .then(Answer.ok("{\"data\":{\"inventoryActivate\":{\"userErrors\":[]}},\"__lineNumber\":0}\n"));
        BulkMutationRunner.Result partial = runner.run("mutation M { x }", twoLines());
        assertThat(partial.lines()).containsOnlyKeys(0);
        assertThat(partial.reason()).contains("INTERNAL_SERVER_ERROR");

        staged().then(Answer.ok(started())).then(Answer.ok(status("FAILED", ",\"errorCode\":\"TIMEOUT\"")));
        BulkMutationRunner.Result none = runner.run("mutation M { x }", twoLines());
        assertThat(none.lines()).isEmpty();
        assertThat(none.reason()).contains("TIMEOUT");
    }

    @Test
    void aResultUrlThatIsNotHttpIsNeverFetched() throws Exception {
        staged().then(Answer.ok(started())).then(Answer.ok(status("COMPLETED", ",\"url\":\"file:///etc/passwd\"")));

        BulkMutationRunner.Result result = runner.run("mutation M { x }", twoLines());

        assertThat(result.lines()).isEmpty();
        assertThat(result.reason()).contains("not http(s)");
    }

    /** Polls at 1, 3, 7, 15, 31, 61, 91 and 121 s: the eighth is past the longest wait. */
    private static final int POLLS_TO_TIMEOUT = 8;

    private static long requests(StubShopify stub, String field) {
        return stub.received().stream().filter(r -> r.body().contains(field)).count();
    }

    @Test
    void anOperationStillRunningAfterTheLongestWaitIsCanceledAndHandedBackOnlyOnceCanceled() throws Exception {
        staged().then(Answer.ok(started()));
        for (int i = 0; i < POLLS_TO_TIMEOUT; i++) {
            stub.then(Answer.ok(status("RUNNING", ",\"objectCount\":\"1\"")));
        }
        stub.then(Answer.ok("{\"data\":{\"bulkOperationCancel\":{\"bulkOperation\":{\"id\":\"gid://shopify/BulkOperation/9\","
                + "\"status\":\"CANCELING\"},\"userErrors\":[]}}" + COST + "}"));
        stub.then(Answer.ok(status("CANCELING", ",\"objectCount\":\"2\""))).then(Answer.ok(status("CANCELED",
                ",\"objectCount\":\"2\"")));

        BulkMutationRunner.Result result = runner.run("mutation M { x }", twoLines());

        assertThat(result.lines()).isEmpty();
        assertThat(result.reason()).contains("still RUNNING").contains("canceled");
        assertThat(requests(stub, "bulkOperationCancel")).isEqualTo(1);
        assertThat(stub.received().get(stub.received().size() - 1).body()).as("the last poll saw it CANCELED")
                .contains("BulkOperationStatus");
        assertThat(requests(stub, "BulkOperationStatus")).isEqualTo(POLLS_TO_TIMEOUT + 2);
        assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
                .isBetween(BulkMutationRunner.MAX_WAIT, BulkMutationRunner.MAX_WAIT.plus(BulkMutationRunner.MAX_POLL_INTERVAL)
                        .plus(BulkMutationRunner.FIRST_POLL_INTERVAL.multipliedBy(3)));
    }

    @Test
    void aCanceledOperationThatNeverEndsIsHandedBackAfterTheBoundedSettleWithAReason() throws Exception {
        staged().then(Answer.ok(started()));
        for (int i = 0; i < 40; i++) {
            // The answer after the timeout is the cancel's; the rest say CANCELING for ever.
            stub.then(Answer.ok(status(i < POLLS_TO_TIMEOUT ? "RUNNING" : "CANCELING",
                    ",\"objectCount\":\"1\"")));
        }

        BulkMutationRunner.Result result = runner.run("mutation M { x }", twoLines());

        assertThat(result.lines()).isEmpty();
        assertThat(result.reason()).contains("canceled").contains("still not final after "
                + BulkMutationRunner.MAX_SETTLE);
        assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isBetween(
                BulkMutationRunner.MAX_WAIT.plus(BulkMutationRunner.MAX_SETTLE), BulkMutationRunner.MAX_WAIT
                        .plus(BulkMutationRunner.MAX_SETTLE).plus(BulkMutationRunner.MAX_POLL_INTERVAL.multipliedBy(2)));
    }
}
