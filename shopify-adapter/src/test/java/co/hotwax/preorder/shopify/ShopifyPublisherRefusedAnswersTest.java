package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.Variant;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store that refuses or garbles one operation's answer, in the shapes Shopify documents (HTTP 200, the field
 * {@code null}, an error whose {@code path} names the field), between the publisher and the simulator: a write
 * that did not happen is never APPLIED, never remembered, and the next publish reads before it writes.
 *
 * @see <a href="https://shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes">
 *      the ACCESS_DENIED message and extensions</a>
 */
class ShopifyPublisherRefusedAnswersTest {
    private static final String TOKEN = "shpat_refused-answers-test";
    private static final String READ = "nodes";
    private static final String WRITE = "inventorySetQuantities";
    private static final String COST = ",\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":10,"
            + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1990,\"restoreRate\":100.0}}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxiedShop fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProxiedShop(TOKEN);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** Shopify's answer to a field the token has no scope for. */
    static String accessDenied(String key, String field, String scope) {
        return "{\"data\":{\"" + key + "\":null},\"errors\":[{\"message\":\"Access denied for " + field
                + " field. Required access: `" + scope + "` access scope.\",\"locations\":[{\"line\":1,\"column\":30}],"
                + "\"path\":[\"" + key + "\"],\"extensions\":{\"code\":\"ACCESS_DENIED\","
                + "\"documentation\":\"https://shopify.dev/api/usage/access-scopes\"}}]" + COST + "}";
    }

    /** Shopify's answer to a field whose resolver failed. */
    static String internalError(String key) {
        return "{\"data\":{\"" + key + "\":null},\"errors\":[{\"message\":\"Internal error. Looks like something went wrong"
                + " on our end.\",\"path\":[\"" + key + "\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\","
                + "\"requestId\":\"d2f47302\"}}]" + COST + "}";
    }

    private ShopifyPublisher publisher() {
        return fixture.publisher(fixture.config(TOKEN).maxAttempts(2).build(), 11);
    }

    private Variant variant(String sku, InventoryPolicy policy) {
        Product product = fixture.shop.addProduct("Product " + sku, List.of());
        return fixture.shop.addVariant(product.id(), sku, true, policy);
    }

    private static DesiredState listed(String sku, long sellable) {
        return new DesiredState(sku, null, sellable, 0, true, LocalDate.of(2026, 7, 1), false);
    }

    private int quantity(Variant v, String name) {
        return fixture.shop.quantity(v.inventoryItemId(), fixture.location.id(), name);
    }

    private List<String> rootFieldsSince(int from) {
        List<RequestLogEntry> log = fixture.shop.requestLog();
        return log.subList(from, log.size()).stream().flatMap(e -> e.rootFields().stream()).toList();
    }

    /** Answers requests containing {@code marker} with {@code answer} while {@code on}; forwards everything else. */
    private void answer(String marker, String answer, AtomicBoolean on) {
        fixture.proxy.handler((body, upstream) -> on.get() && body.contains(marker)
                ? new InterceptingProxy.Reply(200, answer, Map.of())
                : upstream.forward(body));
    }

    @Test
    void aDeniedQuantityWriteIsRejectedNamingTheScopeAndNeverRemembered() {
        Variant a = variant("A-1", InventoryPolicy.DENY);
        AtomicBoolean deny = new AtomicBoolean(false);
        answer(WRITE, accessDenied(WRITE, WRITE, "write_inventory"), deny);
        try (ShopifyPublisher publisher = publisher()) {
            assertThat(publisher.publish(List.of(listed("A-1", 10))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            deny.set(true);
            // A POS sale cuts P from 10 to 2; the store refuses the write.
            PublishOutcome refused = publisher.publish(List.of(listed("A-1", 2))).get(0);

            assertThat(refused.status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(refused.channelProblem()).isTrue();
            assertThat(refused.wrote()).isFalse();
            assertThat(refused.reason()).contains("write_inventory");
            deny.set(false);
            int from = fixture.shop.requestLog().size();

            assertThat(publisher.publish(List.of(listed("A-1", 2))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            // The on_hand of the refused write was never remembered: the next publish reads first.
            assertThat(rootFieldsSince(from)).containsExactly(READ, WRITE);
        }
        assertThat(quantity(a, "available")).isEqualTo(2);
    }

    @Test
    void aMetafieldsSetTooCostlyForOneRequestIsSplitAndEveryVariantIsMarked() {
        List<Variant> variants = new ArrayList<>();
        List<DesiredState> states = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            variants.add(variant("M-" + i, InventoryPolicy.DENY));
            states.add(listed("M-" + i, 3));
        }
        AtomicInteger refused = new AtomicInteger();
        fixture.proxy.handler((body, upstream) -> {
            int entries = body.split("ownerId", -1).length - 1;
            if (body.contains("metafieldsSet") && entries > 2) {
                refused.incrementAndGet();
                // A store where each entry costs 400 points: more than two never fit in one request.
                return new InterceptingProxy.Reply(200, "{\"errors\":[{\"message\":\"Query cost is " + 400 * entries
                        + ", which exceeds the single query max cost limit (1000).\",\"extensions\":{\"code\":"
                        + "\"MAX_COST_EXCEEDED\"}}]}", Map.of());
            }
            return upstream.forward(body);
        });
        // metafieldsSet marks a listing with the per-SKU marks (and every delisting).
        try (ShopifyPublisher publisher = fixture.publisher(fixture.config(TOKEN).maxAttempts(2).groupedMarks(false)
                .build(), 11)) {
            List<PublishOutcome> outcomes = publisher.publish(states);

            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(PublishOutcome.Status.APPLIED));
        }
        assertThat(refused.get()).isPositive();
        for (Variant v : variants) {
            assertThat(fixture.shop.metafield(v.id(), "HC_PREORDER", "preorder")).as(v.sku()).isPresent();
        }
    }

    static Stream<String> unansweredWrites() {
        return Stream.of(
                internalError(WRITE),
                "{\"data\":{\"" + WRITE + "\":null}" + COST + "}",
                "{\"data\":{}" + COST + "}",
                "{\"data\":{\"" + WRITE + "\":{\"inventoryAdjustmentGroup\":null}}}",
                "{\"data\":{\"" + WRITE + "\":{\"userErrors\":\"none\"}}}",
                "{\"data\":{\"" + WRITE + "\":[]}}",
                "{\"data\":{\"" + WRITE + "\":{\"userErrors\":[{\"code\":\"INVALID\",\"field\":[\"input\",\"quantities\","
                        + "\"99999999999\"],\"message\":\"bad\"}]}}}",
                "{\"data\":{\"" + WRITE + "\":{\"userErrors\":[{\"code\":\"INVALID\",\"field\":[\"input\",\"quantities\","
                        + "\"-1\"],\"message\":\"bad\"}]}}}",
                "{\"data\":{\"" + WRITE + "\":{\"userErrors\":[{\"code\":\"SOMETHING_NEW\",\"field\":[\"input\",\"quantities\","
                        + "\"7\"],\"message\":\"an index past the request\"}]}}}",
                "{\"data\":{\"" + WRITE + "\":{\"userErrors\":[42]}}}",
                "<html><body>Service temporarily unavailable</body></html>",
                "{\"data\":{\"" + WRITE + "\":{\"userErrors\":[",
                "{\"errors\":[{\"message\":\"boom\",\"extensions\":{\"code\":\"SOMETHING_NEW\"}}]}",
                "[]",
                "null");
    }

    @ParameterizedTest
    @MethodSource("unansweredWrites")
    void aWriteAnsweredWithoutAUsablePayloadIsRetriedAndReadAgain(String answer) {
        Variant a = variant("A-1", InventoryPolicy.DENY);
        AtomicBoolean garble = new AtomicBoolean(false);
        answer(WRITE, answer, garble);
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("A-1", 10)));
            garble.set(true);

            PublishOutcome outcome = publisher.publish(List.of(listed("A-1", 2))).get(0);

            assertThat(outcome.status()).as(answer).isEqualTo(PublishOutcome.Status.RETRY);
            assertThat(outcome.reason()).isNotBlank();
            garble.set(false);
            int from = fixture.shop.requestLog().size();
            assertThat(publisher.publish(List.of(listed("A-1", 2))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(rootFieldsSince(from)).containsExactly(READ, WRITE);
        }
        assertThat(quantity(a, "available")).isEqualTo(2);
    }

    @Test
    void aDeniedPolicyUpdateLeavesNoQuantityOnAContinueVariant() {
        Variant a = variant("A-1", InventoryPolicy.CONTINUE);
        answer("productVariantsBulkUpdate", accessDenied("m0", "productVariantsBulkUpdate", "write_products"),
                new AtomicBoolean(true));
        try (ShopifyPublisher publisher = publisher()) {
            PublishOutcome outcome = publisher.publish(List.of(listed("A-1", 5))).get(0);

            assertThat(outcome.status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcome.channelProblem()).isTrue();
            assertThat(outcome.reason()).contains("write_products");
        }
        assertThat(fixture.shop.policy(a.id())).isEqualTo(InventoryPolicy.CONTINUE);
        // Marks first: without DENY the variant never got a quantity.
        assertThat(fixture.shop.requestLog().stream().flatMap(e -> e.rootFields().stream())).doesNotContain(WRITE);
    }

    @Test
    void oneFailedAliasedMutationFailsOnlyItsOwnItem() {
        Variant a = variant("A-1", InventoryPolicy.CONTINUE);
        Variant b = variant("B-1", InventoryPolicy.CONTINUE);
        AtomicInteger calls = new AtomicInteger();
        fixture.proxy.handler((body, upstream) -> {
            if (!body.contains("productVariantsBulkUpdate") || calls.getAndIncrement() > 0) {
                return upstream.forward(body);
            }
            // Both really run upstream; the answer says m1 failed in its resolver, with its alias as the path.
            ObjectNode answer = (ObjectNode) JSON.readTree(upstream.forward(body).body());
            ((ObjectNode) answer.path("data")).putNull("m1");
            answer.set("errors", JSON.readTree("[{\"message\":\"Internal error\",\"path\":[\"m1\"],"
                    + "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}]"));
            return new InterceptingProxy.Reply(200, answer.toString(), Map.of());
        });
        try (ShopifyPublisher publisher = publisher()) {
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 5), listed("B-1", 5)));

            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(outcomes.get(1).status()).isEqualTo(PublishOutcome.Status.RETRY);
            assertThat(outcomes.get(1).reason()).contains("Internal error");
        }
        assertThat(quantity(a, "available")).isEqualTo(5);
        assertThat(fixture.shop.policy(a.id())).isEqualTo(InventoryPolicy.DENY);
        assertThat(b.sku()).isEqualTo("B-1");
    }

    @Test
    void aDeniedSearchRejectsForTheShopAndAnEmptyReadIsRetriedNotRejected() {
        variant("A-1", InventoryPolicy.DENY);
        AtomicBoolean on = new AtomicBoolean(true);
        answer("productVariants", accessDenied("productVariants", "productVariants", "read_products"), on);
        try (ShopifyPublisher publisher = publisher()) {
            PublishOutcome denied = publisher.publish(List.of(listed("A-1", 5))).get(0);
            assertThat(denied.status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(denied.channelProblem()).isTrue();
            assertThat(denied.reason()).contains("read_products");

            answer("productVariants", "{\"data\":{}}", on);
            PublishOutcome empty = publisher.publish(List.of(listed("A-1", 5))).get(0);
            assertThat(empty.status()).isEqualTo(PublishOutcome.Status.RETRY);

            // nodes(ids:) answers one entry per id; an empty list is a broken answer, not "no such item".
            answer("ReadLevels", "{\"data\":{\"nodes\":[]}}", on);
            PublishOutcome noNodes = publisher.publish(List.of(listed("A-1", 3))).get(0);
            assertThat(noNodes.status()).isEqualTo(PublishOutcome.Status.RETRY);
            assertThat(noNodes.reason()).contains("0 nodes for 1 ids");
        }
    }

    @Test
    void theTokenEchoedByTheServerNeverReachesAnOutcomeOrAPreview() {
        variant("A-1", InventoryPolicy.DENY);
        String echo = "{\"data\":{\"" + WRITE + "\":null},\"errors\":[{\"message\":\"bad header X-Shopify-Access-Token: "
                + TOKEN + "\",\"path\":[\"" + WRITE + "\"]}]}";
        answer(WRITE, echo, new AtomicBoolean(true));
        try (ShopifyPublisher publisher = publisher()) {
            PublishOutcome outcome = publisher.publish(List.of(listed("A-1", 4))).get(0);
            assertThat(outcome.status()).isEqualTo(PublishOutcome.Status.RETRY);
            assertThat(outcome.reason()).contains("bad header").doesNotContain(TOKEN);

            answer("ReadLevels", "{\"errors\":[{\"message\":\"who is " + TOKEN + "?\"}]}", new AtomicBoolean(true));
            assertThatThrownBy(() -> publisher.preview(List.of(listed("A-1", 4))))
                    .isInstanceOf(ShopifyUnavailableException.class)
                    .hasMessageContaining("who is")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
        }
    }

    @Test
    void aNegativeAvailableIsPreviewedNotThrown() {
        Variant a = variant("A-1", InventoryPolicy.DENY);
        fixture.shop.stock(a.inventoryItemId(), fixture.location.id(), 0);
        fixture.proxy.handler((body, upstream) -> {
            InterceptingProxy.Reply reply = upstream.forward(body);
            if (!body.contains("ReadLevels")) {
                return reply;
            }
            // P fell to 0 while 3 orders were in flight: Shopify shows available -3 (on_hand 0, committed 3).
            return new InterceptingProxy.Reply(reply.status(), reply.body()
                    .replaceAll("\\{\"name\":\"available\",\"quantity\":-?\\d+}", "{\"name\":\"available\",\"quantity\":-3}")
                    .replaceAll("\\{\"name\":\"committed\",\"quantity\":-?\\d+}", "{\"name\":\"committed\",\"quantity\":3}"),
                    Map.of());
        });
        try (ShopifyPublisher publisher = publisher()) {
            PlannedChange change = publisher.preview(List.of(listed("A-1", 0))).get(0);

            assertThat(change.currentSellable()).isEqualTo(-3);
            assertThat(change.quantitiesKnown()).isTrue();
            assertThat(change.action()).isNotEqualTo(PlannedChange.Action.REJECT);
        }
    }
}
