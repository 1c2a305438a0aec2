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
    private final AccessScopes scopes;

    QueryWiring(ShopStore store, AccessScopes scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    private AccessScopes scopes() {
        return scopes;
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
                .dataFetcher("node", root(env -> {
                    Object node = store.node(env.getArgument("id"));
                    requireScopeFor(node, "node");
                    return node;
                }))
                .dataFetcher("nodes", root(env -> {
                    List<String> ids = env.getArgument("ids");
                    List<Object> out = new ArrayList<>();
                    ids.forEach(id -> out.add(store.node(id)));
                    out.forEach(node -> requireScopeFor(node, "nodes"));
                    return out;
                }))
                .dataFetcher("product", root(env -> store.product(env.getArgument("id")).orElse(null)))
                .dataFetcher("productVariant", root(env -> store.variant(env.getArgument("id")).orElse(null)))
                .dataFetcher("productVariants", root(this::variantsPage))
                .dataFetcher("productVariantsCount", root(this::variantsCount))
                .dataFetcher("currentAppInstallation", root(env -> appInstallation())));
        w.type("SellingPlanGroup", t -> t.dataFetcher("sellingPlans", env -> Paging.page(
                ((SellingPlanGroupRecord) env.getSource()).plans(), SellingPlanRecord::id, env.getArguments())));
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
                .dataFetcher("sellingPlanGroups", env -> Paging.page(store.productSellingPlanGroups(
                        env.getSource()), SellingPlanGroupRecord::id, env.getArguments()))
                .dataFetcher("variants", env -> {
                    requireOneOf(env, "sortKey", "POSITION", "ID");
                    return Paging.page(((ProductRecord) env.getSource()).variants(), VariantRecord::id,
                            env.getArguments());
                }));
        w.type("ProductVariant", t -> t
                .dataFetcher("metafield", env -> metafield(((VariantRecord) env.getSource()).id(), env))
                .dataFetcher("sellingPlanGroups", env -> Paging.page(store.sellingPlanGroups(
                        ((VariantRecord) env.getSource()).id()), SellingPlanGroupRecord::id, env.getArguments()))
                .dataFetcher("sellableOnlineQuantity", env -> sellableOnline(env.getSource()))
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

    /** Checks the token's scope and Shopify's input-array limit on a root field before fetching it. */
    private <T> DataFetcher<T> root(DataFetcher<T> fetcher) {
        return env -> {
            String field = env.getField().getName();
            String scope = AccessScopes.requiredFor(field);
            if (!scopes.allows(scope)) {
                throw AccessScopes.denied(field, scope);
            }
            InputLimits.check(env.getArguments());
            return fetcher.get(env);
        };
    }

    private void requireScopeFor(Object node, String field) {
        if (node != null) {
            String scope = AccessScopes.requiredForType(AdminSchema.typeName(node));
            if (!scopes.allows(scope)) {
                throw AccessScopes.denied(field, scope);
            }
        }
    }

    private Map<String, Object> itemsPage(DataFetchingEnvironment env) {
        Predicate<SearchQuery.Searchable> filter = SearchQuery.filter(env.getArgument("query"));
        List<ItemRecord> matches = new ArrayList<>();
        for (ItemRecord item : store.items()) {
            if (filter.test(new SearchQuery.Searchable(item.sku(), item.variant().product().id()))) {
                matches.add(item);
            }
        }
        return Paging.page(matches, ItemRecord::id, env.getArguments());
    }

    /**
     * {@code productVariantsCount(limit:)}: "Count of product variants. Limited to a maximum of 10000 by default";
     * {@code limit} is "the upper bound on count value before returning a result. Use null to have no limit", and
     * {@code precision} says EXACT or AT_LEAST (schema 2026-04, {@code QueryRoot.productVariantsCount}, {@code Count}).
     */
    private Object variantsCount(DataFetchingEnvironment env) {
        long total = store.variants().size();
        Integer limit = env.containsArgument("limit") ? env.getArgument("limit") : Integer.valueOf(10_000);
        boolean capped = limit != null && total > limit;
        return Map.of("count", capped ? (long) limit : total, "precision", capped ? "AT_LEAST" : "EXACT");
    }

    private Object variantsPage(DataFetchingEnvironment env) {
        requireAbsent(env, "savedSearchId");
        Predicate<SearchQuery.Searchable> filter = SearchQuery.filter(env.getArgument("query"));
        List<VariantRecord> matches = new ArrayList<>();
        for (VariantRecord v : store.searchCandidates(env.getArgument("query"))) {
            if (filter.test(new SearchQuery.Searchable(v.sku(), v.product().id()))) {
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
        if (!Boolean.TRUE.equals(env.getArgument("includeInactive"))) {
            all.removeIf(l -> !l.isActive());
        }
        if ("ID".equals(String.valueOf((Object) env.getArgument("sortKey")))) {
            all.sort(Comparator.comparingLong(LocationRecord::number));
        } else {
            all.sort(Comparator.comparing(LocationRecord::name).thenComparingLong(LocationRecord::number));
        }
        return Paging.page(all, LocationRecord::id, env.getArguments());
    }

    /**
     * What online checkout can sell: the summed available of the active locations that fulfil online orders
     * (the same sum {@link OrderBook#checkout} checks).
     */
    private int sellableOnline(VariantRecord v) {
        int sum = 0;
        for (LevelRecord level : v.inventoryItem().levels()) {
            if (level.location().sellsOnline()) {
                sum += level.get(QuantityName.AVAILABLE);
            }
        }
        return Math.max(0, sum);
    }

    private Map<String, Object> appInstallation() {
        List<Map<String, Object>> scopes = new ArrayList<>();
        for (String handle : scopes().granted()) {
            scopes.add(Map.of("handle", handle, "description", AccessScopes.description(handle)));
        }
        Map<String, Object> installation = new LinkedHashMap<>();
        installation.put("__typename", "AppInstallation");
        installation.put("id", "gid://shopify/AppInstallation/1");
        installation.put("accessScopes", scopes);
        return installation;
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
