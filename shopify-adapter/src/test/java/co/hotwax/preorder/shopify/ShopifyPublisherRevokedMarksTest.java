package co.hotwax.preorder.shopify;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code write_products} revoked the marks (the pre-order metafield after an ETA change) cannot be written,
 * but a lower quantity needs only {@code write_inventory}: the decrease is written anyway, an increase waits for its
 * marks. Over the simulator (issue 13 item 7, bug B; the simulation's one-store seed 5). The same rule when
 * {@code read_locations} is revoked and the store preflight cannot check the locations: the store is refused, but its
 * decreases are written.
 */
class ShopifyPublisherRevokedMarksTest {
    private static final String TOKEN = "shpat_revoked-marks-secret-3";
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 1);

    private ProxiedShop fixture;
    private Variant variant;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProxiedShop(TOKEN);
        variant = fixture.shop.addVariant(fixture.shop.addProduct("Product REV-1", List.of()).id(), "REV-1", true,
                InventoryPolicy.DENY);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private int available() {
        return fixture.shop.quantity(variant.inventoryItemId(), fixture.location.id(), "available");
    }

    private static DesiredState listed(long sellable, LocalDate eta) {
        return new DesiredState("REV-1", null, sellable, 0, true, eta, false);
    }

    @Test
    void aDecreaseIsWrittenThoughItsMarksAreDenied() {
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 11)) {
            assertThat(p.publish(List.of(listed(10, JULY))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(available()).isEqualTo(10);

            fixture.shop.revokeScope("write_products");
            PublishOutcome outcome = p.publish(List.of(listed(4, AUGUST))).get(0);

            assertThat(outcome.status()).as("%s", outcome).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcome.reason()).contains("write_products");
            assertThat(outcome.wrote()).as("the outcome tells the write").isTrue();
            assertThat(available()).as("the decrease needs only write_inventory").isEqualTo(4);
        }
    }

    @Test
    void anIncreaseWaitsForItsMarks() {
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 12)) {
            p.publish(List.of(listed(10, JULY)));

            fixture.shop.revokeScope("write_products");
            PublishOutcome outcome = p.publish(List.of(listed(15, AUGUST))).get(0);

            assertThat(outcome.status()).as("%s", outcome).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcome.wrote()).isFalse();
            assertThat(available()).as("an increase is not sold before its marks").isEqualTo(10);
        }
    }

    @Test
    void aDecreaseIsWrittenThoughTheStoreCannotBeChecked() {
        try (ShopifyPublisher p = fixture.publisher(fixture.config(TOKEN).build(), 13)) {
            assertThat(p.publish(List.of(listed(10, JULY))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);

            fixture.shop.revokeScope("read_locations");
            // The SKU is due for its re-check, which needs the locations.
            fixture.time.advance(ShopifyPublisherConfig.DEFAULT_PREFLIGHT_RECHECK);
            PublishOutcome outcome = p.publish(List.of(listed(4, JULY))).get(0);

            assertThat(outcome.status()).as("%s", outcome).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(outcome.reason()).contains("read_locations");
            assertThat(outcome.wrote()).as("the outcome tells the write").isTrue();
            assertThat(available()).as("a decrease sells less whatever the setup").isEqualTo(4);

            PublishOutcome increase = p.publish(List.of(listed(15, JULY))).get(0);
            assertThat(increase.status()).as("%s", increase).isEqualTo(PublishOutcome.Status.REJECTED);
            assertThat(increase.wrote()).isFalse();
            assertThat(available()).as("an increase waits for a store that can be checked").isEqualTo(4);

            fixture.shop.grantScope("read_locations");
            assertThat(p.publish(List.of(listed(15, JULY))).get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
            assertThat(available()).isEqualTo(15);
        }
    }
}
