package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.testkit.VirtualClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Answers no well-behaved server sends, over real HTTP on loopback: each ends in a typed failure in bounded time
 * (on the virtual clock for the waits the server asks for, on the wall clock for the exchange deadline).
 */
class HostileAnswersTest {
    private static final String TOKEN = "shpat_hostile-0123456789abcdef";
    private static final String DOC = "query { shop { id } }";
    private static final Duration CAP = Duration.ofSeconds(60);
    private static final Pattern ITEM_ID = Pattern.compile("gid://shopify/InventoryItem/\\d+");

    private final VirtualClock time = new VirtualClock();
    private HostileServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ShopifyClient client(HostileServer.Responder responder, int attempts, Duration timeout, double bucket) throws Exception {
        server = new HostileServer(responder);
        GraphQlTransport transport = new GraphQlTransport(HttpClient.newHttpClient(), server.endpoint(), () -> TOKEN, timeout,
                new ObjectMapper(), SdkVersion.userAgent());
        return new ShopifyClient("hostile.myshopify.com", transport, new CostPacer(time, time, bucket, 100, CAP), time, null,
                ShopifyClient.retryConfig(attempts, new RetryIntervals(new SplittableRandom(3))), new AccessTokens(() -> TOKEN), CAP);
    }

    private static String cost(double requested, double available, double restoreRate) {
        return "\"extensions\":{\"cost\":{\"requestedQueryCost\":" + requested + ",\"actualQueryCost\":null,"
                + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":" + available
                + ",\"restoreRate\":" + restoreRate + "}}}";
    }

    @Test
    void retryAfterAndThrottleWaitsAreCappedAndNeverOverflowToZero() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ShopifyClient client = client((exchange, body) -> {
            switch (n.getAndIncrement()) {
                case 0 -> {
                    exchange.getResponseHeaders().add("Retry-After", "999999999");
                    HostileServer.json(exchange, 429, "{\"errors\":\"Exceeded\"}");
                }
                case 1 -> {
                    exchange.getResponseHeaders().add("Retry-After", "1e20");
                    HostileServer.json(exchange, 503, "{\"errors\":\"down\"}");
                }
                case 2 -> HostileServer.json(exchange, 200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":"
                        + "{\"code\":\"THROTTLED\"}}]," + cost(500, 0, 1e-6) + "}");
                default -> HostileServer.json(exchange, 200, "{\"data\":{\"shop\":{\"id\":\"1\"}}}");
            }
        }, 6, Duration.ofSeconds(5), 2000);

        client.execute("shop", DOC, 500);

        assertThat(time.sleeps()).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(CAP));
        // 1e20 seconds is a wait, not an overflow to zero: it is cut to the cap.
        assertThat(time.sleeps().get(1)).isEqualTo(CAP);
        // The pacer believed restoreRate 1e-6 and an empty bucket: its wait is capped too.
        assertThat(time.slept()).isLessThanOrEqualTo(CAP.multipliedBy(5));
    }

    @Test
    void aDrippingBodyEndsInATimeoutWithinTheRequestDeadline() throws Exception {
        ShopifyClient client = client((exchange, body) -> {
            exchange.sendResponseHeaders(200, 10_000);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 10_000; i++) {
                out.write('{');
                out.flush();
                Thread.sleep(500);
            }
        }, 2, Duration.ofMillis(800), 2000);

        CallFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> catchThrowableOfType(CallFailedException.class, () -> client.execute("shop", DOC, 1)));

        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.TIMEOUT);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aBodyThatStopsAfterItsHeadersEndsInATimeout() throws Exception {
        ShopifyClient client = client((exchange, body) -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().flush();
            Thread.sleep(60_000);
        }, 1, Duration.ofMillis(500), 2000);

        CallFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> catchThrowableOfType(CallFailedException.class, () -> client.execute("shop", DOC, 1)));

        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.TIMEOUT);
    }

    @Test
    void aFiftyMegabyteBodyIsCutOffAsANetworkFailure() throws Exception {
        byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        ShopifyClient client = client((exchange, body) -> {
            exchange.sendResponseHeaders(200, 50L * chunk.length);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }, 1, Duration.ofSeconds(20), 2000);

        CallFailedException e = catchThrowableOfType(CallFailedException.class, () -> client.execute("shop", DOC, 1));

        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.NETWORK);
        assertThat(e.getMessage()).contains("larger than");
    }

    @Test
    void htmlAndTruncatedJsonAreMalformedAndRetried() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ShopifyClient client = client((exchange, body) -> HostileServer.json(exchange, 200,
                n.getAndIncrement() == 0 ? "<html>maintenance</html>" : "{\"data\":{\"shop\":"), 2, Duration.ofSeconds(5), 2000);

        CallFailedException e = catchThrowableOfType(CallFailedException.class, () -> client.execute("shop", DOC, 1));

        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.MALFORMED);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aRedirectIsReportedWithItsStatus() throws Exception {
        ShopifyClient client = client((exchange, body) -> {
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/admin");
            exchange.sendResponseHeaders(302, -1);
        }, 3, Duration.ofSeconds(5), 2000);

        CallFailedException e = catchThrowableOfType(CallFailedException.class, () -> client.execute("shop", DOC, 1));

        assertThat(e.kind()).isEqualTo(CallFailedException.Kind.CLIENT_ERROR);
        assertThat(e.getMessage()).contains("302").contains("redirected");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void requestsCarryTheSdkUserAgent() throws Exception {
        List<String> agents = new ArrayList<>();
        ShopifyClient client = client((exchange, body) -> {
            agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            HostileServer.json(exchange, 200, "{\"data\":{\"shop\":{\"id\":\"1\"}}}");
        }, 1, Duration.ofSeconds(5), 2000);

        client.execute("shop", DOC, 1);

        assertThat(agents).singleElement().satisfies(a -> assertThat(a).matches("preorder-sync/\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void theTokenEchoedInAnErrorBodyNeverReachesAMessage() throws Exception {
        ShopifyClient client = client((exchange, body) -> HostileServer.json(exchange, 200,
                "{\"errors\":[{\"message\":\"token " + TOKEN + " is not valid here\"}]}"), 1, Duration.ofSeconds(5), 2000);

        CallFailedException e = catchThrowableOfType(CallFailedException.class, () -> client.execute("shop", DOC, 1));

        assertThat(e.getMessage()).contains("is not valid here").doesNotContain(TOKEN);
    }

    @Test
    void pagingStopsOnARepeatedCursorAndAfterTheMaximumPageCount() throws Exception {
        ShopifyClient client = client((exchange, body) -> HostileServer.json(exchange, 200,
                "{\"data\":{\"productVariants\":{\"nodes\":[],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"same\"}}}}"),
                1, Duration.ofSeconds(5), 2000);
        VariantResolver resolver = new VariantResolver(client, new ShopifyDocuments("HC_PREORDER", "preorder"), 100);

        CallFailedException repeated = catchThrowableOfType(CallFailedException.class, () -> resolver.resolve(List.of("A-1")));

        assertThat(repeated.kind()).isEqualTo(CallFailedException.Kind.MALFORMED);
        assertThat(repeated.getMessage()).contains("same cursor");
        assertThat(server.received()).hasSize(2);
        server.close();

        AtomicInteger page = new AtomicInteger();
        ShopifyClient endless = client((exchange, body) -> HostileServer.json(exchange, 200,
                "{\"data\":{\"productVariants\":{\"nodes\":[],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"c"
                        + page.incrementAndGet() + "\"}}}}"), 1, Duration.ofSeconds(5), 2000);
        VariantResolver endlessResolver = new VariantResolver(endless, new ShopifyDocuments("HC_PREORDER", "preorder"), 100);

        CallFailedException tooMany = catchThrowableOfType(CallFailedException.class, () -> endlessResolver.resolve(List.of("A-1")));

        assertThat(tooMany.getMessage()).contains("more pages after " + VariantResolver.MAX_PAGES);
        assertThat(server.received()).hasSize(VariantResolver.MAX_PAGES);
    }

    /** Answers a level read of more than {@code limit} ids with Shopify's single-query cost refusal. */
    private static HostileServer.Responder levelsUpTo(int limit, List<Integer> sizes) {
        return (exchange, body) -> {
            List<String> ids = new ArrayList<>();
            Matcher m = ITEM_ID.matcher(body);
            while (m.find()) {
                ids.add(m.group());
            }
            synchronized (sizes) {
                sizes.add(ids.size());
            }
            if (ids.size() > limit) {
                HostileServer.json(exchange, 200, "{\"errors\":[{\"message\":\"Query cost is " + (ids.size() * 7)
                        + ", which exceeds the single query max cost limit (1000).\",\"extensions\":{\"code\":"
                        + "\"MAX_COST_EXCEEDED\",\"cost\":" + (ids.size() * 7) + ",\"maxCost\":1000}}]}");
                return;
            }
            StringBuilder nodes = new StringBuilder();
            for (String id : ids) {
                nodes.append(nodes.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"tracked\":true,"
                        + "\"inventoryLevel\":{\"quantities\":[{\"name\":\"on_hand\",\"quantity\":1},{\"name\":\"available\","
                        + "\"quantity\":1},{\"name\":\"committed\",\"quantity\":0}]}}");
            }
            HostileServer.json(exchange, 200, "{\"data\":{\"nodes\":[" + nodes + "]}}");
        };
    }

    private static List<String> items(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("gid://shopify/InventoryItem/" + i);
        }
        return ids;
    }

    @Test
    void maxCostExceededSplitsTheBatchAndLaterBatchesAreSizedToFit() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        ShopifyClient client = client(levelsUpTo(140, sizes), 1, Duration.ofSeconds(5), 2000);
        LevelReader reader = new LevelReader(client, new ShopifyDocuments("HC_PREORDER", "preorder"));

        Map<String, LevelQuantities> first = reader.read(items(250), "gid://shopify/Location/1");

        assertThat(first).hasSize(250);
        assertThat(sizes).containsExactly(250, 125, 125);
        sizes.clear();

        Map<String, LevelQuantities> second = reader.read(items(250), "gid://shopify/Location/1");

        assertThat(second).hasSize(250);
        // Learned from the refusal: no request is refused again.
        assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(140));
    }

    @Test
    void aRequestCostlierThanTheBucketIsSplitBeforeItIsSent() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        // A bucket of 100 points: a 250-id read (750 points) could never be admitted.
        ShopifyClient client = client(levelsUpTo(250, sizes), 1, Duration.ofSeconds(5), 100);
        LevelReader reader = new LevelReader(client, new ShopifyDocuments("HC_PREORDER", "preorder"));

        assertThat(reader.read(items(250), "gid://shopify/Location/1")).hasSize(250);
        assertThat(sizes).allSatisfy(size -> assertThat(3.0 * size).isLessThanOrEqualTo(100));
    }

    @Test
    void aSearchPageTooCostlyIsAskedForAgainWithFewerVariants() throws Exception {
        Pattern first = Pattern.compile("first: ?(\\d+)");
        List<Integer> pages = new ArrayList<>();
        ShopifyClient client = client((exchange, body) -> {
            Matcher m = first.matcher(body);
            int size = m.find() ? Integer.parseInt(m.group(1)) : -1;
            pages.add(size);
            HostileServer.json(exchange, 200, size > 50
                    ? "{\"errors\":[{\"message\":\"Query cost is 1203, which exceeds the single query max cost limit (1000).\","
                            + "\"extensions\":{\"code\":\"MAX_COST_EXCEEDED\"}}]}"
                    : "{\"data\":{\"productVariants\":{\"nodes\":[{\"id\":\"gid://shopify/ProductVariant/1\",\"sku\":\"A-1\","
                            + "\"inventoryPolicy\":\"DENY\",\"metafield\":null,\"product\":{\"id\":\"gid://shopify/Product/1\","
                            + "\"tags\":[]},\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/1\",\"tracked\":true}}],"
                            + "\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}}");
        }, 1, Duration.ofSeconds(5), 2000);
        VariantResolver resolver = new VariantResolver(client, new ShopifyDocuments("HC_PREORDER", "preorder"), 100);

        assertThat(resolver.resolve(List.of("A-1")).get("A-1")).isInstanceOf(VariantResolver.Found.class);
        assertThat(pages.get(0)).isEqualTo(100);
        assertThat(pages.get(pages.size() - 1)).isLessThanOrEqualTo(50);
    }

    @Test
    void userErrorPathsThatAreNotIndexesNeverThrow() {
        for (String part : List.of("99999999999", "-1", "", "1e3", "٣")) {
            UserError error = new UserError("X", List.of("input", "quantities", part), "m", null);
            assertThatCode(error::index).doesNotThrowAnyException();
            assertThat(error.index()).as(part).isEmpty();
        }
        assertThat(new UserError("X", List.of("input", "quantities", "3"), "m", null).index()).hasValue(3);
    }
}
