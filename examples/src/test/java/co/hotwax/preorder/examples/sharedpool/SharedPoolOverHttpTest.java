package co.hotwax.preorder.examples.sharedpool;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.examples.simulation.ObservedHttpClient;
import co.hotwax.preorder.shopify.PublishMode;
import co.hotwax.preorder.shopify.ShopifyPublisher;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPreOrderSource;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 3 end to end: the engine, the real {@link ShopifyPublisher} over HTTP and one simulator per store,
 * with stores sharing every pool and one shopper thread per store checking out while the engine writes. The OMS
 * imports each order 0-5 s (virtual) late. After every call the adapter makes to any store, with shoppers held off
 * only for the reading, what the stores together will still sell never exceeds what remains: {@code sum over stores of
 * max(0, available) <= max(0, P - orders in flight in every store)}; and at the end no pool has sold more than it
 * holds.
 *
 * <p>Shared-location mode (three stores, decreases written as deltas) and per-facility mode (two stores, two
 * facilities each mapped to its own location, each facility its own pool) run the same checks.
 */
class SharedPoolOverHttpTest {
    private static final String TOKEN = "shpat_shared_pool_over_http";
    private static final String SKU = "JKT-1";
    private static final LocalDate ETA = LocalDate.parse("2026-09-01");
    private static final int STEPS = 400;

    @Test
    void threeStoresInSharedLocationModeNeverOfferMoreThanRemains() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            new Run(seed, 3, PublishMode.SHARED_LOCATION, new String[] {"WH1"}).play();
        }
    }

    @Test
    void twoStoresPerFacilityNeverOfferMoreThanRemainsAtAnyFacility() throws Exception {
        for (long seed = 11; seed <= 12; seed++) {
            new Run(seed, 2, PublishMode.DEDICATED_LOCATION, new String[] {"WH1", "WH2"}).play();
        }
    }

    /** One Shopify store: a simulator, its locations (one per facility) and the variant. */
    private record Store(ShopifySimulator shop, List<Location> locations, Variant variant) {
        long available(int facility) {
            return shop.quantity(variant.inventoryItemId(), locations.get(facility).id(), "available");
        }
    }

    /** An order a store accepted, waiting for the OMS to import it. */
    private record Pending(Instant importAt, PreOrder order) {
    }

    private static final class Run {
        final long seed;
        final int storeCount;
        final PublishMode mode;
        final String[] facilities;
        final boolean perFacility;
        final VirtualClock time = new VirtualClock(Instant.parse("2026-06-01T10:00:00Z"));
        final SplittableRandom random;
        final List<Store> stores = new ArrayList<>();
        final long[] supply;
        /** Units shoppers bought per facility; written under {@code this} by shoppers, read under it by checks. */
        final long[] sold;
        final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean publishing = new AtomicBoolean();
        final AtomicInteger boughtDuringPublish = new AtomicInteger();
        final AtomicInteger orderSeq = new AtomicInteger();
        final List<String> breaches = new ArrayList<>();
        int checks;

        Run(long seed, int storeCount, PublishMode mode, String[] facilities) {
            this.seed = seed;
            this.storeCount = storeCount;
            this.mode = mode;
            this.facilities = facilities;
            this.perFacility = facilities.length > 1;
            this.random = new SplittableRandom(seed);
            this.supply = new long[facilities.length];
            this.sold = new long[facilities.length];
        }

        void play() throws Exception {
            InMemoryPurchaseOrderSource supplyFeed = new InMemoryPurchaseOrderSource();
            InMemoryPreOrderSource orders = new InMemoryPreOrderSource();
            for (int f = 0; f < facilities.length; f++) {
                supply[f] = 60 + random.nextInt(60);
                supplyFeed.put(line(f));
            }
            PreorderSync.Builder builder = PreorderSync.builder().supply(supplyFeed).preOrders(orders).clock(time)
                    .random(new SplittableRandom(seed)).retryBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
                    .publishPhysicalStock(mode == PublishMode.SHARED_LOCATION)
                    .policy(BookPolicy.builder().perFacility(perFacility).build())
                    .sleeper(d -> { throw new AssertionError("manual mode never sleeps"); });
            List<ShopifyPublisher> publishers = new ArrayList<>();
            AtomicBoolean shopping = new AtomicBoolean(true);
            List<Thread> shoppers = new ArrayList<>();
            try {
                for (int s = 0; s < storeCount; s++) {
                    Store store = store(s);
                    stores.add(store);
                    ShopifyPublisher publisher = publisher(store, s);
                    publishers.add(publisher);
                    builder.publisher(publisher, 1 + random.nextInt(3));
                }
                try (PreorderSync sync = builder.build()) {
                    sync.startManual();
                    sync.runUntilIdle(500);
                    for (int s = 0; s < storeCount; s++) {
                        Thread shopper = shopper(stores.get(s), new SplittableRandom(seed * 31 + s), shopping);
                        shoppers.add(shopper);
                        shopper.start();
                    }
                    for (int step = 0; step < STEPS && !soldOut(); step++) {
                        time.advance(Duration.ofMillis(250));
                        importDue(sync, false);
                        if (random.nextInt(40) == 0) {
                            // More units ordered: an increase Shopify may see at once, no propagation window.
                            int f = random.nextInt(facilities.length);
                            synchronized (this) {
                                supply[f] += 5 + random.nextInt(10);
                            }
                            sync.supplyChanged(line(f));
                        }
                        sync.runUntilIdle(500);
                        Thread.sleep(2);
                    }
                    shopping.set(false);
                    for (Thread shopper : shoppers) {
                        shopper.join();
                    }
                    importDue(sync, true);
                    sync.runUntilIdle(500);
                    check();
                }
            } finally {
                shopping.set(false);
                for (Thread shopper : shoppers) {
                    shopper.join();
                }
                publishers.forEach(ShopifyPublisher::close);
                stores.forEach(s -> s.shop().close());
            }
            String run = "seed " + seed + ", " + storeCount + " stores, " + mode + ", facilities "
                    + String.join("/", facilities);
            assertThat(breaches).as("%s: the stores offered more than remains after a call", run).isEmpty();
            assertThat(checks).as("%s: calls checked", run).isGreaterThan(storeCount);
            assertThat(boughtDuringPublish.get()).as("%s: shoppers checked out while the engine wrote", run)
                    .isPositive();
            for (int f = 0; f < facilities.length; f++) {
                assertThat(sold[f]).as("%s: units sold at %s", run, facilities[f]).isPositive()
                        .isLessThanOrEqualTo(supply[f]);
            }
        }

        Store store(int index) {
            ShopifySimulator shop = ShopifySimulator.builder().shopDomain("store-" + index + ".myshopify.com")
                    .accessToken(TOKEN).clock(time).sleeper(time).start();
            List<Location> locations = new ArrayList<>();
            for (String facility : facilities) {
                locations.add(shop.addLocation(mode == PublishMode.SHARED_LOCATION ? "Shop " + facility
                        : "Pre-order " + facility));
            }
            Variant variant = shop.addVariant(shop.addProduct("Jacket", List.of()).id(), SKU, true,
                    InventoryPolicy.DENY);
            for (Location location : locations) {
                shop.stock(variant.inventoryItemId(), location.id(), 0);
            }
            return new Store(shop, locations, variant);
        }

        ShopifyPublisher publisher(Store store, int index) {
            ShopifyPublisherConfig.Builder config = ShopifyPublisherConfig.builder()
                    .shopDomain(store.shop().shopDomain())
                    .endpoint(base(store.shop()))
                    .accessToken(() -> TOKEN)
                    .defaultLocationId(store.locations().get(0).id())
                    .mode(mode);
            if (perFacility) {
                for (int f = 0; f < facilities.length; f++) {
                    config.facilityLocation(facilities[f], store.locations().get(f).id());
                }
            }
            // Every call is observed: shoppers learn a write is on, and every store is checked once it is answered.
            ObservedHttpClient http = ObservedHttpClient.newClient(() -> publishing.set(true), () -> {
                publishing.set(false);
                check();
            });
            return ShopifyPublisher.builder(config.build()).clock(time).sleeper(time).httpClient(http)
                    .random(new SplittableRandom(seed * 7 + index)).build();
        }

        /** A shopper keeps checking out in one store while the engine works, each order imported later. */
        Thread shopper(Store store, SplittableRandom rnd, AtomicBoolean shopping) {
            return new Thread(() -> {
                while (shopping.get()) {
                    int f = rnd.nextInt(facilities.length);
                    int qty = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 4 : 2);
                    boolean during;
                    synchronized (this) {
                        during = publishing.get();
                        var result = store.shop().orders().placeOrder(store.variant().id(), qty,
                                store.locations().get(f).id());
                        if (result.accepted()) {
                            sold[f] += qty;
                            if (during) {
                                boughtDuringPublish.incrementAndGet();
                            }
                            PreOrder order = new PreOrder("SO-" + orderSeq.incrementAndGet(), "1", SKU, qty,
                                    time.instant(), store.shop().shopDomain(), PreOrderStatus.OPEN, null,
                                    perFacility ? facilities[f] : null);
                            pending.add(new Pending(time.instant().plusMillis(rnd.nextInt(5_000)), order));
                        }
                    }
                    try {
                        Thread.sleep(1 + rnd.nextInt(3));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "shopper-" + store.shop().shopDomain());
        }

        void importDue(PreorderSync sync, boolean all) {
            Instant now = time.instant();
            for (var it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (all || !p.importAt().isAfter(now)) {
                    it.remove();
                    sync.preOrderTaken(p.order());
                }
            }
        }

        SupplyLine line(int f) {
            return SupplyLine.open("L" + f, "PO-" + f, SKU, facilities[f], supply[f], ETA);
        }

        synchronized boolean soldOut() {
            for (int f = 0; f < facilities.length; f++) {
                if (sold[f] < supply[f]) {
                    return false;
                }
            }
            return true;
        }

        /** Shoppers wait while every store is read, so the figures are one instant's. */
        synchronized void check() {
            checks++;
            for (int f = 0; f < facilities.length; f++) {
                long willSell = 0;
                List<Long> each = new ArrayList<>();
                for (Store store : stores) {
                    long available = store.available(f);
                    each.add(available);
                    willSell += Math.max(0, available);
                }
                long remaining = Math.max(0, supply[f] - sold[f]);
                if (willSell > remaining && breaches.size() < 20) {
                    breaches.add(time.instant() + " " + facilities[f] + ": stores show " + each + ", " + remaining
                            + " remain (supply " + supply[f] + ", sold " + sold[f] + ")");
                }
            }
        }
    }

    private static java.net.URI base(ShopifySimulator shop) {
        java.net.URI endpoint = shop.graphqlEndpoint("2026-04");
        return java.net.URI.create(endpoint.getScheme() + "://" + endpoint.getAuthority());
    }
}
