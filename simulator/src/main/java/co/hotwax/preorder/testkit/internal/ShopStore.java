package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.SellingPlanReserve;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The whole state of one simulated shop and the lock that guards it. Every reader and writer (HTTP requests,
 * shoppers, seeding helpers) runs under {@link #locked}, so each request or order is atomic and serializable;
 * correctness before throughput.
 */
public final class ShopStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private long nextNumber = 1;
    private final Map<String, LocationRecord> locations = new LinkedHashMap<>();
    private final Map<String, ProductRecord> products = new LinkedHashMap<>();
    private final Map<String, VariantRecord> variants = new LinkedHashMap<>();
    private final Map<String, ItemRecord> items = new LinkedHashMap<>();
    /**
     * Variants by lower-cased SKU, so a {@code sku:} search looks up its terms instead of scanning every variant
     * (a 100,000-variant catalog searched 50 SKUs at a time would otherwise cost an hour of CPU per resync).
     */
    private final NavigableMap<String, List<VariantRecord>> bySku = new TreeMap<>();
    private final Map<String, LevelRecord> levels = new LinkedHashMap<>();
    private final Map<String, Map<String, MetafieldRecord>> metafieldsByOwner = new LinkedHashMap<>();
    private final List<String> routingPriority = new ArrayList<>();
    private final Map<String, SellingPlanGroupRecord> sellingPlanGroups = new LinkedHashMap<>();

    /** Creates an empty shop whose timestamps come from {@code clock}. */
    public ShopStore(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code work} holding the shop lock and returns its result. */
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} holding the shop lock. */
    public void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** The current time from the injected clock. */
    public Instant now() {
        return clock.instant();
    }

    long nextNumber() {
        return nextNumber++;
    }

    /** Adds an active location at the bottom of the routing priority list, as Shopify does with a new one. */
    public LocationRecord addLocation(String name, boolean fulfillsOnlineOrders) {
        return locked(() -> {
            long n = nextNumber();
            LocationRecord l = new LocationRecord(Gid.of("Location", n), n, name, fulfillsOnlineOrders);
            locations.put(l.id(), l);
            routingPriority.add(l.id());
            return l;
        });
    }

    /** Sets whether a location fulfils online orders. */
    public void fulfillsOnlineOrders(String locationId, boolean value) {
        locked(() -> requireLocation(locationId).fulfillsOnlineOrders(value));
    }

    /** Activates or deactivates a location. */
    public void active(String locationId, boolean value) {
        locked(() -> requireLocation(locationId).active(value));
    }

    /**
     * Reorders the fulfilment priority list: the given locations first, in that order, then the others in their
     * current order.
     */
    public void routingPriority(List<String> firstLocationIds) {
        locked(() -> {
            List<String> reordered = new ArrayList<>();
            for (String id : firstLocationIds) {
                requireLocation(id);
                if (!reordered.contains(id)) {
                    reordered.add(id);
                }
            }
            for (String id : routingPriority) {
                if (!reordered.contains(id)) {
                    reordered.add(id);
                }
            }
            routingPriority.clear();
            routingPriority.addAll(reordered);
        });
    }

    /** Every location in fulfilment priority order, highest first. */
    public List<LocationRecord> locationsByPriority() {
        return locked(() -> routingPriority.stream().map(locations::get).toList());
    }

    private LocationRecord requireLocation(String id) {
        LocationRecord l = locations.get(id);
        if (l == null) {
            throw new IllegalArgumentException("no location " + id);
        }
        return l;
    }

    /** Adds a product with tags. */
    public ProductRecord addProduct(String title, List<String> tags) {
        return locked(() -> {
            ProductRecord p = new ProductRecord(nextNumber(), title, tags);
            products.put(p.id(), p);
            return p;
        });
    }

    /** Adds a variant to a product, with its inventory item. */
    public VariantRecord addVariant(String productId, String sku, boolean tracked, InventoryPolicy policy) {
        return locked(() -> {
            ProductRecord p = products.get(productId);
            if (p == null) {
                throw new IllegalArgumentException("no product " + productId);
            }
            ItemRecord item = new ItemRecord(nextNumber(), sku, tracked);
            VariantRecord v = new VariantRecord(nextNumber(), p, item, policy);
            item.variant(v);
            p.addVariant(v);
            variants.put(v.id(), v);
            index(v, v.sku());
            item.onSkuChange((changed, old) -> {
                unindex(changed.variant(), old);
                index(changed.variant(), changed.sku());
            });
            items.put(item.id(), item);
            return v;
        });
    }

    /** Creates the level of an item at a location, all quantities 0; returns the existing one if present. */
    LevelRecord activate(ItemRecord item, LocationRecord location) {
        LevelRecord existing = item.level(location.id());
        if (existing != null) {
            return existing;
        }
        LevelRecord level = new LevelRecord(nextNumber(), item, location, now());
        item.addLevel(level);
        levels.put(Gid.withoutQuery(level.id()), level);
        return level;
    }

    /** Test seeding: activates the item at the location if needed and sets available to {@code available}. */
    public void stock(String itemId, String locationId, int available) {
        locked(() -> {
            ItemRecord item = item(itemId).orElseThrow(() -> new IllegalArgumentException("no item " + itemId));
            LocationRecord location = location(locationId)
                    .orElseThrow(() -> new IllegalArgumentException("no location " + locationId));
            LevelRecord level = activate(item, location);
            level.add(QuantityName.AVAILABLE, available - level.get(QuantityName.AVAILABLE), now());
        });
    }

    /** Adds a selling-plan group with one plan, applied to the given variants. */
    public SellingPlanGroupRecord addSellingPlanGroup(String name, String planName, String category,
            SellingPlanReserve reserve, List<String> variantIds) {
        return locked(() -> {
            for (String v : variantIds) {
                variant(v).orElseThrow(() -> new IllegalArgumentException("no variant " + v));
            }
            String groupId = Gid.of("SellingPlanGroup", nextNumber());
            SellingPlanRecord plan = new SellingPlanRecord(Gid.of("SellingPlan", nextNumber()), planName, category,
                    reserve);
            SellingPlanGroupRecord group = new SellingPlanGroupRecord(groupId, name, name, List.of(plan),
                    variantIds);
            sellingPlanGroups.put(groupId, group);
            return group;
        });
    }

    /** Sets whether a product can only be bought with a selling plan. */
    public void requiresSellingPlan(String productId, boolean value) {
        locked(() -> product(productId).orElseThrow(() -> new IllegalArgumentException("no product " + productId))
                .requiresSellingPlan(value));
    }

    /** The selling-plan groups that apply to a variant, in creation order. */
    public List<SellingPlanGroupRecord> sellingPlanGroups(String variantId) {
        return sellingPlanGroups.values().stream().filter(g -> g.variantIds().contains(variantId)).toList();
    }

    /** The selling-plan groups that apply to any variant of a product. */
    public List<SellingPlanGroupRecord> productSellingPlanGroups(ProductRecord product) {
        return sellingPlanGroups.values().stream().filter(g -> product.variants().stream()
                .anyMatch(v -> g.variantIds().contains(v.id()))).toList();
    }

    /** A selling plan a variant may be bought with, if {@code planId} names one of its groups' plans. */
    public Optional<SellingPlanRecord> sellingPlan(String variantId, String planId) {
        return sellingPlanGroups(variantId).stream().flatMap(g -> g.plans().stream())
                .filter(p -> p.id().equals(planId)).findFirst();
    }

    /** The location with this GID, if any. */
    public Optional<LocationRecord> location(String id) {
        return Optional.ofNullable(id == null ? null : locations.get(id));
    }

    /** The product with this GID, if any. */
    public Optional<ProductRecord> product(String id) {
        return Optional.ofNullable(id == null ? null : products.get(id));
    }

    /** The variant with this GID, if any. */
    public Optional<VariantRecord> variant(String id) {
        return Optional.ofNullable(id == null ? null : variants.get(id));
    }

    /** The inventory item with this GID, if any. */
    public Optional<ItemRecord> item(String id) {
        return Optional.ofNullable(id == null ? null : items.get(id));
    }

    /** The inventory level with this GID (query string optional), if any. */
    public Optional<LevelRecord> level(String id) {
        return Optional.ofNullable(id == null ? null : levels.get(Gid.withoutQuery(id)));
    }

    /** All locations in creation order. */
    public Collection<LocationRecord> locations() {
        return List.copyOf(locations.values());
    }

    /** All variants in creation order. */
    public Collection<VariantRecord> variants() {
        return List.copyOf(variants.values());
    }

    /** All inventory items in creation order. */
    public Collection<ItemRecord> items() {
        return List.copyOf(items.values());
    }

    private void index(VariantRecord v, String sku) {
        if (sku != null) {
            bySku.computeIfAbsent(sku.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(v);
        }
    }

    private void unindex(VariantRecord v, String sku) {
        if (sku == null) {
            return;
        }
        String key = sku.toLowerCase(Locale.ROOT);
        List<VariantRecord> list = bySku.get(key);
        if (list != null) {
            list.remove(v);
            if (list.isEmpty()) {
                bySku.remove(key);
            }
        }
    }

    /**
     * The variants a search may match, in creation order: when every alternative of the query has a {@code sku:}
     * term ({@link SearchQuery#skuTerms}), those whose SKU that term matches (looked up in the index); otherwise
     * every variant. The caller still applies the whole filter, so the answer is the scan's.
     */
    public Collection<VariantRecord> searchCandidates(String query) {
        Optional<List<SearchQuery.SkuTerm>> terms = SearchQuery.skuTerms(query);
        if (terms.isEmpty()) {
            return variants();
        }
        Set<VariantRecord> found = new HashSet<>();
        for (SearchQuery.SkuTerm term : terms.get()) {
            if (!term.prefix()) {
                found.addAll(bySku.getOrDefault(term.value(), List.of()));
                continue;
            }
            for (Map.Entry<String, List<VariantRecord>> e : bySku.tailMap(term.value(), true).entrySet()) {
                if (!e.getKey().startsWith(term.value())) {
                    break;
                }
                found.addAll(e.getValue());
            }
        }
        List<VariantRecord> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparingLong(VariantRecord::number));
        return ordered;
    }

    /** Variants whose SKU equals {@code sku} exactly. */
    public List<VariantRecord> variantsBySku(String sku) {
        List<VariantRecord> out = new ArrayList<>();
        for (VariantRecord v : variants.values()) {
            if (sku.equals(v.sku())) {
                out.add(v);
            }
        }
        return out;
    }

    /** Any object by GID (for {@code node}/{@code nodes}), or null. */
    public Object node(String id) {
        if (id == null) {
            return null;
        }
        String type = Gid.type(id).orElse("");
        return switch (type) {
            case "Location" -> locations.get(id);
            case "Product" -> products.get(id);
            case "ProductVariant" -> variants.get(id);
            case "InventoryItem" -> items.get(id);
            case "InventoryLevel" -> levels.get(Gid.withoutQuery(id));
            case "Metafield" -> findMetafield(id);
            case "SellingPlanGroup" -> sellingPlanGroups.get(id);
            case "SellingPlan" -> sellingPlanGroups.values().stream().flatMap(g -> g.plans().stream())
                    .filter(p -> p.id().equals(id)).findFirst().orElse(null);
            default -> null;
        };
    }

    private MetafieldRecord findMetafield(String id) {
        for (Map<String, MetafieldRecord> byKey : metafieldsByOwner.values()) {
            for (MetafieldRecord m : byKey.values()) {
                if (m.id().equals(id)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Whether an owner GID names a product or variant (the metafield owners the simulator supports). */
    boolean isMetafieldOwner(String ownerId) {
        return products.containsKey(ownerId) || variants.containsKey(ownerId);
    }

    /** The metafield of an owner, if any. */
    public Optional<MetafieldRecord> metafield(String ownerId, String namespace, String key) {
        Map<String, MetafieldRecord> byKey = metafieldsByOwner.get(ownerId);
        return Optional.ofNullable(byKey == null ? null : byKey.get(namespace + "." + key));
    }

    MetafieldRecord putMetafield(String ownerId, String namespace, String key, String value, String type) {
        Map<String, MetafieldRecord> byKey = metafieldsByOwner.computeIfAbsent(ownerId, o -> new LinkedHashMap<>());
        MetafieldRecord existing = byKey.get(namespace + "." + key);
        if (existing != null) {
            existing.update(value, type, now());
            return existing;
        }
        MetafieldRecord created = new MetafieldRecord(nextNumber(), ownerId, namespace, key, value, type, now());
        byKey.put(namespace + "." + key, created);
        return created;
    }
}
