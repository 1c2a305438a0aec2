package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.OrderResult;
import co.hotwax.preorder.testkit.OversellLedger;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steady-state publishing at a dedicated location writes from the on_hand the adapter last saw, without a read,
 * and falls back to a read whenever that on_hand may be wrong: against the simulator over real HTTP.
 */
class ShopifyPublisherReadFreeTest {
    private static final String TOKEN = "shpat_read-free-test";
    private static final String READ = "nodes";
    private static final String WRITE = "inventorySetQuantities";

    private ProxiedShop fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProxiedShop(TOKEN);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ShopifyPublisher publisher() {
        return fixture.publisher(fixture.config(TOKEN).build(), 7);
    }

    private Variant variant(String sku) {
        Product product = fixture.shop.addProduct("Product " + sku, List.of());
        return fixture.shop.addVariant(product.id(), sku, true, InventoryPolicy.DENY);
    }

    private static DesiredState listed(String sku, long sellable, long openOrders) {
        return new DesiredState(sku, null, sellable, openOrders, true, LocalDate.of(2026, 7, 1), false);
    }

    private int quantity(Variant v, String name) {
        return fixture.shop.quantity(v.inventoryItemId(), fixture.location.id(), name);
    }

    /** The root fields of the requests the simulator executed since {@code from}, in order. */
    private List<String> rootFieldsSince(int from) {
        List<RequestLogEntry> log = fixture.shop.requestLog();
        return log.subList(from, log.size()).stream().flatMap(e -> e.rootFields().stream()).toList();
    }

    private static List<PublishOutcome.Status> statuses(List<PublishOutcome> outcomes) {
        return outcomes.stream().map(PublishOutcome::status).toList();
    }

    @Test
    void aSecondPublishOfChangedQuantitiesSendsNoLevelRead() {
        Variant a = variant("A-1");
        Variant b = variant("B-1");
        Variant c = variant("C-1");
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("A-1", 5, 0), listed("B-1", 5, 0), listed("C-1", 5, 0)));
            long readsBefore = fixture.shop.stats().operation(READ);
            int from = fixture.shop.requestLog().size();

            // A grows, B shrinks, C took an order the OMS imported (same on_hand: nothing to write).
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 9, 0), listed("B-1", 2, 0), listed("C-1", 4, 1)));

            assertThat(statuses(outcomes)).containsOnly(PublishOutcome.Status.APPLIED);
            assertThat(outcomes).extracting(PublishOutcome::wrote).containsExactly(true, true, false);
            assertThat(fixture.shop.stats().operation(READ)).isEqualTo(readsBefore);
            assertThat(rootFieldsSince(from)).containsExactly(WRITE);
        }
        assertThat(quantity(a, "on_hand")).isEqualTo(9);
        assertThat(quantity(b, "on_hand")).isEqualTo(2);
        assertThat(quantity(c, "on_hand")).isEqualTo(5);
    }

    @Test
    void anUnchangedStateIsReadSoAManualEditIsFoundByAResync() {
        Variant a = variant("A-1");
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("A-1", 5, 0)));
            // A merchant raises on_hand by hand; no write is due, so only a read can see it.
            fixture.shop.stock(a.inventoryItemId(), fixture.location.id(), 40);
            int from = fixture.shop.requestLog().size();

            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 5, 0)));

            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(outcomes.get(0).wrote()).isTrue();
            assertThat(rootFieldsSince(from)).containsExactly(READ, WRITE);
        }
        assertThat(quantity(a, "available")).isEqualTo(5);
    }

    @Test
    void aManualEditBetweenPublishesMakesTheWriteStaleAndIsCorrectedFromARead() {
        Variant a = variant("A-1");
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("A-1", 5, 0)));
            fixture.shop.stock(a.inventoryItemId(), fixture.location.id(), 9);
            int from = fixture.shop.requestLog().size();

            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 7, 0)));

            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            // Written from the remembered 5: stale; re-read 9; written again from 9 under a new key.
            assertThat(rootFieldsSince(from)).containsExactly(WRITE, READ, WRITE);
            List<RequestLogEntry> writes = fixture.shop.requestLog().subList(from, fixture.shop.requestLog().size()).stream()
                    .filter(e -> e.rootFields().contains(WRITE)).toList();
            assertThat(writes.get(0).idempotencyKey()).isNotEqualTo(writes.get(1).idempotencyKey());
        }
        assertThat(quantity(a, "on_hand")).isEqualTo(7);
        assertThat(quantity(a, "available")).isEqualTo(7);
    }

    @Test
    void aFulfilmentTheOmsHasNotSeenIsFoundByTheStaleWriteAndNotAddedBack() {
        Variant a = variant("A-1");
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("A-1", 5, 0)));
            OrderResult order = fixture.shop.orders().placeOrder(a.id(), 2, fixture.location.id());
            assertThat(order.accepted()).isTrue();
            // The OMS imports the order and a PO adds 3 units: on_hand 5 -> 8, written without a read.
            int from = fixture.shop.requestLog().size();
            publisher.publish(List.of(listed("A-1", 6, 2)));
            assertThat(rootFieldsSince(from)).containsExactly(WRITE);
            assertThat(quantity(a, "available")).isEqualTo(6);

            // Shopify fulfils the order (on_hand 8 -> 6, committed 2 -> 0) before the OMS hears of it; a PO cut
            // follows. Unguarded, the target would be 4 + 2 = 6 and the 2 shipped units would be sold again.
            fixture.shop.orders().fulfil(order.order().orElseThrow());
            from = fixture.shop.requestLog().size();
            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 4, 2)));

            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(rootFieldsSince(from)).containsExactly(WRITE, READ, WRITE);
        }
        assertThat(quantity(a, "committed")).isZero();
        assertThat(quantity(a, "available")).isEqualTo(4);
    }

    @Test
    void aWriteWhoseOutcomeIsUnknownIsForgottenAndTheNextPublishReads() {
        Variant a = variant("A-1");
        AtomicBoolean loseWrites = new AtomicBoolean(false);
        fixture.proxy.handler((body, upstream) -> {
            InterceptingProxy.Reply reply = upstream.forward(body);
            if (loseWrites.get() && body.contains(WRITE)) {
                // Applied upstream, the answer lost on the way back, every attempt.
                return new InterceptingProxy.Reply(502, "<html>bad gateway</html>", Map.of());
            }
            return reply;
        });
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("A-1", 5, 0)));
            loseWrites.set(true);
            List<PublishOutcome> lost = publisher.publish(List.of(listed("A-1", 7, 0)));
            assertThat(lost.get(0).status()).isEqualTo(PublishOutcome.Status.RETRY);
            assertThat(quantity(a, "on_hand")).as("the write did apply, once").isEqualTo(7);
            loseWrites.set(false);
            int from = fixture.shop.requestLog().size();

            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("A-1", 8, 0)));

            assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            // Read first: the remembered 5 was forgotten; the write goes from the 7 Shopify has.
            assertThat(rootFieldsSince(from)).containsExactly(READ, WRITE);
        }
        assertThat(quantity(a, "on_hand")).isEqualTo(8);
    }

    @Test
    void ordersPlacedBetweenAndDuringReadFreePublishesAreNeverResold() {
        long seed = 20261126L;
        SplittableRandom random = new SplittableRandom(seed);
        Variant v = variant("JKT-1");
        int capacity = 60;
        OversellLedger ledger = new OversellLedger();
        ledger.declareCapacity("JKT-1", Instant.EPOCH, capacity);
        AtomicInteger tick = new AtomicInteger();
        AtomicBoolean buyBeforeWrites = new AtomicBoolean(false);
        fixture.proxy.handler((body, upstream) -> {
            if (buyBeforeWrites.get() && body.contains(WRITE)) {
                // The write's expected on_hand was chosen; shoppers check out before it lands.
                buy(ledger, tick, v, 1 + random.nextInt(2));
            }
            return upstream.forward(body);
        });
        List<Integer> readsPerRound = new ArrayList<>();
        try (ShopifyPublisher publisher = publisher()) {
            publisher.publish(List.of(listed("JKT-1", capacity, 0)));
            buyBeforeWrites.set(true);
            int knownUnits = 0;
            int poUnits = 0;
            for (int round = 0; round < 20; round++) {
                for (int i = random.nextInt(3); i > 0; i--) {
                    buy(ledger, tick, v, 1);
                }
                // A PO change the OMS also sees makes every round's state new, so the read-free path is taken.
                poUnits += random.nextInt(3);
                ledger.declareCapacity("JKT-1", Instant.EPOCH.plusSeconds(tick.get()), capacity + poUnits);
                long readsBefore = fixture.shop.stats().operation(READ);
                List<PublishOutcome> outcomes = publisher.publish(
                        List.of(listed("JKT-1", Math.max(0, capacity + poUnits - knownUnits), knownUnits)));
                readsPerRound.add((int) (fixture.shop.stats().operation(READ) - readsBefore));
                assertThat(outcomes.get(0).status()).as("seed %d round %d: %s", seed, round, outcomes)
                        .isEqualTo(PublishOutcome.Status.APPLIED);
                // The OMS lags: it imports the orders placed so far only after this publish.
                knownUnits = fixture.shop.orders().all().stream().mapToInt(o -> o.quantity()).sum();
            }
            buyBeforeWrites.set(false);
            while (buy(ledger, tick, v, 1)) {
                // everyone else buys what is left
            }
        }
        assertThat(ledger.totalOversold()).as("seed %d: %s", seed, ledger.report()).isZero();
        assertThat(readsPerRound).as("seed %d: some rounds wrote without reading", seed).contains(0);
    }

    private boolean buy(OversellLedger ledger, AtomicInteger tick, Variant v, int quantity) {
        OrderResult result = fixture.shop.orders().placeOrder(v.id(), quantity, fixture.location.id());
        int n = tick.incrementAndGet();
        ledger.recordOrder(v.sku(), result.order().orElse("refused-" + n), quantity, Instant.EPOCH.plusSeconds(n), result.accepted());
        return result.accepted();
    }
}
