package co.hotwax.preorder.examples.refused;

import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.OrderResult;
import co.hotwax.preorder.testkit.OversellLedger;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine, the adapter and the simulator end to end, with a store that answers one quantity write with a null
 * payload (HTTP 200, {@code inventorySetQuantities: null}, an error on its path) and does not apply it. The
 * engine must not count that write as done: it retries, Shopify gets the cut, and shoppers cannot oversell.
 */
class NullPayloadOversellTest {
    private static final String TOKEN = "shpat_null-payload-e2e";
    private static final String SKU = "RED-M";

    @Test
    void aWriteAnsweredWithANullPayloadIsRetriedAndNothingIsOversold() throws Exception {
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        VirtualClock time = new VirtualClock(t0);
        OversellLedger ledger = new OversellLedger();
        List<SyncEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep).start();
             NullPayloadProxy proxy = new NullPayloadProxy(shop.graphqlEndpoint("2026-04"), "inventorySetQuantities")) {
            Location location = shop.addLocation("Pre-orders");
            Variant variant = shop.addVariant(shop.addProduct("Red tee", List.of()).id(), SKU, false, InventoryPolicy.CONTINUE);
            InMemoryPurchaseOrderSource supply = new InMemoryPurchaseOrderSource();
            supply.put(SupplyLine.open("L1", "PO-1", SKU, "WH1", 10, LocalDate.parse("2026-08-01")));
            ShopifyPublisher publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                            .shopDomain(shop.shopDomain()).endpoint(proxy.base()).accessToken(() -> TOKEN)
                            .defaultLocationId(location.id()).build())
                    .clock(time).sleeper(time).random(new SplittableRandom(5)).build();
            try (PreorderSync sync = PreorderSync.builder().supply(supply).publisher(publisher).clock(time)
                    .random(new SplittableRandom(42)).listener(events::add)
                    .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .sleeper(d -> { throw new AssertionError("manual mode never sleeps"); }).build()) {
                sync.startManual();
                sync.runUntilIdle(100);
                assertThat(available(shop, variant, location)).isEqualTo(10);
                ledger.declareCapacity(SKU, time.instant(), 10);

                // A POS sale of 8 cuts P from 10 to 2; the store answers that write with a null payload.
                proxy.refuseNext(1);
                time.advance(Duration.ofSeconds(1));
                sync.preOrderTaken(PreOrder.open("POS-1", "1", SKU, 8, time.instant(), "pos"));
                ledger.declareCapacity(SKU, time.instant(), 2);
                sync.runUntilIdle(100);

                assertThat(proxy.refused()).isEqualTo(1);
                assertThat(events).filteredOn(e -> e instanceof SyncEvent.Published p && p.sellable() == 2).isEmpty();
                assertThat(events).filteredOn(SyncEvent.Retrying.class::isInstance).isNotEmpty();

                // The engine retries after its backoff, from a fresh read.
                time.advance(Duration.ofMinutes(1));
                sync.runUntilIdle(100);
                assertThat(available(shop, variant, location)).isEqualTo(2);
            }
            for (int i = 0; i < 10; i++) {
                time.advance(Duration.ofSeconds(1));
                OrderResult order = shop.orders().placeOrder(variant.id(), 1, location.id());
                ledger.recordOrder(SKU, order.order().orElse("refused-" + i), 1, time.instant(), order.accepted());
            }
        }
        assertThat(ledger.soldNet(SKU)).isEqualTo(2);
        assertThat(ledger.totalOversold()).as(ledger.report()).isZero();
    }

    private static int available(ShopifySimulator shop, Variant variant, Location location) {
        return shop.quantity(variant.inventoryItemId(), location.id(), "available");
    }
}
