package co.hotwax.preorder.examples.preflight;

import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.CartLine;
import co.hotwax.preorder.testkit.CheckoutResult;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.SellingPlanGroup;
import co.hotwax.preorder.testkit.SellingPlanReserve;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.SimulatedOrder;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One seeded run of a misconfigured store: the simulator, the engine with a {@link ShopifyPublisher} (preflight on
 * or off), shoppers who keep buying beyond what exists, and an OMS that imports their orders a few steps late. The
 * simulator's oversell ledger counts units sold beyond the supply line.
 *
 * <p>The engine is built with {@code continueOnSetupProblems(true)} in both runs, so a store-level blocker does not
 * stop the start (that is shown elsewhere): what keeps the store safe here is the publisher's own preflight in
 * publish.
 */
final class MisconfiguredStoreRun {
    /** How the store is set up wrong. */
    enum Kind {
        /** Another online location stocks the SKU: another inventory sync keeps a few (phantom) units there. */
        STOCKED_ELSEWHERE,
        /** Another app's selling plan on the SKU reserves inventory only on fulfilment. */
        RESERVING_PLAN,
        /** The token lacks read_locations, which hides a warehouse stocking the SKU from any check. */
        MISSING_SCOPE,
        /** The pre-order location is deactivated. */
        INACTIVE_LOCATION,
        /** The pre-order location does not fulfil online orders. */
        OFFLINE_LOCATION,
        /**
         * A physical store that fulfils online orders comes first in the routing priority and stocks the pre-order
         * SKU (its own count, kept by the store's stock sync) beside in-stock goods: mixed carts route there whole,
         * and checkout sums its units with the pre-order location's.
         */
        ONLINE_STORE_FIRST,
        /**
         * The SKU is stocked (the store's own count) at a POS-only store, which the preflight accepts; after the SKU
         * is listed the merchant turns on "Fulfill online orders" there, so checkout starts summing its units.
         */
        TURNED_ONLINE_AFTER_LISTING
    }

    /**
     * How a kind sets the store up: the selling plan shoppers buy with (or null), in-stock goods they add to their
     * cart (or null), and what the merchant changes once the SKU is listed.
     */
    private record Setup(String plan, String inStockSku, Runnable afterListing) {
        static Setup plain() {
            return new Setup(null, null, () -> { });
        }
    }

    /**
     * What a run showed.
     *
     * @param kind the misconfiguration
     * @param preflight whether the publisher's preflight was on
     * @param supply the units on the supply line (the capacity)
     * @param sold units Shopify sold in all, net of cancellations
     * @param oversold units sold beyond the supply
     * @param setupProblems setup problems the engine reported at start
     * @param rejections rejections the engine reported (per SKU, or once for the store)
     */
    record Outcome(Kind kind, boolean preflight, long supply, long sold, long oversold, int setupProblems, int rejections) {
    }

    private static final String TOKEN = "shpat_misconfigured-store";
    private static final String SKU = "MISCONF-1";
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final int IMPORT_LAG_STEPS = 3;

    private MisconfiguredStoreRun() {
    }

    /**
     * Runs one seed.
     *
     * @param seed the seed: supply, phantom units, shoppers' quantities
     * @param kind the misconfiguration
     * @param preflight whether the publisher's preflight is on
     * @return what happened
     * @throws Exception when the simulator cannot start
     */
    static Outcome run(long seed, Kind kind, boolean preflight) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        long supply = 4 + random.nextInt(9);
        int phantom = 1 + random.nextInt(3);
        VirtualClock time = new VirtualClock(T0);
        List<SyncEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (ShopifySimulator shop = ShopifySimulator.builder().accessToken(TOKEN).clock(time).sleeper(time::sleep).start()) {
            Location preorders = shop.addLocation("Pre-orders");
            Location warehouse = shop.addLocation("Warehouse");
            Variant variant = shop.addVariant(shop.addProduct("Jacket", List.of()).id(), SKU, true, InventoryPolicy.DENY);
            Setup setup = misconfigure(kind, shop, preorders, warehouse, variant, phantom);
            shop.ledger().declareCapacity(SKU, T0, supply);

            InMemoryPurchaseOrderSource po = new InMemoryPurchaseOrderSource();
            po.put(SupplyLine.open("L1", "PO-1", SKU, "WH1", supply, LocalDate.parse("2026-08-01")));
            ShopifyPublisher publisher = ShopifyPublisher.builder(ShopifyPublisherConfig.builder()
                            .shopDomain(shop.shopDomain()).endpoint(shop.graphqlEndpoint("2026-04").resolve("/"))
                            .accessToken(() -> TOKEN).defaultLocationId(preorders.id()).preflight(preflight).build())
                    .clock(time).sleeper(time).random(new SplittableRandom(seed ^ 0x5EED)).build();
            try (PreorderSync sync = PreorderSync.builder().supply(po).publisher(publisher).clock(time)
                    .random(new SplittableRandom(seed)).listener(events::add).continueOnSetupProblems(true)
                    .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .sleeper(d -> { throw new AssertionError("manual mode never sleeps"); }).build()) {
                sync.startManual();
                sync.runUntilIdle(200);
                setup.afterListing().run();
                shop(random, shop, sync, time, setup, 3 * supply + phantom + 2);
            }
            return new Outcome(kind, preflight, supply, shop.ledger().soldNet(SKU), shop.ledger().totalOversold(),
                    count(events, SyncEvent.SetupProblem.class),
                    count(events, SyncEvent.Rejected.class) + count(events, SyncEvent.ChannelProblem.class));
        }
    }

    /** Sets the store up wrong. */
    private static Setup misconfigure(Kind kind, ShopifySimulator shop, Location preorders, Location warehouse,
                                      Variant variant, int phantom) {
        switch (kind) {
            case STOCKED_ELSEWHERE -> shop.stock(variant.id(), warehouse.id(), phantom);
            case RESERVING_PLAN -> {
                SellingPlanGroup group = shop.addSellingPlanGroup("Other app pre-order", SellingPlanReserve.ON_FULFILLMENT,
                        List.of(variant.id()));
                return new Setup(group.planId(), null, () -> { });
            }
            case MISSING_SCOPE -> {
                shop.revokeScope("read_locations");
                shop.stock(variant.id(), warehouse.id(), phantom);
            }
            case INACTIVE_LOCATION -> shop.setActive(preorders.id(), false);
            case OFFLINE_LOCATION -> shop.setFulfillsOnlineOrders(preorders.id(), false);
            case ONLINE_STORE_FIRST -> {
                Location store = shop.addLocation("High street", true);
                shop.routingPriority(List.of(store.id(), preorders.id()));
                shop.stock(variant.id(), store.id(), phantom);
                return new Setup(null, inStockAt(shop, store), () -> { });
            }
            case TURNED_ONLINE_AFTER_LISTING -> {
                Location store = shop.addLocation("High street", false);
                shop.stock(variant.id(), store.id(), phantom);
                return new Setup(null, inStockAt(shop, store), () -> shop.setFulfillsOnlineOrders(store.id(), true));
            }
        }
        return Setup.plain();
    }

    /** An in-stock item the store has plenty of, for mixed carts. */
    private static String inStockAt(ShopifySimulator shop, Location store) {
        Variant tote = shop.addVariant(shop.addProduct("Tote", List.of()).id(), "TOTE-1", true, InventoryPolicy.DENY);
        shop.stock(tote.id(), store.id(), 1_000);
        return tote.sku();
    }

    /** Shoppers try to buy {@code units} in all, 1-2 at a time; the OMS imports each order a few steps later. */
    private static void shop(SplittableRandom random, ShopifySimulator shop, PreorderSync sync, VirtualClock time,
                             Setup setup, long units) {
        Deque<List<SimulatedOrder>> toImport = new ArrayDeque<>();
        for (long tried = 0; tried < units; ) {
            int quantity = 1 + random.nextInt(2);
            tried += quantity;
            List<CartLine> cart = new ArrayList<>();
            cart.add(setup.plan() == null ? CartLine.of(SKU, quantity) : CartLine.withPlan(SKU, quantity, setup.plan()));
            if (setup.inStockSku() != null && random.nextBoolean()) {
                cart.add(CartLine.of(setup.inStockSku(), 1));
            }
            CheckoutResult result = shop.orders().checkout(cart);
            toImport.addLast(result.accepted() ? result.lines().stream().filter(l -> SKU.equals(l.sku())).toList()
                    : List.of());
            if (toImport.size() > IMPORT_LAG_STEPS) {
                importOrders(sync, shop, toImport.removeFirst());
            }
            time.advance(Duration.ofSeconds(2));
            sync.runUntilIdle(200);
        }
        while (!toImport.isEmpty()) {
            importOrders(sync, shop, toImport.removeFirst());
            sync.runUntilIdle(200);
        }
    }

    private static void importOrders(PreorderSync sync, ShopifySimulator shop, List<SimulatedOrder> orders) {
        for (SimulatedOrder order : orders) {
            sync.preOrderTaken(PreOrder.open(order.id(), "1", order.sku(), order.quantity(), order.placedAt(),
                    shop.shopDomain()));
        }
    }

    private static int count(List<SyncEvent> events, Class<? extends SyncEvent> type) {
        synchronized (events) {
            return (int) events.stream().filter(type::isInstance).count();
        }
    }
}
