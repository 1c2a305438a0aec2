package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.CheckoutResult;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders Shopify routes to another location where a pre-order SKU is stocked are counted as in flight, so the
 * pre-order location never sells them again. The store: a pre-order location and a warehouse that both fulfil
 * online orders, the warehouse first in the routing priority list, the SKU stocked at the warehouse by another
 * inventory sync (listed anyway: {@code allowUnsafeListing}, the case the preflight cannot prevent).
 */
class CommittedElsewhereTest {
    private static final String TOKEN = "shpat_routed-elsewhere-5";
    private static final String SKU = "ROUTED-1";
    private static final long P = 10;

    private static DesiredState listed(long sellable, long openOrders) {
        return new DesiredState(SKU, null, sellable, openOrders, true, LocalDate.of(2026, 9, 1), false);
    }

    /** What one run shows: units Shopify sold in all, and the in-flight units the publisher reported. */
    private record Run(long sold, long routedToWarehouse, long reportedInFlight) {
    }

    private Run run(UnaryOperator<ShopifyPublisherConfig.Builder> config) throws Exception {
        try (ProxiedShop fixture = new ProxiedShop(TOKEN)) {
            ShopifySimulator shop = fixture.shop;
            Location warehouse = shop.addLocation("Warehouse");
            Variant v = shop.addVariant(shop.addProduct("Routed", List.of()).id(), SKU, true, InventoryPolicy.DENY);
            shop.stock(v.id(), warehouse.id(), 0);
            shop.routingPriority(List.of(warehouse.id(), fixture.location.id()));
            long sold = 0;
            long routed = 0;
            try (ShopifyPublisher p = fixture.publisher(config.apply(fixture.config(TOKEN)).build(), 11)) {
                assertThat(p.publish(List.of(listed(P, 0))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
                for (int i = 0; i < 8; i++) {
                    sold += accepted(shop.orders().checkout(SKU, 1), warehouse);
                }
                // Another inventory sync puts one stray unit at the warehouse; a B2B buyer takes 3: no location has
                // 3 in stock, the online sum has, so routing commits the line at the first location where the SKU
                // is stocked, the warehouse. Then the other sync puts the warehouse back to 0.
                shop.stock(v.id(), warehouse.id(), 1);
                CheckoutResult b2b = shop.orders().checkout(SKU, 3);
                assertThat(b2b.locations()).containsExactly(warehouse.id());
                sold += 3;
                routed += 3;
                shop.stock(v.id(), warehouse.id(), 0);
                // The OMS has imported the 8 orders at the pre-order location, not yet the routed one: P = 10 - 8.
                PublishOutcome outcome = p.publish(List.of(listed(P - 8, 8))).get(0);
                assertThat(outcome.status()).as(outcome.reason()).isEqualTo(PublishOutcome.Status.APPLIED);
                for (int i = 0; i < 5; i++) {
                    sold += accepted(shop.orders().checkout(SKU, 1), warehouse);
                }
                return new Run(sold, routed, outcome.inFlight());
            }
        }
    }

    private static long accepted(CheckoutResult result, Location warehouse) {
        return result.accepted() ? result.lines().stream().mapToLong(l -> l.quantity()).sum() : 0;
    }

    @Test
    void unitsCommittedAtAnotherLocationAreCountedAsInFlightAndNeverSoldAgain() throws Exception {
        Run detected = run(c -> c.allowUnsafeListing(true));
        // The stray unit was the other sync's, so Shopify may sell P + 1, never more.
        assertThat(detected.routedToWarehouse()).isEqualTo(3);
        assertThat(detected.reportedInFlight()).as("the routed order is in flight").isEqualTo(3);
        assertThat(detected.sold()).isLessThanOrEqualTo(P + 1);

        // The same store without the preflight's knowledge of where the SKU is stocked: the routed units are
        // invisible, and once the warehouse is back at 0 the pre-order location sells them again.
        Run blind = run(c -> c.preflight(false));
        assertThat(blind.reportedInFlight()).as("not observed, or 0").isLessThanOrEqualTo(0);
        assertThat(blind.sold()).isEqualTo(P + 1 + 2);
    }

    /**
     * The default setup: the SKU passes the preflight and is listed while only the pre-order location stocks it;
     * then another inventory sync stocks it at the online warehouse, first in the routing order. The re-check after
     * {@code preflightRecheck} finds the warehouse (logged: the SKU is already listed, so it is not held back) and from
     * then on the units committed there are counted as in flight, without {@code allowUnsafeListing}.
     */
    @Test
    void aSkuStockedAtAnOnlineLocationAfterItWasListedHasItsUnitsThereCountedAfterTheRecheck() throws Exception {
        try (ProxiedShop fixture = new ProxiedShop(TOKEN)) {
            ShopifySimulator shop = fixture.shop;
            Location warehouse = shop.addLocation("Warehouse");
            Location pickup = shop.addLocation("Pick-up counter", false);
            Variant v = shop.addVariant(shop.addProduct("Routed", List.of()).id(), SKU, true, InventoryPolicy.DENY);
            shop.routingPriority(List.of(warehouse.id(), fixture.location.id()));
            long sold = 0;
            try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 13)) {
                assertThat(p.publish(List.of(listed(P, 0))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
                for (int i = 0; i < 8; i++) {
                    sold += accepted(shop.orders().checkout(SKU, 1), warehouse);
                }
                // Stocked afterwards: at the warehouse (sells online) and at a pick-up counter (does not), where a
                // released pre-order is waiting with 2 units committed: those must not count.
                shop.stock(v.id(), pickup.id(), 2);
                assertThat(shop.orders().placeOrder(SKU, 2, pickup.id()).accepted()).isTrue();
                shop.stock(v.id(), warehouse.id(), 1);
                CheckoutResult b2b = shop.orders().checkout(SKU, 3);
                assertThat(b2b.locations()).containsExactly(warehouse.id());
                sold += 3;
                shop.stock(v.id(), warehouse.id(), 0);

                fixture.time.advance(ShopifyPublisherConfig.DEFAULT_PREFLIGHT_RECHECK);
                PublishOutcome outcome = p.publish(List.of(listed(P - 8, 8))).get(0);
                assertThat(outcome.status()).as(outcome.reason()).isEqualTo(PublishOutcome.Status.APPLIED);
                assertThat(outcome.inFlight()).as("the routed order at the warehouse, not the pick-up units")
                        .isEqualTo(3);
                for (int i = 0; i < 5; i++) {
                    sold += accepted(shop.orders().checkout(SKU, 1), warehouse);
                }
            }
            assertThat(sold).as("P plus the other sync's one stray unit, never more").isLessThanOrEqualTo(P + 1);
        }
    }
}
