package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.CheckoutResult;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units of a pre-order SKU available at another location that fulfils online orders are sold by checkout beside the
 * pre-order location's (it sums available over those locations), so the pre-order location offers that much less;
 * and a location that starts fulfilling online orders after a SKU was listed is seen at the SKU's next publish, not
 * at its next re-check. Shopify's checkout is the simulator's, over HTTP; shoppers buy one unit at a time with no
 * publish in between, so only what was written before they came decides what is sold.
 */
class OnlineLocationAfterListingTest {
    private static final String TOKEN = "shpat_turned-online-13";
    private static final long P = 10;
    private static final int STORE_UNITS = 3;

    private final ProxiedShop fixture;
    private final ShopifySimulator shop;

    OnlineLocationAfterListingTest() throws Exception {
        fixture = new ProxiedShop(TOKEN);
        shop = fixture.shop;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static DesiredState listed(String sku, long sellable) {
        return new DesiredState(sku, null, sellable, 0, true, LocalDate.of(2026, 9, 1), false);
    }

    private Variant variant(String sku) {
        return shop.addVariant(shop.addProduct("Product " + sku, List.of()).id(), sku, true, InventoryPolicy.DENY);
    }

    /** Shoppers try to buy far more than exists, one unit at a time; returns the units Shopify sold. */
    private long buyOut(String sku) {
        long sold = 0;
        for (int i = 0; i < 3 * P; i++) {
            CheckoutResult result = shop.orders().checkout(sku, 1);
            sold += result.accepted() ? 1 : 0;
        }
        return sold;
    }

    @Test
    void unitsAvailableAtAnotherOnlineLocationAreTakenOffThePreOrderLocation() {
        // Listed anyway (allowUnsafeListing) although a warehouse that fulfils online orders stocks 3 units of the
        // SKU (another inventory sync's count): checkout would sell P + 3.
        Location warehouse = shop.addLocation("Warehouse");
        Variant v = variant("AVAIL-1");
        shop.stock(v.id(), warehouse.id(), STORE_UNITS);
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).allowUnsafeListing(true).build(), 21)) {
            PublishOutcome outcome = p.publish(List.of(listed("AVAIL-1", P))).get(0);
            assertThat(outcome.status()).as(outcome.reason()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(shop.quantity(v.inventoryItemId(), fixture.location.id(), "on_hand")).isEqualTo(P - STORE_UNITS);
            assertThat(buyOut("AVAIL-1")).as("the warehouse's units are sold as pre-orders too").isEqualTo(P);
        }
    }

    @Test
    void aLocationSwitchedToOnlineOrdersAfterListingIsSeenAtTheSkusNextPublish() {
        // A POS-only store stocks 3 units (its own count): the preflight passes, the SKU is listed with P.
        Location store = shop.addLocation("High street", false);
        Variant v = variant("TURNED-1");
        shop.stock(v.id(), store.id(), STORE_UNITS);
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 23)) {
            PublishOutcome first = p.publish(List.of(listed("TURNED-1", P))).get(0);
            assertThat(first.status()).as(first.reason()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(shop.quantity(v.inventoryItemId(), fixture.location.id(), "on_hand")).isEqualTo(P);

            // The merchant turns on "Fulfill online orders" at the store, well within preflightRecheck.
            shop.setFulfillsOnlineOrders(store.id(), true);
            fixture.time.advance(Duration.ofMinutes(1));
            PublishOutcome next = p.publish(List.of(listed("TURNED-1", P))).get(0);
            // Already listed: not held back (its quantity must keep moving), but written P - 3.
            assertThat(next.status()).as(next.reason()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(next.wrote()).isTrue();
            assertThat(shop.quantity(v.inventoryItemId(), fixture.location.id(), "on_hand")).isEqualTo(P - STORE_UNITS);
            assertThat(buyOut("TURNED-1")).as("P in all, the store's units included").isEqualTo(P);

            // A SKU not listed yet with units at the store is refused, naming the SKU, the location and its units.
            Variant other = variant("TURNED-2");
            shop.stock(other.id(), store.id(), 2);
            PublishOutcome refused = p.publish(List.of(listed("TURNED-2", P))).get(0);
            assertThat(refused.status()).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(refused.reason()).contains("TURNED-2", "High street", "2 available unit(s)");
            assertThat(refused.wrote()).as("nothing written for it").isFalse();
        }
    }

    @Test
    void aStoreReadThatSeesTheOnlineLocationsChangeExpiresEveryPass() {
        Variant b = variant("PASS-B");
        variant("PASS-C");
        AtomicInteger checksOfB = new AtomicInteger();
        fixture.proxy.handler((body, upstream) -> {
            if (body.contains("PreflightSkus") && body.contains("PASS-B")) {
                checksOfB.incrementAndGet();
            }
            return upstream.forward(body);
        });
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 25)) {
            assertThat(p.publish(List.of(listed("PASS-B", P))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(checksOfB).hasValue(1);

            // An outlet opens and fulfils online orders; another sync stocks PASS-B there. PASS-B's pass says
            // nothing of it: the outlet did not exist when PASS-B was checked.
            Location outlet = shop.addLocation("Outlet", true);
            shop.stock(b.id(), outlet.id(), STORE_UNITS);
            fixture.time.advance(Duration.ofMinutes(1));
            // Another SKU's first listing reads the store: the online locations changed, so every pass expires.
            assertThat(p.publish(List.of(listed("PASS-C", P))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            PublishOutcome again = p.publish(List.of(listed("PASS-B", P))).get(0);
            assertThat(checksOfB).as("PASS-B checked again before preflightRecheck").hasValue(2);
            assertThat(again.status()).as(again.reason()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(shop.quantity(b.inventoryItemId(), fixture.location.id(), "on_hand")).isEqualTo(P - STORE_UNITS);
            assertThat(buyOut("PASS-B")).isEqualTo(P);
        }
    }
}
