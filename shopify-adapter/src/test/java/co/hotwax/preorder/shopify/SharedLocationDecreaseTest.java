package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared-location mode under checkout contention: a decrease is written as a delta, so no order placed between the
 * adapter's read and its write can make it stale; it lands in the same publish call, with no lost compare-and-set
 * rounds and no back-off, while shoppers check out with every write (issue 11, item 3).
 */
class SharedLocationDecreaseTest {
    private static final String TOKEN = "shpat_shared_decrease";

    private ProxiedShop fixture;
    private ShopifySimulator shop;
    private Location location;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProxiedShop(TOKEN);
        shop = fixture.shop;
        location = fixture.location;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aDecreaseLandsAtOnceWhileShoppersCheckOutWithEveryWrite() {
        Product product = shop.addProduct("Jacket", List.of());
        Variant v = shop.addVariant(product.id(), "JKT-1", true, InventoryPolicy.DENY);
        AtomicBoolean contend = new AtomicBoolean();
        AtomicInteger bought = new AtomicInteger();
        fixture.proxy.handler((body, upstream) -> {
            if (contend.get() && (body.contains("inventorySetQuantities") || body.contains("inventoryAdjustQuantities"))) {
                // A shopper checks out after the adapter read and before its write lands: every time.
                if (shop.orders().placeOrder(v.id(), 1, location.id()).accepted()) {
                    bought.incrementAndGet();
                }
            }
            return upstream.forward(body);
        });
        try (ShopifyPublisher publisher = fixture.publisher(fixture.config(TOKEN).mode(PublishMode.SHARED_LOCATION)
                .build(), 5)) {
            assertThat(publisher.publish(List.of(listed("JKT-1", 40))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            contend.set(true);
            int before = shop.requestLog().size();

            List<PublishOutcome> outcomes = publisher.publish(List.of(listed("JKT-1", 10)));

            assertThat(outcomes.get(0).status()).as("%s", outcomes).isEqualTo(PublishOutcome.Status.APPLIED);
            List<RequestLogEntry> writes = shop.requestLog().subList(before, shop.requestLog().size()).stream()
                    .filter(e -> e.rootFields().contains("inventoryAdjustQuantities")
                            || e.rootFields().contains("inventorySetQuantities")).toList();
            assertThat(writes).as("one delta, no compare-and-set rounds").hasSize(1);
            assertThat(writes.get(0).rootFields()).containsExactly("inventoryAdjustQuantities");
            assertThat(bought.get()).as("a shopper did check out during the write").isPositive();
            int available = shop.quantity(v.inventoryItemId(), location.id(), "available");
            assertThat(available).as("at most the target less what was bought in flight").isLessThanOrEqualTo(10 - bought.get() + 1);
            assertThat(outcomes.get(0).inFlight()).as("the write's own response shows the units bought").isEqualTo(bought.get());
        }
    }

    @Test
    void concurrentShoppersNeverDelayASequenceOfDecreases() throws Exception {
        Product product = shop.addProduct("Jacket", List.of());
        Variant v = shop.addVariant(product.id(), "JKT-2", true, InventoryPolicy.DENY);
        AtomicBoolean shopping = new AtomicBoolean(true);
        AtomicInteger bought = new AtomicInteger();
        try (ShopifyPublisher publisher = fixture.publisher(fixture.config(TOKEN).mode(PublishMode.SHARED_LOCATION)
                .build(), 6)) {
            assertThat(publisher.publish(List.of(listed("JKT-2", 200))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            Thread shopper = new Thread(() -> {
                while (shopping.get()) {
                    if (shop.orders().placeOrder(v.id(), 1, location.id()).accepted()) {
                        bought.incrementAndGet();
                    }
                }
            }, "shopper");
            shopper.start();
            try {
                for (long sellable = 190; sellable >= 100; sellable -= 10) {
                    List<PublishOutcome> outcomes = publisher.publish(List.of(listed("JKT-2", sellable)));
                    assertThat(outcomes.get(0).status()).as("decrease to %d: %s", sellable, outcomes)
                            .isEqualTo(PublishOutcome.Status.APPLIED);
                }
            } finally {
                shopping.set(false);
                shopper.join();
            }
            // Every order is in flight (the OMS saw none): together they and what is left never exceed 100.
            int available = shop.quantity(v.inventoryItemId(), location.id(), "available");
            assertThat(Math.max(0, available) + bought.get()).isLessThanOrEqualTo(Math.max(100, bought.get()));
        }
    }

    private static DesiredState listed(String sku, long sellable) {
        // The OMS has seen none of the orders: openOrders stays 0, every unit bought is in flight.
        return new DesiredState(sku, null, sellable, 0, true, LocalDate.of(2026, 7, 1), false);
    }
}
