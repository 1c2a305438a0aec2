package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.shopify.internal.StubShopify.Answer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Error mapping and retries over real HTTP against a scripted loopback endpoint, on virtual time. */
class ShopifyClientTest {
    private static final String TOKEN = "shpat_SECRET-token-1234567890";
    private static final String DOC = "mutation { inventorySetQuantities(input: {}) @idempotent(key: \"k-1\") { userErrors { message } } }";

    private StubShopify stub;
    private VirtualClock time;

    @BeforeEach
    void start() throws Exception {
        stub = new StubShopify();
        time = new VirtualClock();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ShopifyClient client(int attempts, Duration timeout) {
        GraphQlTransport transport = new GraphQlTransport(HttpClient.newHttpClient(), stub.endpoint(), () -> TOKEN, timeout,
                new ObjectMapper(), "preorder-sync/test");
        return new ShopifyClient("test.myshopify.com", transport, new CostPacer(time, time, 2000, 100, Duration.ofSeconds(60)),
                time, null, ShopifyClient.retryConfig(attempts, new RetryIntervals(new SplittableRandom(7))),
                new AccessTokens(() -> TOKEN), Duration.ofSeconds(60));
    }

    @Test
    void honoursRetryAfterOn429AndResendsTheSameDocument() throws Exception {
        stub.then(new Answer(429, "{\"errors\":\"Exceeded 2 calls per second\"}", Map.of("Retry-After", "2.0"), 0))
                .then(Answer.ok("{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[]}}," + StubShopify.cost(10, 10.0, 1990) + "}"));

        GraphQlResponse response = client(3, Duration.ofSeconds(5)).execute("inventorySetQuantities", DOC, 10);

        assertThat(response.data().path("inventorySetQuantities").isObject()).isTrue();
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2250));
        assertThat(stub.received()).hasSize(2);
        // Same idempotency key and same input on the retry: Shopify applies the write at most once.
        assertThat(stub.received().get(1).body()).isEqualTo(stub.received().get(0).body()).contains("k-1");
    }

    @Test
    void retries5xxWithBackoffThenGivesUpWithATypedFailure() {
        for (int i = 0; i < 3; i++) {
            stub.then(new Answer(502, "<html>Bad gateway</html>", Map.of(), 0));
        }
        CallFailedException e = catchThrowableOfType(CallFailedException.class,
                () -> client(3, Duration.ofSeconds(5)).execute("readLevels", DOC, 10));

        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.SERVER_ERROR);
        assertThat(stub.received()).hasSize(3);
        assertThat(time.sleeps()).hasSize(2);
        // Equal jitter: attempt 1 waits 250..500 ms, attempt 2 waits 500..1000 ms.
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void throttledWaitsForTheMissingPointsThenSucceeds() throws Exception {
        stub.then(Answer.ok("{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],"
                        + StubShopify.cost(752, null, 452) + "}"))
                .then(Answer.ok("{\"data\":{\"x\":{}}," + StubShopify.cost(752, 700.0, 1300) + "}"));
        ShopifyClient client = client(3, Duration.ofSeconds(5));

        client.execute("productVariants", DOC, 752);

        // (752 - 452) / 100 per second = 3 s, plus at most 250 ms jitter.
        assertThat(time.sleeps()).anySatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(3000), Duration.ofMillis(3250)));
        assertThat(client.throttledResponses()).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetriedAndNeverCarryTheToken() {
        stub.then(new Answer(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}",
                Map.of(), 0));
        CallFailedException e = catchThrowableOfType(CallFailedException.class,
                () -> client(5, Duration.ofSeconds(5)).execute("readLevels", DOC, 10));

        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.CLIENT_ERROR);
        assertThat(stub.received()).hasSize(1);
        assertThat(stub.received().get(0).token()).isEqualTo(TOKEN);
        assertThat(e.getMessage()).contains("401").doesNotContain(TOKEN);
        assertThat(e.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aDroppedConnectionIsRetriedAsANetworkFailure() throws Exception {
        stub.then(new Answer(-1, "", Map.of(), 0))
                .then(Answer.ok("{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[]}}}"));

        GraphQlResponse response = client(3, Duration.ofSeconds(5)).execute("inventorySetQuantities", DOC, 10);

        assertThat(response.data().has("inventorySetQuantities")).isTrue();
        assertThat(stub.received()).hasSize(2);
        assertThat(stub.received().get(1).body()).isEqualTo(stub.received().get(0).body());
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void graphqlErrorsWithoutDataAreRefusals() {
        stub.then(Answer.ok("{\"errors\":[{\"message\":\"Field 'nope' doesn't exist\",\"extensions\":{\"code\":\"undefinedField\"}}]}"));
        CallFailedException e = catchThrowableOfType(CallFailedException.class,
                () -> client(5, Duration.ofSeconds(5)).execute("readLevels", DOC, 10));
        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.GRAPHQL_ERROR);
        assertThat(e.getMessage()).contains("nope");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aTimeoutIsRetriedWithTheSameKey() throws Exception {
        stub.then(new Answer(200, "{\"data\":{}}", Map.of(), 1500))
                .then(Answer.ok("{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[]}}}"));

        GraphQlResponse response = client(3, Duration.ofMillis(300)).execute("inventorySetQuantities", DOC, 10);

        assertThat(response.data().has("inventorySetQuantities")).isTrue();
        assertThat(stub.received()).hasSize(2);
        assertThat(stub.received().get(1).body()).isEqualTo(stub.received().get(0).body());
    }

    @Test
    void unknownUserErrorCodesFromNewerVersionsParse() throws Exception {
        stub.then(Answer.ok("{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":null,\"userErrors\":["
                + "{\"code\":\"IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED\",\"field\":[\"input\",\"quantities\",\"3\",\"quantity\"],"
                + "\"message\":\"retry with a new key\"}]}}}"));

        GraphQlResponse response = client(1, Duration.ofSeconds(5)).execute("inventorySetQuantities", DOC, 10);

        assertThat(UserErrors.of(response.data().path("inventorySetQuantities"))).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED");
            assertThat(e.index()).hasValue(3);
        });
    }
}
