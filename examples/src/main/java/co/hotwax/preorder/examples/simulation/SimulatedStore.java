package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.testkit.CartLine;
import co.hotwax.preorder.testkit.CheckoutResult;
import co.hotwax.preorder.testkit.CostModel;
import co.hotwax.preorder.testkit.FaultPlan;
import co.hotwax.preorder.testkit.FaultRates;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.LedgerEntry;
import co.hotwax.preorder.testkit.OversellLedger;
import co.hotwax.preorder.testkit.Product;
import co.hotwax.preorder.testkit.RequestLogEntry;
import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.SimulatorStats;
import co.hotwax.preorder.testkit.Variant;
import co.hotwax.preorder.testkit.VirtualClock;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Shopify store of a run: the testkit's simulator on loopback, seeded with one product and tracked variant
 * per SKU (policy DENY, stocked at 0 at a dedicated pre-order location and at a warehouse), sharing the run's
 * virtual clock. Every simulator call of the harness goes through here. A multi-store run has one per store, each
 * its own simulator (its own shop, bucket, faults and oversell ledger).
 *
 * <p>A store is a multi-location store ({@link StoreLayout}): besides the pre-order location and the warehouse it
 * has physical locations that stock in-stock SKUs (tracked, DENY), fulfil online orders or only sell at their POS,
 * in the merchant's fulfilment priority list. Online carts go through Shopify's checkout (summed available of the
 * online locations, routed by priority), POS sales through the location's own available. Every store charges by
 * Shopify's documented cost calculation ({@link CostModel#documented()}).
 */
public final class SimulatedStore implements AutoCloseable {
    /** The API version every client of the run uses. */
    public static final String API_VERSION = "2026-04";
    /** The product tag that marks pre-order items (HotWax's default). */
    public static final String PREORDER_TAG = "HC:Pre-Order";
    /** A recognisable token: the adapter must never print it. */
    static final String TOKEN = "shpat_simulation_do_not_print";
    /** Spreads the fault plans of a run's stores apart; store 0 keeps the seed itself. */
    private static final long FAULT_STREAM = 0x9E3779B97F4A7C15L;

    /**
     * A store's counters at the end of a run, or the sum over a run's stores ({@link #plus}).
     *
     * @param requests GraphQL requests received
     * @param throttled requests answered THROTTLED
     * @param faultsInjected requests an injected fault disturbed
     * @param writesApplied write entries that changed state
     * @param writesRefused write entries refused with user errors
     * @param retriedKeys idempotency keys sent more than once (a retry reusing its key), in the retained log
     * @param quantityWritesApplied quantity entries of {@code inventorySetQuantities} the store applied
     * @param bulkQueries {@code bulkOperationRunQuery} requests the store executed (the adapter's bulk export)
     */
    public record Counts(long requests, long throttled, long faultsInjected, long writesApplied,
                         long writesRefused, long retriedKeys, long quantityWritesApplied, long bulkQueries) {
        /**
         * The sum of these counters and another store's.
         *
         * @param o the other store's counters
         * @return the sums
         */
        public Counts plus(Counts o) {
            return new Counts(requests + o.requests, throttled + o.throttled, faultsInjected + o.faultsInjected,
                    writesApplied + o.writesApplied, writesRefused + o.writesRefused, retriedKeys + o.retriedKeys,
                    quantityWritesApplied + o.quantityWritesApplied, bulkQueries + o.bulkQueries);
        }
    }

    private final ShopifySimulator simulator;
    private final StoreSpec spec;
    private final OversellLedger ledger = new OversellLedger();
    private final String preorderLocationId;
    private final String warehouseLocationId;
    private final Map<String, Variant> variants = new LinkedHashMap<>();
    private final Map<String, String> locationIds = new LinkedHashMap<>();
    private Runnable afterEveryCall = () -> { };

    /**
     * Starts the simulator and creates the catalog.
     *
     * @param clock the run's clock (the simulator's latency and slow responses advance it)
     * @param skus one product and variant each
     * @param seed seeds the fault plan (mixed with the store's index, so stores meet different faults)
     * @param options fault rate and latency
     * @param spec the store's domain and weight
     * @param index the store's index in the run, 0 for the first
     */
    public SimulatedStore(VirtualClock clock, List<String> skus, long seed, RunOptions options, StoreSpec spec,
                          int index) {
        FaultPlan faults = options.faultRate() == 0 ? FaultPlan.none()
                : FaultPlan.seeded(seed + index * FAULT_STREAM, faultRates(options.faultRate()));
        this.spec = spec;
        this.simulator = ShopifySimulator.builder()
                .shopDomain(spec.shopDomain())
                .accessToken(TOKEN)
                .clock(clock)
                .sleeper(clock)
                .latency(options.latency())
                .faults(faults)
                .ledger(ledger)
                .costModel(CostModel.documented())
                .threads(1)
                .start();
        this.preorderLocationId = simulator.addLocation(StoreLayout.PREORDER).id();
        // Fulfils moved orders but does not sell online: stocked there and selling online, every SKU would fail the
        // store preflight (checkout would count it and routing could commit orders there; README "Store setup").
        this.warehouseLocationId = simulator.addLocation("Warehouse", false).id();
        for (String sku : skus) {
            Product product = simulator.addProduct("Product " + sku, List.of());
            Variant variant = simulator.addVariant(product.id(), sku, true, InventoryPolicy.DENY);
            simulator.stock(variant.inventoryItemId(), preorderLocationId, 0);
            simulator.stock(variant.inventoryItemId(), warehouseLocationId, 0);
            variants.put(sku, variant);
        }
        locationIds.put(StoreLayout.PREORDER, preorderLocationId);
        StoreLayout layout = spec.layout();
        for (StoreLayout.PhysicalLocation physical : layout.locations()) {
            locationIds.put(physical.name(), simulator.addLocation(physical.name(), physical.fulfilsOnlineOrders()).id());
        }
        for (String sku : layout.inStockSkus()) {
            Variant variant = simulator.addVariant(simulator.addProduct("Product " + sku, List.of()).id(), sku, true,
                    InventoryPolicy.DENY);
            for (StoreLayout.PhysicalLocation physical : layout.locations()) {
                Integer units = physical.stock().get(sku);
                if (units != null) {
                    simulator.stock(variant.inventoryItemId(), locationIds.get(physical.name()), units);
                }
            }
        }
        routingPriority(layout.priority());
    }

    /** Throttling, 429, 5xx, resets and lost responses in fixed proportions of {@code rate}. */
    private static FaultRates faultRates(double rate) {
        return FaultRates.builder()
                .http429(rate * 0.2)
                .http500(rate * 0.1)
                .http502(rate * 0.1)
                .http503(rate * 0.1)
                .reset(rate * 0.2)
                .appliedResponseLost(rate * 0.3)
                .retryAfterSeconds(1)
                .build();
    }

    /**
     * The SKUs of the catalog, in creation order.
     *
     * @return the SKUs
     */
    public List<String> skus() {
        return List.copyOf(variants.keySet());
    }

    /**
     * The store's weight in the split of shared pools.
     *
     * @return the weight, at least 1
     */
    public int weight() {
        return spec.weight();
    }

    /**
     * Sets what runs after every call a client from {@link #observedHttpClient()} makes to this store, answered
     * or failed: the run's invariant check.
     *
     * @param check the check
     */
    void afterEveryCall(Runnable check) {
        this.afterEveryCall = check;
    }

    /**
     * A new HTTP client for the SDK's adapter that runs the run's check after every call to this store, before the
     * adapter sees the answer.
     *
     * @return the client
     */
    public java.net.http.HttpClient observedHttpClient() {
        return ObservedHttpClient.newClient(() -> { }, () -> afterEveryCall.run());
    }

    /**
     * The shop domain, which is also the channel id of its pre-orders.
     *
     * @return the domain
     */
    public String shopDomain() {
        return simulator.shopDomain();
    }

    /**
     * The GraphQL endpoint for {@link #API_VERSION}.
     *
     * @return the loopback URI
     */
    public URI endpoint() {
        return simulator.graphqlEndpoint(API_VERSION);
    }

    /**
     * The access token the store accepts.
     *
     * @return the token
     */
    String token() {
        return TOKEN;
    }

    /**
     * A plain GraphQL client for the comparators.
     *
     * @return a new client
     */
    public StoreAdminClient adminClient() {
        return new StoreAdminClient(endpoint(), TOKEN);
    }

    /**
     * The dedicated pre-order location the sync owns.
     *
     * @return its GID
     */
    public String preorderLocationId() {
        return preorderLocationId;
    }

    /**
     * The product of a SKU.
     *
     * @param sku the SKU
     * @return its GID
     */
    public String productId(String sku) {
        return variant(sku).productId();
    }

    /**
     * The variant of a SKU.
     *
     * @param sku the SKU
     * @return its GID
     */
    public String variantId(String sku) {
        return variant(sku).id();
    }

    /**
     * The inventory item of a SKU.
     *
     * @param sku the SKU
     * @return its GID
     */
    public String inventoryItemId(String sku) {
        return variant(sku).inventoryItemId();
    }

    /**
     * A shopper checks out online: a pre-order SKU and, in a mixed cart, one unit of each in-stock SKU. Shopify
     * checks the whole cart against the summed available of the online locations and routes it by the priority
     * list.
     *
     * @param sku the pre-order SKU
     * @param quantity its units
     * @param inStock in-stock SKUs in the same cart
     * @return the checkout's outcome: the booked lines (each its own order) and where each was committed
     */
    public CheckoutResult checkout(String sku, int quantity, List<String> inStock) {
        List<CartLine> cart = new ArrayList<>();
        cart.add(CartLine.of(variantId(sku), quantity));
        inStock.forEach(other -> cart.add(CartLine.of(other, 1)));
        return simulator.orders().checkout(cart);
    }

    /**
     * A sale at a physical location's POS, one unit of each SKU.
     *
     * @param location the physical location's name
     * @param skus pre-order or in-stock SKUs
     * @return the sale's outcome
     */
    public CheckoutResult posSale(String location, List<String> skus) {
        List<CartLine> cart = new ArrayList<>();
        skus.forEach(sku -> cart.add(CartLine.of(sku, 1)));
        return simulator.orders().posSale(locationId(location), cart);
    }

    /**
     * Turns a physical location's "Fulfill online orders from this location" on or off.
     *
     * @param location the physical location's name
     * @param fulfilsOnlineOrders the new setting
     */
    public void fulfilsOnlineOrders(String location, boolean fulfilsOnlineOrders) {
        simulator.setFulfillsOnlineOrders(locationId(location), fulfilsOnlineOrders);
    }

    /**
     * Sets the fulfilment priority list.
     *
     * @param locations location names ({@link StoreLayout#PREORDER} and physical ones), highest priority first
     */
    public void routingPriority(List<String> locations) {
        simulator.routingPriority(locations.stream().map(this::locationId).toList());
    }

    /**
     * Revokes the app's access scope, or grants it again.
     *
     * @param scope the scope
     * @param granted true to grant
     */
    public void scope(String scope, boolean granted) {
        if (granted) {
            simulator.grantScope(scope);
        } else {
            simulator.revokeScope(scope);
        }
    }

    /**
     * Requests the store answered with GraphQL errors between two instants (an ACCESS_DENIED answer is one).
     *
     * @param from from this instant on
     * @param to before this instant
     * @return how many
     */
    public long errorAnswers(Instant from, Instant to) {
        return simulator.requestLog().stream()
                .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to) && e.outcome().startsWith("errors"))
                .count();
    }

    /**
     * The location's GID.
     *
     * @param location {@link StoreLayout#PREORDER} or a physical location's name
     * @return the GID
     */
    public String locationId(String location) {
        String id = locationIds.get(location);
        if (id == null) {
            throw new IllegalArgumentException("no location " + location + " in store " + shopDomain());
        }
        return id;
    }

    /**
     * Moves a released order's fulfilment from the pre-order location to the warehouse.
     *
     * @param orderId the store's order id
     */
    public void moveFulfilment(String orderId) {
        simulator.orders().moveFulfilment(orderId, warehouseLocationId);
    }

    /**
     * Shopify's available quantity of a SKU at the pre-order location.
     *
     * @param sku the SKU
     * @return available (may be negative under CONTINUE)
     */
    public long available(String sku) {
        return simulator.quantity(inventoryItemId(sku), preorderLocationId, "available");
    }

    /**
     * Declares to the simulator's oversell ledger what Shopify may have sold in total (meaningful for a store that
     * has a pool to itself).
     *
     * @param sku the SKU
     * @param at from when
     * @param capacity the units
     */
    public void declareCapacity(String sku, Instant at, long capacity) {
        ledger.declareCapacity(sku, at, capacity);
    }

    /**
     * The simulator's own count of oversold units.
     *
     * @return the ledger's total
     */
    public long ledgerOversold() {
        return ledger.totalOversold();
    }

    /**
     * The store's counters now.
     *
     * @return the counts
     */
    public Counts counts() {
        SimulatorStats stats = simulator.stats();
        Map<String, Integer> uses = new HashMap<>();
        for (RequestLogEntry entry : simulator.requestLog()) {
            if (entry.idempotencyKey() != null) {
                uses.merge(entry.idempotencyKey(), 1, Integer::sum);
            }
        }
        long retried = uses.values().stream().filter(n -> n > 1).count();
        long quantityWrites = 0;
        for (LedgerEntry entry : ledger.history()) {
            if (entry instanceof LedgerEntry.WriteEntry w && w.applied()
                    && "inventorySetQuantities".equals(w.operation())) {
                quantityWrites++;
            }
        }
        return new Counts(stats.requests(), stats.throttled(), stats.faultsInjected(), stats.writesApplied(),
                stats.writesRefused(), retried, quantityWrites,
                stats.operations().getOrDefault("bulkOperationRunQuery", 0L));
    }

    private Variant variant(String sku) {
        Variant v = variants.get(sku);
        if (v == null) {
            throw new IllegalArgumentException("no variant for sku " + sku + " in this run's store");
        }
        return v;
    }

    @Override
    public void close() {
        simulator.close();
    }

}
