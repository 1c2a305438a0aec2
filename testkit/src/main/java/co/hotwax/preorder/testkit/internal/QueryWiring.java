package co.hotwax.preorder.testkit.internal;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Data fetchers for the read side: query roots, connections and fields with arguments. */
final class QueryWiring {
    private final ShopStore store;

    QueryWiring(ShopStore store) {
        this.store = store;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("QueryRoot", t -> t
                .dataFetcher("inventoryItem", root(env -> store.item(env.getArgument("id")).orElse(null)))
                .dataFetcher("inventoryItems", root(this::itemsPage))
                .dataFetcher("inventoryLevel", root(env -> store.level(env.getArgument("id")).orElse(null)))
                .dataFetcher("location", root(env -> env.getArgument("id") == null
                        ? store.locations().stream().findFirst().orElse(null)
                        : store.location(env.getArgument("id")).orElse(null)))
                .dataFetcher("locations", root(this::locationsPage))
                .dataFetcher("node", root(env -> store.node(env.getArgument("id"))))
                .dataFetcher("nodes", root(env -> {
                    List<String> ids = env.getArgument("ids");
                    List<Object> out = new ArrayList<>();
                    ids.forEach(id -> out.add(store.node(id)));
                    return out;
                }))
                .dataFetcher("product", root(env -> store.product(env.getArgument("id")).orElse(null)))
                .dataFetcher("productVariant", root(env -> store.variant(env.getArgument("id")).orElse(null)))
                .dataFetcher("productVariants", root(this::variantsPage)));
        w.type("Location", t -> t
                .dataFetcher("inventoryLevel", env -> {
                    ItemRecord item = store.item(env.getArgument("inventoryItemId")).orElse(null);
                    return item == null ? null : item.level(((LocationRecord) env.getSource()).id());
                })
                .dataFetcher("inventoryLevels", env -> {
                    requireAbsent(env, "query");
                    String locationId = ((LocationRecord) env.getSource()).id();
                    List<LevelRecord> levels = new ArrayList<>();
                    for (ItemRecord item : store.items()) {
                        if (item.level(locationId) != null) {
                            levels.add(item.level(locationId));
                        }
                    }
                    return Paging.page(levels, LevelRecord::id, env.getArguments());
                }));
        w.type("Product", t -> t
                .dataFetcher("metafield", env -> metafield(((ProductRecord) env.getSource()).id(), env))
                .dataFetcher("variants", env -> {
                    requireOneOf(env, "sortKey", "POSITION", "ID");
                    return Paging.page(((ProductRecord) env.getSource()).variants(), VariantRecord::id,
                            env.getArguments());
                }));
        w.type("ProductVariant", t -> t
                .dataFetcher("metafield", env -> metafield(((VariantRecord) env.getSource()).id(), env))
                .dataFetcher("inventoryQuantity", env -> ((VariantRecord) env.getSource()).inventoryItem().levels()
                        .stream().mapToInt(l -> l.get(QuantityName.AVAILABLE)).sum()));
        w.type("InventoryItem", t -> t
                .dataFetcher("inventoryLevel", env -> ((ItemRecord) env.getSource()).level(env.getArgument("locationId")))
                .dataFetcher("inventoryLevels", env -> {
                    requireAbsent(env, "query");
                    return Paging.page(List.copyOf(((ItemRecord) env.getSource()).levels()), LevelRecord::id,
                            env.getArguments());
                })
                .dataFetcher("variants", env -> Paging.page(List.of(((ItemRecord) env.getSource()).variant()),
                        VariantRecord::id, env.getArguments())));
        w.type("InventoryLevel", t -> t.dataFetcher("quantities", this::quantities));
        w.type("InventoryAdjustmentGroup", t -> t.dataFetcher("changes", QueryWiring::changes));
    }

    /** Applies Shopify's input-array limit to a root field before fetching it. */
    static <T> DataFetcher<T> root(DataFetcher<T> fetcher) {
        return env -> {
            InputLimits.check(env.getArguments());
            return fetcher.get(env);
        };
    }

    private Map<String, Object> itemsPage(DataFetchingEnvironment env) {
        Predicate<String> sku = SearchQuery.skuFilter(env.getArgument("query"));
        List<ItemRecord> matches = new ArrayList<>();
        for (ItemRecord item : store.items()) {
            if (sku.test(item.sku())) {
                matches.add(item);
            }
        }
        return Paging.page(matches, ItemRecord::id, env.getArguments());
    }

    private Object variantsPage(DataFetchingEnvironment env) {
        requireAbsent(env, "savedSearchId");
        Predicate<String> sku = SearchQuery.skuFilter(env.getArgument("query"));
        List<VariantRecord> matches = new ArrayList<>();
        for (VariantRecord v : store.variants()) {
            if (sku.test(v.sku())) {
                matches.add(v);
            }
        }
        Object sortKey = env.getArgument("sortKey");
        if ("SKU".equals(String.valueOf(sortKey))) {
            matches.sort(Comparator.comparing(VariantRecord::sku).thenComparingLong(VariantRecord::number));
        } else {
            requireOneOf(env, "sortKey", "ID");
        }
        return Paging.page(matches, VariantRecord::id, env.getArguments());
    }

    private Object locationsPage(DataFetchingEnvironment env) {
        requireAbsent(env, "query");
        List<LocationRecord> all = new ArrayList<>(store.locations());
        if ("ID".equals(String.valueOf((Object) env.getArgument("sortKey")))) {
            all.sort(Comparator.comparingLong(LocationRecord::number));
        } else {
            all.sort(Comparator.comparing(LocationRecord::name).thenComparingLong(LocationRecord::number));
        }
        return Paging.page(all, LocationRecord::id, env.getArguments());
    }

    private Object metafield(String ownerId, DataFetchingEnvironment env) {
        String ns = env.getArgument("namespace");
        return store.metafield(ownerId, ns == null ? CatalogMutations.APP_NAMESPACE : ns, env.getArgument("key"))
                .orElse(null);
    }

    private Object quantities(DataFetchingEnvironment env) {
        LevelRecord level = env.getSource();
        List<String> names = env.getArgument("names");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names) {
            if (!QuantityName.ALL.contains(name)) {
                throw new RequestError(RequestError.BAD_REQUEST, "Invalid quantity name: '" + name
                        + "'. Valid names are " + QuantityName.ALL + ".");
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("id", Gid.withoutQuery(level.id()).replace("InventoryLevel", "InventoryQuantity")
                    + "?inventory_item_id=" + Gid.number(level.item().id()) + "&name=" + name);
            q.put("name", name);
            q.put("quantity", level.get(name));
            q.put("updatedAt", level.updatedAt());
            out.add(q);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object changes(DataFetchingEnvironment env) {
        Map<String, Object> group = env.getSource();
        List<String> items = env.getArgument("inventoryItemIds");
        List<String> locations = env.getArgument("locationIds");
        List<String> names = env.getArgument("quantityNames");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) group.get("changes")) {
            if ((items == null || items.contains(((ItemRecord) c.get("item")).id()))
                    && (locations == null || locations.contains(((LocationRecord) c.get("location")).id()))
                    && (names == null || names.contains((String) c.get("name")))) {
                out.add(c);
            }
        }
        return out;
    }

    /** Fails loudly when a client passes an argument the simulator does not implement. */
    private static void requireAbsent(DataFetchingEnvironment env, String argument) {
        if (env.getArgument(argument) != null) {
            throw unsupported(env, argument);
        }
    }

    /** Fails loudly when a client passes an argument value the simulator does not implement. */
    private static void requireOneOf(DataFetchingEnvironment env, String argument, String... allowed) {
        Object value = env.getArgument(argument);
        if (value != null && !List.of(allowed).contains(value.toString())) {
            throw unsupported(env, argument);
        }
    }

    private static RequestError unsupported(DataFetchingEnvironment env, String argument) {
        return new RequestError(RequestError.BAD_REQUEST, "The simulator does not support " + argument + ": "
                + env.getArgument(argument) + " on " + env.getField().getName());
    }
}
