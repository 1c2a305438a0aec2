package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.examples.simulation.ScenarioEvent.EngineCrash;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.OtherChannelOrder;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.Release;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.ShopperAttempt;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.SupplyChange;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.SupplyChange.Kind;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Generates a scenario from a seed: the same seed and shape always give the same scenario, so a failing seed
 * replays exactly.
 *
 * <p>Demand is front-loaded (a launch rush) and skewed towards a few hot SKUs, with total demand close to the
 * supply so that SKUs sell out while PO cuts and cancellations pull capacity below what was already promised.
 *
 * <p>A shape with several stores ({@link ScenarioShape#maxStores()} above 1) draws 2 or more stores, each with a
 * weight 1-3, its own share of the shoppers (unrelated to its weight, so some stores sell beyond their share) and
 * its own longest import lag; those draws come from a second generator, so the one-store scenario of a seed is the
 * same as before stores existed.
 */
public final class ScenarioGenerator {
    /** The first instant of every generated scenario. */
    public static final Instant START = Instant.parse("2026-05-01T08:00:00Z");
    /** The facility every generated PO line arrives at. */
    public static final String FACILITY = "WH-EAST";
    /** Mixes the seed for the second generator, which draws the stores (an odd constant, the golden ratio). */
    private static final long STORE_STREAM = 0x9E3779B97F4A7C15L;
    /** Mixes the seed for the third generator, which draws each store's locations and their events (SplitMix's). */
    private static final long LOCATION_STREAM = 0xBF58476D1CE4E5B9L;
    /**
     * The scopes revoked mid-run, one per scenario: without them the adapter's quantity writes, its marks (policy,
     * tracking, metafield, tag), or its preflight's location read are refused with ACCESS_DENIED.
     */
    public static final List<String> REVOCABLE_SCOPES = List.of("write_inventory", "write_products",
            "read_locations");
    /** The in-stock SKUs every physical location may stock (each store has its own catalog). */
    public static final List<String> IN_STOCK_SKUS = List.of("INSTOCK-1", "INSTOCK-2", "INSTOCK-3");
    /** The share of online carts that also hold in-stock SKUs. */
    private static final double MIXED_CARTS = 0.3;
    /** The share of POS carts that also try a pre-order SKU, which no physical location stocks. */
    private static final double POS_TRIES_PREORDER = 0.2;

    private final long seed;
    private final ScenarioShape shape;

    /**
     * Creates a generator.
     *
     * @param seed the seed; printed by a failing test so the run can be replayed
     * @param shape the size and mix
     */
    public ScenarioGenerator(long seed, ScenarioShape shape) {
        if (shape == null) {
            throw new IllegalArgumentException("shape must not be null");
        }
        this.seed = seed;
        this.shape = shape;
    }

    /**
     * Generates the scenario.
     *
     * @return the scenario for this seed and shape
     */
    public Scenario generate() {
        RandomGenerator rnd = new SplittableRandom(seed);
        Instant end = START.plus(shape.length());
        LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);
        List<String> skus = new ArrayList<>();
        for (int i = 1; i <= shape.skuCount(); i++) {
            skus.add(String.format("SKU-%02d", i));
        }
        Map<String, SupplyLine> lines = new LinkedHashMap<>();
        int[] poCounter = {0};
        for (String sku : skus) {
            int count = 1 + rnd.nextInt(2);
            for (int n = 0; n < count; n++) {
                SupplyLine line = newLine(rnd, sku, today, ++poCounter[0]);
                lines.put(line.lineId(), line);
            }
        }
        List<SupplyLine> initial = List.copyOf(lines.values());
        double[] weights = skuWeights(skus.size());
        RandomGenerator storeRnd = new SplittableRandom(seed * STORE_STREAM + 1);
        RandomGenerator locationRnd = new SplittableRandom(seed * LOCATION_STREAM + 2);
        List<StoreSpec> stores = new ArrayList<>();
        for (StoreSpec store : stores(storeRnd)) {
            stores.add(store.withLayout(layout(locationRnd)));
        }
        double[] demand = new double[stores.size()];
        for (int i = 0; i < demand.length; i++) {
            demand[i] = 0.2 + storeRnd.nextDouble();
        }
        List<ScenarioEvent> events = new ArrayList<>();
        for (int i = 0; i < shape.shopperAttempts(); i++) {
            String sku = skus.get(pick(rnd, weights));
            int quantity = rnd.nextDouble() < 0.85 ? 1 : 2 + rnd.nextInt(2);
            Instant at = frontLoaded(rnd, end);
            int store = 0;
            Duration lag;
            if (stores.size() == 1) {
                lag = importLag(rnd);
            } else {
                store = pick(storeRnd, demand);
                lag = between(storeRnd, shape.minImportLag(), stores.get(store).maxImportLag());
            }
            events.add(new ShopperAttempt(at, sku, quantity, lag, store,
                    mixedCart(locationRnd, stores.get(store).layout())));
        }
        events.addAll(locationEvents(locationRnd, stores, skus, end));
        for (int i = 0; i < shape.otherChannelOrders(); i++) {
            String sku = skus.get(pick(rnd, weights));
            boolean b2b = rnd.nextDouble() < 0.25;
            events.add(new OtherChannelOrder(uniform(rnd, START, end), (b2b ? "B2B-" : "POS-") + (i + 1), sku,
                    b2b ? 4 + rnd.nextInt(6) : 1, b2b ? "b2b" : "pos"));
        }
        Instant[] supplyTimes = new Instant[shape.supplyEvents()];
        for (int i = 0; i < supplyTimes.length; i++) {
            supplyTimes[i] = uniform(rnd, START, end);
        }
        Arrays.sort(supplyTimes);
        for (Instant at : supplyTimes) {
            SupplyChange change = supplyChange(rnd, at, lines, skus, today, poCounter);
            lines.put(change.line().lineId(), change.line());
            events.add(change);
            if (change.kind() == Kind.RECEIPT) {
                Instant releaseAt = at.plus(Duration.ofMinutes(5));
                if (!releaseAt.isAfter(end)) {
                    events.add(new Release(releaseAt, change.line().sku()));
                }
            }
        }
        for (int i = 0; i < shape.engineCrashes(); i++) {
            events.add(new EngineCrash(uniform(rnd, START.plus(shape.length().dividedBy(4)),
                    START.plus(shape.length().multipliedBy(3).dividedBy(4)))));
        }
        return new Scenario("seed " + seed, START, end, skus, initial, events, stores);
    }

    /**
     * 1-3 physical locations, each fulfilling online orders or not (at least one does, so mixed carts can be
     * routed), each stocking every in-stock SKU (a fifth of them at 0), in a shuffled priority list with the
     * pre-order location.
     */
    private static StoreLayout layout(RandomGenerator rnd) {
        int count = 1 + rnd.nextInt(3);
        List<StoreLayout.PhysicalLocation> locations = new ArrayList<>();
        boolean anyOnline = false;
        for (int i = 1; i <= count; i++) {
            boolean online = rnd.nextDouble() < 0.5 || i == count && !anyOnline;
            anyOnline |= online;
            Map<String, Integer> stock = new LinkedHashMap<>();
            for (String sku : IN_STOCK_SKUS) {
                stock.put(sku, rnd.nextDouble() < 0.2 ? 0 : 5 + rnd.nextInt(26));
            }
            locations.add(new StoreLayout.PhysicalLocation("Store " + i, online, stock));
        }
        List<String> priority = new ArrayList<>();
        priority.add(StoreLayout.PREORDER);
        locations.forEach(l -> priority.add(l.name()));
        shuffle(rnd, priority);
        return new StoreLayout(locations, IN_STOCK_SKUS, priority);
    }

    /** The in-stock lines of an online cart: none, or one unit of 1-2 in-stock SKUs. */
    private static List<String> mixedCart(RandomGenerator rnd, StoreLayout layout) {
        if (layout.inStockSkus().isEmpty() || rnd.nextDouble() >= MIXED_CARTS) {
            return List.of();
        }
        return someInStock(rnd, layout);
    }

    /**
     * What happens at the stores' locations: POS sales (a tenth as many as online attempts), one or two setting
     * changes per store (a location's online flag flipped, or a new priority list), and one scope revoked in one
     * store between a quarter and half of the run, granted again 1-6 minutes later.
     */
    private List<ScenarioEvent> locationEvents(RandomGenerator rnd, List<StoreSpec> stores, List<String> skus,
                                               Instant end) {
        List<ScenarioEvent> events = new ArrayList<>();
        for (int i = 0; i < Math.max(1, shape.shopperAttempts() / 10); i++) {
            int store = rnd.nextInt(stores.size());
            StoreLayout layout = stores.get(store).layout();
            if (layout.locations().isEmpty()) {
                continue;
            }
            String location = layout.locations().get(rnd.nextInt(layout.locations().size())).name();
            List<String> cart = new ArrayList<>(someInStock(rnd, layout));
            if (rnd.nextDouble() < POS_TRIES_PREORDER) {
                cart.add(skus.get(rnd.nextInt(skus.size())));
            }
            events.add(new ScenarioEvent.PosSale(uniform(rnd, START, end), store, location, cart));
        }
        for (int store = 0; store < stores.size(); store++) {
            StoreLayout layout = stores.get(store).layout();
            Map<String, Boolean> online = new LinkedHashMap<>();
            layout.locations().forEach(l -> online.put(l.name(), l.fulfilsOnlineOrders()));
            int changes = layout.locations().isEmpty() ? 0 : 1 + rnd.nextInt(2);
            Instant[] times = new Instant[changes];
            for (int c = 0; c < changes; c++) {
                times[c] = uniform(rnd, START, end);
            }
            Arrays.sort(times);
            for (Instant at : times) {
                if (rnd.nextBoolean()) {
                    String name = layout.locations().get(rnd.nextInt(layout.locations().size())).name();
                    boolean flipped = !online.get(name);
                    online.put(name, flipped);
                    events.add(new ScenarioEvent.LocationChange(at, store, name, flipped, List.of()));
                } else {
                    List<String> priority = new ArrayList<>(layout.priority());
                    shuffle(rnd, priority);
                    events.add(new ScenarioEvent.LocationChange(at, store, null, false, priority));
                }
            }
        }
        int store = rnd.nextInt(stores.size());
        String scope = REVOCABLE_SCOPES.get(rnd.nextInt(REVOCABLE_SCOPES.size()));
        Instant revoked = uniform(rnd, START.plus(shape.length().dividedBy(4)), START.plus(shape.length().dividedBy(2)));
        Instant granted = earliest(end, revoked.plus(between(rnd, Duration.ofMinutes(1), Duration.ofMinutes(6))));
        events.add(new ScenarioEvent.ScopeChange(revoked, store, scope, false));
        events.add(new ScenarioEvent.ScopeChange(granted, store, scope, true));
        return events;
    }

    /** One unit each of 1-2 in-stock SKUs. */
    private static List<String> someInStock(RandomGenerator rnd, StoreLayout layout) {
        List<String> skus = new ArrayList<>(layout.inStockSkus());
        shuffle(rnd, skus);
        return List.copyOf(skus.subList(0, 1 + rnd.nextInt(2)));
    }

    private static void shuffle(RandomGenerator rnd, List<String> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rnd.nextInt(i + 1));
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One store, or 2 to {@code maxStores} with their weights and longest import lags. */
    private List<StoreSpec> stores(RandomGenerator storeRnd) {
        if (shape.maxStores() == 1) {
            return List.of(StoreSpec.single());
        }
        int count = 2 + storeRnd.nextInt(shape.maxStores() - 1);
        List<StoreSpec> stores = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            stores.add(new StoreSpec("store-" + i + ".myshopify.com", 1 + storeRnd.nextInt(3),
                    between(storeRnd, shape.minImportLag(), shape.maxImportLag())));
        }
        return stores;
    }

    private SupplyChange supplyChange(RandomGenerator rnd, Instant at, Map<String, SupplyLine> lines,
                                      List<String> skus, LocalDate today, int[] poCounter) {
        List<SupplyLine> open = new ArrayList<>();
        for (SupplyLine l : lines.values()) {
            if (l.status() == SupplyStatus.OPEN) {
                open.add(l);
            }
        }
        double roll = rnd.nextDouble();
        if (open.isEmpty() || roll < 0.12) {
            String sku = skus.get(rnd.nextInt(skus.size()));
            return new SupplyChange(at, newLine(rnd, sku, today, ++poCounter[0]), Kind.NEW);
        }
        SupplyLine line = open.get(rnd.nextInt(open.size()));
        long onOrder = line.onOrder();
        if (roll < 0.27) {
            return new SupplyChange(at, line.withOrdered(line.ordered() + 5 + rnd.nextInt(16)), Kind.INCREASE);
        }
        if (roll < 0.47 && onOrder > 1) {
            long cut = 1 + rnd.nextLong(Math.max(1, onOrder * 3 / 4));
            return new SupplyChange(at, line.withOrdered(line.ordered() - cut), Kind.CUT);
        }
        if (roll < 0.57) {
            return new SupplyChange(at, line.withStatus(SupplyStatus.CANCELLED), Kind.CANCEL);
        }
        if (roll < 0.70) {
            LocalDate eta = line.eta().plusDays(-5 + rnd.nextInt(26));
            LocalDate earliest = today.plusDays(7);
            return new SupplyChange(at, line.withEta(eta.isBefore(earliest) ? earliest : eta), Kind.ETA_CHANGE);
        }
        if (roll < 0.90 && onOrder > 0) {
            long received = 1 + rnd.nextLong(Math.max(1, (onOrder + 1) / 2));
            return new SupplyChange(at, line.withReceived(line.received() + received), Kind.RECEIPT);
        }
        if (line.received() > 0) {
            return new SupplyChange(at, line.withStatus(SupplyStatus.CLOSED), Kind.CLOSE_SHORT);
        }
        return new SupplyChange(at, line.withOrdered(line.ordered() + 1 + rnd.nextInt(5)), Kind.INCREASE);
    }

    private static SupplyLine newLine(RandomGenerator rnd, String sku, LocalDate today, int po) {
        String poId = String.format("PO-%03d", po);
        long ordered = 15 + rnd.nextInt(36);
        long buffer = rnd.nextDouble() < 0.2 ? 1 + rnd.nextInt(3) : 0;
        return new SupplyLine(poId + "/1", poId, sku, FACILITY, ordered, 0, 0,
                today.plusDays(20 + rnd.nextInt(41)), SupplyStatus.OPEN, buffer);
    }

    private Duration importLag(RandomGenerator rnd) {
        return between(rnd, shape.minImportLag(), shape.maxImportLag());
    }

    private static Duration between(RandomGenerator rnd, Duration from, Duration to) {
        long min = from.toMillis();
        long max = Math.max(min, to.toMillis());
        return Duration.ofMillis(min + (max == min ? 0 : rnd.nextLong(max - min + 1)));
    }

    private static double[] skuWeights(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / (i + 1);
        }
        return w;
    }

    /**
     * Draws an index with probability proportional to its weight.
     *
     * @param rnd the generator
     * @param weights non-negative weights, at least one positive
     * @return the index drawn
     */
    public static int pick(RandomGenerator rnd, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Squaring a uniform draw crowds arrivals towards the start: a launch rush, then a tail. */
    private static Instant frontLoaded(RandomGenerator rnd, Instant end) {
        double u = rnd.nextDouble();
        return START.plusMillis((long) (u * u * Duration.between(START, end).toMillis()));
    }

    private static Instant uniform(RandomGenerator rnd, Instant from, Instant to) {
        long span = Duration.between(from, to).toMillis();
        return from.plusMillis(span <= 0 ? 0 : rnd.nextLong(span));
    }
}
