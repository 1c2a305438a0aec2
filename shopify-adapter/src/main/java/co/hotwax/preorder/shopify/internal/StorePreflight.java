package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.PreflightFinding;
import co.hotwax.preorder.shopify.PreflightFinding.Severity;
import co.hotwax.preorder.shopify.PreflightReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a shop's setup (read-only) and judges whether the on_hand compare-and-set at the pre-order location can keep
 * Shopify from selling beyond what is offered. Checkout sums {@code available} over every location that fulfils
 * online orders, and routing may commit an order at any such location where the SKU is stocked (even at 0
 * available), outside the adapter's in-flight count; a selling plan that reserves on fulfilment lets orders through
 * without touching available; a missing scope refuses every write.
 *
 * @see <a href="https://help.shopify.com/en/manual/locations/setting-up-your-locations">Shopify: setting up locations</a>
 * @see <a href="https://help.shopify.com/en/manual/fulfillment/setup/order-routing">Shopify: order routing</a>
 * @see <a href="https://shopify.dev/docs/apps/build/purchase-options/deferred">Shopify: deferred purchase options</a>
 */
public final class StorePreflight {
    /** The scopes the adapter's writes need ({@code write_*} implies {@code read_*}) and the preflight's location read. */
    public static final List<String> REQUIRED_SCOPES = List.of("write_inventory", "write_products", "read_locations");
    private static final int MAX_PAGES = 100;
    /** How long publish reuses a store-level read that found no blocker, with a bulk export. */
    static final Duration STORE_REUSE = Duration.ofMinutes(1);

    private final ShopifyClient client;
    private final PreflightDocuments documents;
    private final PreorderMetafield metafield;
    private final String requestedVersion;
    private final Set<String> preorderLocations;
    private final String productTag;
    private final ExportedCatalog catalog;
    private StoreRead lastStore;

    /**
     * Creates the preflight.
     *
     * @param client the paced, retried client
     * @param documents the documents
     * @param metafield recognises the adapter's own metafield values
     * @param requestedVersion the API version in the configured endpoint
     * @param preorderLocations the location gids the adapter writes to
     * @param productTag the product tag the adapter puts on
     */
    public StorePreflight(ShopifyClient client, PreflightDocuments documents, PreorderMetafield metafield,
                          String requestedVersion, Set<String> preorderLocations, String productTag) {
        this(client, documents, metafield, requestedVersion, preorderLocations, productTag, null);
    }

    /**
     * Creates the preflight whose per-SKU checks are answered by the catalog's bulk export when one is current:
     * the export reads what {@link PreflightDocuments#variants} reads per request (levels at every location with
     * their quantities, selling-plan groups and plans with their reserve policy, the product's tags and
     * {@code requiresSellingPlan}, the metafield), so the checks and their findings are the same. SKUs the export
     * does not show as unique are read per request.
     *
     * @param client the paced, retried client
     * @param documents the documents
     * @param metafield recognises the adapter's own metafield values
     * @param requestedVersion the API version in the configured endpoint
     * @param preorderLocations the location gids the adapter writes to
     * @param productTag the product tag the adapter puts on
     * @param catalog the exported catalog, or null to read every SKU per request
     */
    public StorePreflight(ShopifyClient client, PreflightDocuments documents, PreorderMetafield metafield,
                          String requestedVersion, Set<String> preorderLocations, String productTag,
                          ExportedCatalog catalog) {
        this.catalog = catalog;
        this.client = client;
        this.documents = documents;
        this.metafield = metafield;
        this.requestedVersion = requestedVersion;
        this.preorderLocations = Set.copyOf(preorderLocations);
        this.productTag = productTag;
    }

    /**
     * Runs the store-level checks and, when {@code skus} is not empty, the per-SKU checks.
     *
     * @param skus the SKUs to check (may be empty)
     * @return the report
     * @throws CallFailedException when the shop cannot be read after retries
     * @throws InterruptedException when interrupted
     */
    public PreflightReport run(List<String> skus) throws InterruptedException {
        return check(skus).report();
    }

    /**
     * Runs the checks and keeps, per SKU found once, the other locations it is stocked at (from the same read).
     *
     * @param skus the SKUs to check (may be empty)
     * @return the report and, per SKU checked, the gids of the locations other than the pre-order locations where it
     *         is stocked (empty when none; absent for a SKU not found or not unique)
     * @throws CallFailedException when the shop cannot be read after retries
     * @throws InterruptedException when interrupted
     */
    public Checked check(List<String> skus) throws InterruptedException {
        return check(skus, readStore());
    }

    /**
     * {@link #check} for publish: while a bulk export is current or on its way (a large catalog) the store-level
     * read of the last check is reused for up to {@link #STORE_REUSE} when it found no blocker, so a resync checking
     * 250 SKUs a call does not read the shop's scopes and 250 locations for every call (about 25 points each); a fix
     * to a location's setup is then seen within a minute. Otherwise, or when the last read found a blocker, the
     * store is read again as {@link #check} does.
     *
     * @param skus the SKUs to check (may be empty)
     * @return the report and the other locations, as {@link #check}
     * @throws CallFailedException when the shop cannot be read after retries
     * @throws InterruptedException when interrupted
     */
    public Checked checkForPublish(List<String> skus) throws InterruptedException {
        StoreRead last = lastStore;
        boolean reuse = catalog != null && (catalog.current() || catalog.running()) && last != null && !skus.isEmpty()
                && catalog.clock().instant().isBefore(last.at().plus(STORE_REUSE))
                && last.findings().stream().noneMatch(f -> f.severity() == Severity.BLOCKER);
        return check(skus, reuse ? last : readStore());
    }

    /** The token's scopes, the API version served and the locations, with their findings. */
    private StoreRead readStore() throws InterruptedException {
        GraphQlResponse response = client.execute("preflightStore", documents.store(), PreflightDocuments.storeCost());
        List<PreflightFinding> store = new ArrayList<>();
        store.add(scopes(response));
        store.add(apiVersion(response.apiVersion()));
        Map<String, Site> sites = new LinkedHashMap<>();
        OperationResult locations = OperationResult.of(response, "locations", "locations");
        if (locations instanceof OperationResult.Answered answered) {
            for (JsonNode node : answered.payload().path("nodes")) {
                String id = node.path("id").asText("");
                sites.put(id, new Site(id, node.path("name").asText(id), node.path("isActive").asBoolean(false),
                        node.path("fulfillsOnlineOrders").asBoolean(false)));
            }
            store.addAll(locationFindings(sites));
        } else {
            store.add(new PreflightFinding(Severity.BLOCKER, "locations", "store", "the locations could not be read ("
                    + client.scrub(reasonOf(locations)) + "), so neither the pre-order location nor other online "
                    + "locations can be checked", "grant read_locations to the app"));
        }
        Set<String> online = null;
        if (locations instanceof OperationResult.Answered) {
            online = new TreeSet<>();
            for (Site site : sites.values()) {
                if (site.active() && site.online()) {
                    online.add(site.id());
                }
            }
        }
        StoreRead read = new StoreRead(response.apiVersion(), List.copyOf(store), sites,
                online == null ? null : Set.copyOf(online), catalog == null ? null : catalog.clock().instant());
        lastStore = read;
        return read;
    }

    private Checked check(List<String> skus, StoreRead read) throws InterruptedException {
        List<PreflightFinding> store = read.findings();
        Map<String, Site> sites = read.sites();
        Map<String, List<PreflightFinding>> perSku = new LinkedHashMap<>();
        Map<String, Set<String>> elsewhere = new LinkedHashMap<>();
        Map<String, Set<String>> elsewhereOnline = new LinkedHashMap<>();
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(skus));
        if (!unique.isEmpty()) {
            if (catalog != null) {
                catalog.ensure(unique.size());
            }
            Map<String, List<JsonNode>> variants = new LinkedHashMap<>();
            List<String> perRequest = new ArrayList<>();
            for (String sku : unique) {
                ExportedCatalog.Entry entry = catalog == null ? null : catalog.entry(sku).orElse(null);
                if (entry == null) {
                    perRequest.add(sku);
                } else {
                    variants.put(sku, List.of(exported(entry, sites)));
                }
            }
            if (!perRequest.isEmpty()) {
                variants.putAll(variants(perRequest));
            }
            for (String sku : unique) {
                List<JsonNode> found = variants.getOrDefault(sku, List.of());
                perSku.put(sku, skuFindings(sku, found, sites, !sites.isEmpty()));
                if (found.size() == 1) {
                    elsewhere.put(sku, otherLocations(found.get(0)));
                    Set<String> online = new LinkedHashSet<>();
                    for (String id : elsewhere.get(sku)) {
                        Site site = sites.get(id);
                        if (site == null || site.active() && site.online()) {
                            // A location the read did not list is taken as selling online: counting its units
                            // can only make the pre-order location sell less.
                            online.add(id);
                        }
                    }
                    elsewhereOnline.put(sku, online);
                }
            }
        }
        return new Checked(new PreflightReport(read.apiVersion(), store, perSku), elsewhere, elsewhereOnline,
                read.online());
    }

    /**
     * An exported variant in the shape {@link PreflightDocuments#variants} reads it, so the same checks run on it;
     * location names come from the store read (the export carries ids only).
     */
    private static JsonNode exported(ExportedCatalog.Entry entry, Map<String, Site> sites) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        VariantRecord v = entry.variant();
        node.put("id", v.variantId()).put("sku", v.sku()).put("inventoryPolicy", v.denyPolicy() ? "DENY" : "CONTINUE");
        if (v.metafieldValue() == null) {
            node.putNull("metafield");
        } else {
            node.putObject("metafield").put("value", v.metafieldValue());
        }
        ObjectNode product = node.putObject("product").put("id", v.productId())
                .put("requiresSellingPlan", entry.requiresSellingPlan());
        entry.productTags().forEach(product.putArray("tags")::add);
        ObjectNode item = node.putObject("inventoryItem").put("id", v.inventoryItemId()).put("tracked", v.tracked());
        ObjectNode levels = item.putObject("inventoryLevels");
        ArrayNode levelNodes = levels.putArray("nodes");
        for (ExportedCatalog.Level level : entry.levels()) {
            ObjectNode l = levelNodes.addObject();
            Site site = sites.get(level.locationId());
            l.putObject("location").put("id", level.locationId()).put("name", site == null ? level.locationId() : site.name());
            ArrayNode quantities = l.putArray("quantities");
            quantities.addObject().put("name", "available").put("quantity", level.available());
            quantities.addObject().put("name", "committed").put("quantity", level.committed());
            quantities.addObject().put("name", "on_hand").put("quantity", level.onHand());
        }
        // The export reads every level: there is never a next page.
        levels.putObject("pageInfo").put("hasNextPage", false);
        Map<String, ArrayNode> groups = new LinkedHashMap<>();
        ArrayNode groupNodes = node.putObject("sellingPlanGroups").putArray("nodes");
        for (ExportedCatalog.Plan plan : entry.plans()) {
            ArrayNode plans = groups.computeIfAbsent(plan.group(), name -> {
                ObjectNode group = groupNodes.addObject().put("name", name);
                return group.putObject("sellingPlans").putArray("nodes");
            });
            ObjectNode p = plans.addObject().put("name", plan.name()).put("category", plan.category());
            p.putObject("inventoryPolicy").put("reserve", plan.reserve());
        }
        return node;
    }

    private Set<String> otherLocations(JsonNode variant) {
        Set<String> others = new LinkedHashSet<>();
        for (JsonNode level : variant.path("inventoryItem").path("inventoryLevels").path("nodes")) {
            String id = level.path("location").path("id").asText("");
            if (!id.isEmpty() && !preorderLocations.contains(id)) {
                others.add(id);
            }
        }
        return others;
    }

    /**
     * A preflight's report and what publish needs from the same read.
     *
     * @param report the findings
     * @param otherLocations per SKU found once, the non-pre-order locations it is stocked at
     * @param otherOnlineLocations per SKU found once, those of its other locations that are active and fulfil online
     *                             orders: the ones Shopify's routing can commit an online order at
     * @param onlineLocations the gids of every active location that fulfils online orders, as the store read saw
     *                        them (the pre-order locations included); null when the locations could not be read
     */
    public record Checked(PreflightReport report, Map<String, Set<String>> otherLocations,
                          Map<String, Set<String>> otherOnlineLocations, Set<String> onlineLocations) {
    }

    /**
     * Forgets the last store-level read, so the next {@link #checkForPublish} reads the store again (a location's
     * online flag was seen to change).
     */
    public void expireStoreRead() {
        lastStore = null;
    }

    /**
     * Reads whether these locations are active and fulfil online orders, in one query of
     * {@link PreflightDocuments#locationFlags} per {@link PreflightDocuments#LOCATIONS} ids (1 point per location):
     * the light read publish makes of the locations where its SKUs are stocked but that did not sell online when the
     * SKUs were checked, so a location switched to online orders after a SKU was listed is seen at the SKU's next
     * publish, not at its next re-check.
     *
     * @param locationIds location gids
     * @return per gid whether it is active and fulfils online orders; a gid Shopify does not know is absent
     * @throws CallFailedException when the read fails after retries (ACCESS_DENIED without {@code read_locations})
     * @throws InterruptedException when interrupted
     */
    public Map<String, Boolean> sellsOnline(List<String> locationIds) throws InterruptedException {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (int from = 0; from < locationIds.size(); from += PreflightDocuments.LOCATIONS) {
            List<String> chunk = locationIds.subList(from, Math.min(locationIds.size(), from + PreflightDocuments.LOCATIONS));
            GraphQlResponse response = client.execute("preflightLocationFlags", documents.locationFlags(chunk),
                    PreflightDocuments.locationFlagsCost(chunk.size()));
            for (JsonNode node : client.answered(response, "nodes", "preflightLocationFlags")) {
                String id = node.path("id").asText("");
                if (!id.isEmpty()) {
                    flags.put(id, node.path("isActive").asBoolean(false) && node.path("fulfillsOnlineOrders").asBoolean(false));
                }
            }
        }
        return flags;
    }

    private PreflightFinding scopes(GraphQlResponse response) {
        OperationResult installation = OperationResult.of(response, "currentAppInstallation", "currentAppInstallation");
        if (!(installation instanceof OperationResult.Answered answered)) {
            return new PreflightFinding(Severity.BLOCKER, "access-scopes", "store", "the token's scopes could not be read ("
                    + client.scrub(reasonOf(installation)) + ")", "check the token belongs to an installed app");
        }
        Set<String> granted = new TreeSet<>();
        answered.payload().path("accessScopes").forEach(s -> granted.add(s.path("handle").asText("")));
        List<String> missing = new ArrayList<>();
        for (String scope : REQUIRED_SCOPES) {
            boolean has = granted.contains(scope) || scope.startsWith("read_") && granted.contains("write_" + scope.substring(5));
            if (!has) {
                missing.add(scope);
            }
        }
        if (missing.isEmpty()) {
            return PreflightFinding.ok("access-scopes", "store", "the token has " + String.join(", ", REQUIRED_SCOPES));
        }
        return new PreflightFinding(Severity.BLOCKER, "access-scopes", "store", "the token lacks " + String.join(", ", missing)
                + " (granted: " + String.join(", ", granted) + "); Shopify would refuse those reads or writes",
                "add " + String.join(", ", missing) + " to the app's access scopes and have the merchant approve them");
    }

    private PreflightFinding apiVersion(String served) {
        if (served == null) {
            return new PreflightFinding(Severity.INFO, "api-version", "store", "the shop did not say which API version "
                    + "served the request (no X-Shopify-API-Version header)", "");
        }
        if (!served.equals(requestedVersion)) {
            return new PreflightFinding(Severity.WARNING, "api-version", "store", "requested " + requestedVersion
                    + " but Shopify served " + served + " (the requested version is unsupported or retired)",
                    "configure a supported API version, e.g. " + served);
        }
        return PreflightFinding.ok("api-version", "store", "Shopify served " + served);
    }

    private List<PreflightFinding> locationFindings(Map<String, Site> sites) {
        List<PreflightFinding> findings = new ArrayList<>();
        for (String id : new TreeSet<>(preorderLocations)) {
            Site site = sites.get(id);
            if (site == null) {
                findings.add(new PreflightFinding(Severity.BLOCKER, "preorder-location", id, "no location " + id
                        + " in the shop", "create a dedicated pre-order location, or configure the id of an existing one"));
            } else if (!site.active()) {
                findings.add(new PreflightFinding(Severity.BLOCKER, "preorder-location", site.name(), "the location is "
                        + "deactivated: it sells nothing", "reactivate it in Settings > Locations"));
            } else if (!site.online()) {
                findings.add(new PreflightFinding(Severity.BLOCKER, "preorder-location", site.name(), "the location does "
                        + "not fulfil online orders: its stock is not sold online", "check 'Fulfill online orders from "
                        + "this location' in Settings > Locations"));
            } else {
                findings.add(PreflightFinding.ok("preorder-location", site.name(), "exists, is active and fulfils online orders"));
            }
        }
        List<String> others = sites.values().stream().filter(s -> s.active() && s.online() && !preorderLocations.contains(s.id()))
                .map(Site::name).toList();
        if (others.isEmpty()) {
            findings.add(PreflightFinding.ok("other-online-locations", "store", "no other location fulfils online orders"));
        } else {
            findings.add(new PreflightFinding(Severity.WARNING, "other-online-locations", "store", others.size()
                    + " other location(s) fulfil online orders (" + String.join(", ", others) + "): a pre-order SKU "
                    + "stocked there is summed at checkout and may be routed there", "never stock pre-order SKUs at "
                    + "these locations (each SKU is checked separately)"));
        }
        return findings;
    }

    private List<PreflightFinding> skuFindings(String sku, List<JsonNode> found, Map<String, Site> sites, boolean sitesKnown) {
        List<PreflightFinding> findings = new ArrayList<>();
        if (found.isEmpty()) {
            findings.add(new PreflightFinding(Severity.BLOCKER, "found", sku, "no variant has this SKU",
                    "create the variant or correct the SKU"));
            return findings;
        }
        if (found.size() > 1) {
            findings.add(new PreflightFinding(Severity.BLOCKER, "unique", sku, found.size() + " variants share this SKU",
                    "give each variant its own SKU"));
            return findings;
        }
        findings.add(PreflightFinding.ok("found", sku, "one variant " + found.get(0).path("id").asText()));
        JsonNode variant = found.get(0);
        JsonNode item = variant.path("inventoryItem");
        findings.add(item.path("tracked").asBoolean(false) ? PreflightFinding.ok("tracked", sku, "inventory is tracked")
                : new PreflightFinding(Severity.INFO, "tracked", sku, "inventory is not tracked: Shopify sells it without limit",
                "nothing: the adapter turns tracking on before it lists the SKU"));
        findings.add("DENY".equals(variant.path("inventoryPolicy").asText()) ? PreflightFinding.ok("policy", sku, "DENY")
                : new PreflightFinding(Severity.INFO, "policy", sku, "policy " + variant.path("inventoryPolicy").asText()
                + ": Shopify keeps selling at 0 available", "nothing: the adapter sets DENY before it lists the SKU"));
        stocking(sku, item.path("inventoryLevels"), sites, sitesKnown, findings);
        sellingPlans(sku, variant, findings);
        ownership(sku, variant, findings);
        return findings;
    }

    private void stocking(String sku, JsonNode levels, Map<String, Site> sites, boolean sitesKnown, List<PreflightFinding> findings) {
        List<String> where = new ArrayList<>();
        for (JsonNode level : levels.path("nodes")) {
            String id = level.path("location").path("id").asText("");
            String name = level.path("location").path("name").asText(id);
            Map<String, Integer> q = new LinkedHashMap<>();
            level.path("quantities").forEach(n -> q.put(n.path("name").asText(), n.path("quantity").asInt()));
            where.add(name + " (available " + q.getOrDefault("available", 0) + ", committed " + q.getOrDefault("committed", 0) + ")");
            Site site = sites.get(id);
            if (!preorderLocations.contains(id) && site != null && site.active() && site.online()) {
                findings.add(new PreflightFinding(Severity.BLOCKER, "stocked-elsewhere", sku, "stocked at " + name
                        + ", which fulfils online orders (available " + q.getOrDefault("available", 0) + ", committed "
                        + q.getOrDefault("committed", 0) + "): checkout sums its available and routing may commit orders "
                        + "there, outside the pre-order in-flight count" + (q.getOrDefault("available", 0) > 0
                        ? "; Shopify would sell its " + q.get("available") + " available unit(s) as pre-orders of " + sku : ""),
                        "stop stocking the SKU at " + name
                        + " (Products > Inventory), or turn off 'Fulfill online orders' there; or opt in with allowUnsafeListing"));
            }
        }
        findings.add(new PreflightFinding(where.isEmpty() ? Severity.INFO : Severity.OK, "stocked-at", sku,
                where.isEmpty() ? "stocked nowhere yet (the adapter stocks it at the pre-order location)"
                        : "stocked at " + String.join(", ", where), ""));
        if (levels.path("pageInfo").path("hasNextPage").asBoolean(false)) {
            findings.add(new PreflightFinding(Severity.WARNING, "stocked-at", sku, "stocked at more than "
                    + PreflightDocuments.LEVELS + " locations; only the first were checked", "stock it at fewer locations"));
        }
        if (!sitesKnown) {
            findings.add(new PreflightFinding(Severity.WARNING, "stocked-elsewhere", sku, "locations unreadable: "
                    + "whether they fulfil online orders is unknown", "grant read_locations"));
        }
    }

    private void sellingPlans(String sku, JsonNode variant, List<PreflightFinding> findings) {
        int plans = 0;
        for (JsonNode group : variant.path("sellingPlanGroups").path("nodes")) {
            for (JsonNode plan : group.path("sellingPlans").path("nodes")) {
                plans++;
                String reserve = plan.path("inventoryPolicy").path("reserve").asText("");
                if ("ON_FULFILLMENT".equals(reserve)) {
                    findings.add(new PreflightFinding(Severity.BLOCKER, "selling-plan", sku, "selling plan '"
                            + plan.path("name").asText() + "' of group '" + group.path("name").asText() + "' reserves "
                            + "inventory on fulfilment: its orders do not lower available, so DENY does not stop them",
                            "remove the variant from that selling-plan group (the app that owns it), or opt in with allowUnsafeListing"));
                } else {
                    findings.add(new PreflightFinding(Severity.WARNING, "selling-plan", sku, "in selling plan '"
                            + plan.path("name").asText() + "' (" + plan.path("category").asText("") + ", reserve "
                            + reserve + ") of another app", "make sure only one app sells pre-orders of this SKU"));
                }
            }
        }
        if (variant.path("product").path("requiresSellingPlan").asBoolean(false)) {
            findings.add(new PreflightFinding(Severity.WARNING, "selling-plan", sku, "the product can only be bought "
                    + "through a selling plan", "turn off 'requires selling plan' unless another app sells it"));
        } else if (plans == 0) {
            findings.add(PreflightFinding.ok("selling-plan", sku, "no selling plan"));
        }
    }

    private void ownership(String sku, JsonNode variant, List<PreflightFinding> findings) {
        JsonNode mf = variant.path("metafield");
        String value = mf.isObject() ? mf.path("value").asText(null) : null;
        Set<String> tags = new HashSet<>();
        variant.path("product").path("tags").forEach(t -> tags.add(t.asText()));
        if (!metafield.absentOrOurs(value)) {
            findings.add(new PreflightFinding(Severity.WARNING, "metafield-owner", sku, "the pre-order metafield holds a "
                    + "value this adapter did not write: something else uses it and the adapter would overwrite it",
                    "configure another metafield namespace/key, or stop the other writer"));
        } else if (value == null && tags.contains(productTag)) {
            findings.add(new PreflightFinding(Severity.WARNING, "tag-owner", sku, "the product already carries tag '"
                    + productTag + "' without the pre-order metafield: something else put it on, and delisting would take it off",
                    "configure another product tag, or remove the tag"));
        } else {
            findings.add(PreflightFinding.ok("owner", sku, "tag and metafield free or ours"));
        }
    }

    private Map<String, List<JsonNode>> variants(List<String> skus) throws InterruptedException {
        Set<String> wanted = new HashSet<>(skus);
        Map<String, List<JsonNode>> hits = new LinkedHashMap<>();
        int first = client.fit("preflightSkus", 250, PreflightDocuments::variantsCost);
        for (int from = 0; from < skus.size(); from += first) {
            List<String> chunk = skus.subList(from, Math.min(skus.size(), from + first));
            String after = null;
            int pages = 0;
            do {
                if (++pages > MAX_PAGES) {
                    throw client.failure(CallFailedException.Kind.MALFORMED, "preflightSkus still had more pages after "
                            + MAX_PAGES, null, null);
                }
                GraphQlResponse response = client.execute("preflightSkus", documents.variants(chunk, first, after),
                        PreflightDocuments.variantsCost(first));
                JsonNode connection = client.answered(response, "productVariants", "preflightSkus");
                for (JsonNode node : connection.path("nodes")) {
                    String sku = node.path("sku").asText(null);
                    if (sku != null && wanted.contains(sku)) {
                        hits.computeIfAbsent(sku, k -> new ArrayList<>()).add(node);
                    }
                }
                JsonNode pageInfo = connection.path("pageInfo");
                String next = pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asText(null) : null;
                if (next != null && next.equals(after)) {
                    throw client.failure(CallFailedException.Kind.MALFORMED, "preflightSkus returned the same cursor twice",
                            null, null);
                }
                after = next;
            } while (after != null);
        }
        return hits;
    }

    private static String reasonOf(OperationResult result) {
        if (result instanceof OperationResult.Denied d) {
            return d.reason();
        } else if (result instanceof OperationResult.Failed f) {
            return f.reason();
        } else if (result instanceof OperationResult.Unreadable u) {
            return u.reason();
        }
        return "answered";
    }

    /**
     * What one store-level read found: the active online-fulfilling locations (null when unreadable), and when
     * (null without an export's clock).
     */
    private record StoreRead(String apiVersion, List<PreflightFinding> findings, Map<String, Site> sites,
                             Set<String> online, Instant at) {
    }

    /** A location as the preflight sees it. */
    private record Site(String id, String name, boolean active, boolean online) {
    }
}
