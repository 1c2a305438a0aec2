package co.hotwax.preorder.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's wiring for real: threads, HTTP, the simulator as the store. */
class WiringExampleTest {
    private static final String TOKEN = "shpat_wiring-example";

    @TempDir
    Path dir;

    @Test
    void theReadmeWiringPublishesPMinusSafetyAndMarksTheVariant() throws Exception {
        Path receipts = dir.resolve("receipts.csv");
        String eta = LocalDate.now().plusMonths(2).toString();
        Files.writeString(receipts, "receipt_id,sku,facility,quantity,expected_date\nR-1,RED-M,WH-1,40," + eta + "\n");
        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).start()) {
            Location location = shop.addLocation("Pre-orders");
            Variant variant = shop.addVariant(shop.addProduct("Red tee", List.of()).id(), "RED-M", false,
                    InventoryPolicy.CONTINUE);
            try (PreorderSync sync = WiringExample.start(receipts, shop.shopDomain(),
                    shop.graphqlEndpoint("2026-04").resolve("/"), () -> TOKEN, location.id())) {
                // 40 ordered - 5 taken on another channel - 2 safety units.
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && available(shop, variant, location) != 33) {
                    Thread.sleep(50);
                }
                assertThat(available(shop, variant, location)).isEqualTo(33);
                assertThat(shop.policy(variant.id())).isEqualTo(InventoryPolicy.DENY);
                assertThat(shop.tracked(variant.inventoryItemId())).isTrue();
                assertThat(sync.metrics().rejected()).isZero();
            }
        }
    }

    private static int available(ShopifySimulator shop, Variant variant, Location location) {
        try {
            return shop.quantity(variant.inventoryItemId(), location.id(), "available");
        } catch (RuntimeException notStockedYet) {
            return -1;
        }
    }
}
