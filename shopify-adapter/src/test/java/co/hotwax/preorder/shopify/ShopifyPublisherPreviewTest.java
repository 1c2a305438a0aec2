package co.hotwax.preorder.shopify;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.shopify.PlannedChange.Action;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ShopifyPublisher#preview} against the simulator over HTTP: it plans exactly what publish then does. */
class ShopifyPublisherPreviewTest {
    private static final String TOKEN = "shpat_PREVIEW-secret-7781";
    private static final LocalDate DATE = LocalDate.of(2026, 9, 1);
    /** Every mutation the simulator serves (testkit README, "Served"). */
    private static final Set<String> MUTATIONS = Set.of("inventorySetQuantities", "inventoryAdjustQuantities",
            "inventoryActivate", "inventoryItemUpdate", "productVariantsBulkUpdate", "metafieldsSet", "tagsAdd",
            "tagsRemove");

    private final VirtualClock time = new VirtualClock();
    private ShopifySimulator shop;
    private Location location;

    @BeforeEach
    void start() {
        shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep).start();
        location = shop.addLocation("Pre-order warehouse");
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    private ShopifyPublisher publisher(String token) {
        return publisher(token, 3);
    }

    /** Each publisher on one simulator needs its own seed: equal seeds send equal idempotency keys. */
    private ShopifyPublisher publisher(String token, long seed) {
        ShopifyPublisherConfig config = ShopifyPublisherConfig.builder()
                .shopDomain(shop.shopDomain())
                .endpoint(URI.create("http://127.0.0.1:" + shop.graphqlEndpoint("2026-04").getPort()))
                .accessToken(() -> token)
                .defaultLocationId(location.id())
                .maxAttempts(2)
                .build();
        return ShopifyPublisher.builder(config).clock(time).sleeper(time).random(new SplittableRandom(seed)).build();
    }

    private Variant variant(String sku, boolean tracked, InventoryPolicy policy) {
        return shop.addVariant(shop.addProduct("Product " + sku, List.of()).id(), sku, tracked, policy);
    }

    private static DesiredState listed(String sku, long sellable) {
        return new DesiredState(sku, null, sellable, 0, true, DATE, false);
    }

    private static DesiredState delisted(String sku) {
        return new DesiredState(sku, null, 0, 0, false, null, false);
    }

    private int available(Variant v) {
        return shop.quantity(v.inventoryItemId(), location.id(), "available");
    }

    @Test
    void previewPlansEveryKindOfChangeWithQueriesOnly() {
        Variant fresh = variant("NEW-1", false, InventoryPolicy.CONTINUE);
        Variant raised = variant("SET-1", true, InventoryPolicy.DENY);
        Variant ending = variant("OFF-1", true, InventoryPolicy.DENY);
        Variant same = variant("SAME-1", true, InventoryPolicy.DENY);
        String product = shop.addProduct("Twins", List.of()).id();
        shop.addVariant(product, "TWIN", true, InventoryPolicy.DENY);
        shop.addVariant(product, "TWIN", true, InventoryPolicy.DENY);
        try (ShopifyPublisher publisher = publisher(TOKEN)) {
            assertThat(publisher.publish(List.of(listed("SET-1", 5), listed("OFF-1", 4), listed("SAME-1", 7))))
                    .allMatch(o -> o.status() == PublishOutcome.Status.APPLIED);
            int before = shop.requestLog().size();

            List<PlannedChange> plan = publisher.preview(List.of(listed("NEW-1", 6), listed("SET-1", 9),
                    delisted("OFF-1"), listed("SAME-1", 7), listed("GHOST-1", 2), listed("TWIN", 1)));

            assertThat(plan).extracting(PlannedChange::sku, PlannedChange::action, PlannedChange::currentSellable,
                    PlannedChange::targetSellable).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("NEW-1", Action.LIST, 0L, 6L),
                    org.assertj.core.groups.Tuple.tuple("SET-1", Action.SET_QUANTITY, 5L, 9L),
                    org.assertj.core.groups.Tuple.tuple("OFF-1", Action.DELIST, 4L, 0L),
                    org.assertj.core.groups.Tuple.tuple("SAME-1", Action.NONE, 7L, 7L),
                    org.assertj.core.groups.Tuple.tuple("GHOST-1", Action.REJECT, -1L, -1L),
                    org.assertj.core.groups.Tuple.tuple("TWIN", Action.REJECT, -1L, -1L));
            assertThat(plan.get(0).detail()).contains("track inventory", "stock at " + location.id(), "policy DENY",
                    "metafield active, promise date 2026-09-01", "tag HC:Pre-Order", "on_hand 0 -> 6");
            assertThat(plan.get(1).detail()).isEqualTo("on_hand 5 -> 9");
            assertThat(plan.get(2).detail()).contains("on_hand 4 -> 0", "metafield inactive", "remove tag HC:Pre-Order");
            assertThat(plan.get(4).detail()).isEqualTo("no variant has sku GHOST-1");
            assertThat(plan.get(5).detail()).contains("matches 2 variants");

            List<RequestLogEntry> sent = shop.requestLog().subList(before, shop.requestLog().size());
            assertThat(sent).isNotEmpty().allSatisfy(r -> assertThat(r.rootFields()).doesNotContainAnyElementsOf(MUTATIONS));
            assertThat(available(raised)).isEqualTo(5);
            assertThat(available(ending)).isEqualTo(4);
            assertThat(shop.tracked(fresh.inventoryItemId())).isFalse();
            assertThat(available(same)).isEqualTo(7);
        }
    }

    @Test
    void publishDoesWhatPreviewPlannedWithOrdersInFlight() {
        for (long seed = 1; seed <= 6; seed++) {
            checkPreviewAgainstPublish(seed);
        }
    }

    private void checkPreviewAgainstPublish(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        Map<String, Variant> variants = new LinkedHashMap<>();
        List<DesiredState> first = new ArrayList<>();
        List<DesiredState> second = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String sku = "S" + seed + "-" + i;
            variants.put(sku, variant(sku, random.nextBoolean(), random.nextBoolean() ? InventoryPolicy.DENY
                    : InventoryPolicy.CONTINUE));
            if (random.nextInt(3) > 0) {
                first.add(random.nextInt(4) > 0 ? listed(sku, random.nextInt(1, 20)) : delisted(sku));
            }
            long open = random.nextInt(3);
            second.add(random.nextInt(4) > 0
                    ? new DesiredState(sku, null, random.nextInt(0, 25), open, true, DATE.plusDays(random.nextInt(2)), false)
                    : delisted(sku));
        }
        try (ShopifyPublisher publisher = publisher(TOKEN, 1000 + seed)) {
            publisher.publish(first);
            // Shoppers buy between the two syncs: orders Shopify took that the states may or may not know of.
            for (DesiredState state : first) {
                if (state.listed() && random.nextBoolean()) {
                    shop.orders().placeOrder(state.sku(), 1, location.id());
                }
            }
            List<PlannedChange> plan = publisher.preview(second);
            List<PublishOutcome> outcomes = publisher.publish(second);
            for (int i = 0; i < second.size(); i++) {
                PlannedChange change = plan.get(i);
                PublishOutcome outcome = outcomes.get(i);
                String where = "seed " + seed + ", " + change + " vs " + outcome;
                assertThat(outcome.status()).as(where).isEqualTo(PublishOutcome.Status.APPLIED);
                assertThat(outcome.wrote()).as(where).isEqualTo(change.writes());
                Variant v = variants.get(change.sku());
                boolean stocked = change.action() == Action.LIST || stockedAt(v);
                if (stocked) {
                    assertThat((long) available(v)).as(where).isEqualTo(change.targetSellable());
                } else {
                    assertThat(change.targetSellable()).as(where).isZero();
                }
            }
        }
    }

    private boolean stockedAt(Variant v) {
        try {
            available(v);
            return true;
        } catch (IllegalArgumentException notStocked) {
            return false;
        }
    }

    @Test
    void aWrongTokenIsReportedAsUnavailableWithoutTheToken() {
        variant("SET-1", true, InventoryPolicy.DENY);
        String wrong = "shpat_WRONG-token-5150";
        try (ShopifyPublisher publisher = publisher(wrong)) {
            assertThatThrownBy(() -> publisher.preview(List.of(listed("SET-1", 3))))
                    .isInstanceOfSatisfying(ShopifyUnavailableException.class, e -> {
                        assertThat(e.transientFailure()).isFalse();
                        assertThat(e.getMessage()).contains("401").doesNotContain(wrong).doesNotContain(TOKEN);
                    });
        }
    }
}
