package co.hotwax.preorder.examples.preflight;

import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.StoreSetupException;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine checks every store's setup when it starts: the Shopify adapter's store-level preflight against the
 * simulator, through {@code InventoryPublisher.checkSetup()}.
 */
class StoreSetupAtStartTest {
    private static final String TOKEN = "shpat_setup-at-start-1";
    private static final String SKU = "START-1";

    private final VirtualClock time = new VirtualClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final List<SyncEvent> events = Collections.synchronizedList(new ArrayList<>());
    private ShopifySimulator shop;
    private Location location;
    private Variant variant;

    @BeforeEach
    void start() {
        shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep).start();
        location = shop.addLocation("Pre-orders");
        variant = shop.addVariant(shop.addProduct("Coat", List.of()).id(), SKU, true, InventoryPolicy.DENY);
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    private PreorderSync.Builder engine() {
        InMemoryPurchaseOrderSource po = new InMemoryPurchaseOrderSource();
        po.put(SupplyLine.open("L1", "PO-1", SKU, "WH1", 6, LocalDate.parse("2026-08-01")));
        ShopifyPublisher publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder().shopDomain(shop.shopDomain())
                        .endpoint(shop.graphqlEndpoint("2026-04").resolve("/")).accessToken(() -> TOKEN)
                        .defaultLocationId(location.id()).build())
                .clock(time).sleeper(time).random(new SplittableRandom(3)).build();
        return PreorderSync.builder().supply(po).publisher(publisher).clock(time).random(new SplittableRandom(4))
                .listener(events::add).retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .sleeper(d -> { throw new AssertionError("manual mode never sleeps"); });
    }

    private int available() {
        return shop.quantity(variant.inventoryItemId(), location.id(), "available");
    }

    @Test
    void aRevokedScopeFailsTheStartNamingTheScopeAndTheFix() {
        shop.revokeScope("write_inventory");
        try (PreorderSync sync = engine().build()) {
            assertThatThrownBy(sync::start).isInstanceOf(StoreSetupException.class)
                    .hasMessageContaining(shop.shopDomain()).hasMessageContaining("write_inventory")
                    .hasMessageContaining("fix: add write_inventory to the app's access scopes")
                    .hasMessageNotContaining(TOKEN);
            assertThat(sync.state()).isEqualTo(PreorderSync.State.STOPPED);
        }
        assertThat(shop.metafield(variant.id(), "HC_PREORDER", "preorder")).as("nothing was written").isEmpty();
    }

    @Test
    void configuredToContinueTheEngineReportsTheProblemRunsAndListsOnceTheScopeIsGranted() {
        shop.revokeScope("write_inventory");
        try (PreorderSync sync = engine().continueOnSetupProblems(true).reconcileInterval(Duration.ofMinutes(5)).build()) {
            sync.startManual();
            sync.runUntilIdle(100);
            assertThat(sync.state()).isEqualTo(PreorderSync.State.RUNNING);
            assertThat(events).filteredOn(SyncEvent.SetupProblem.class::isInstance).map(SyncEvent.SetupProblem.class::cast)
                    .filteredOn(SyncEvent.SetupProblem::blocking).singleElement().satisfies(p -> {
                        assertThat(p.publisher()).isEqualTo(shop.shopDomain());
                        assertThat(p.check()).isEqualTo("access-scopes");
                        assertThat(p.reason()).contains("write_inventory");
                        assertThat(p.fix()).contains("write_inventory");
                    });
            // The engine runs, and the publisher refuses the store as one channel problem until it is fixed.
            assertThat(events).filteredOn(SyncEvent.ChannelProblem.class::isInstance).isNotEmpty();
            assertThat(shop.metafield(variant.id(), "HC_PREORDER", "preorder")).isEmpty();

            shop.grantScope("write_inventory");
            time.advance(Duration.ofMinutes(6));
            sync.runUntilIdle(100);
            assertThat(available()).isEqualTo(6);
        }
    }
}
