package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the variant, product and inventory item of each SKU with paginated {@code productVariants(query: "sku:...")}
 * searches, and caches what it found. A SKU no variant has, or more than one variant has, is reported, never
 * guessed; those are not cached, so a fix in Shopify is seen on the next publish.
 */
public final class VariantResolver {
    /** SKUs per search: keeps the query string short and a page's variants within one or two pages. */
    static final int SKUS_PER_SEARCH = 50;
    /** Pages per search before giving up: 50 SKUs never need more unless the server loops. */
    static final int MAX_PAGES = 100;
    private static final String OPERATION = "productVariants";
    private static final String COUNT = "productVariantsCount";
    private static final Logger LOG = LoggerFactory.getLogger(VariantResolver.class);

    private final ShopifyClient client;
    private final ShopifyDocuments documents;
    private final int pageSize;
    private final Map<String, VariantRecord> cache = new HashMap<>();
    private final Map<String, Set<String>> productTags = new HashMap<>();
    private final ExportedCatalog catalog;
    private boolean counted;
    private long lookupsSinceExport;
    private Instant lastExport;

    /**
     * Creates the resolver.
     *
     * @param client the client
     * @param documents the document builder
     * @param pageSize variants per page
     */
    public VariantResolver(ShopifyClient client, ShopifyDocuments documents, int pageSize) {
        this(client, documents, pageSize, null);
    }

    /**
     * Creates the resolver that takes SKUs from the catalog's bulk export when one is current, and has one started
     * when the reads wanted exceed its threshold: the shop's variant count, read once up front (one
     * {@code productVariantsCount}), so a restart of a large catalog starts its export with its first publish; or,
     * in a catalog that grew, the SKUs searched per request since the last export. SKUs the export does not show as
     * unique (absent, or on several variants) are still searched per request, so nothing is concluded from an export
     * alone; while an export runs, SKUs are searched per request too (publishing never waits for it).
     *
     * @param client the client
     * @param documents the document builder
     * @param pageSize variants per page
     * @param catalog the exported catalog, or null for per-request searches only
     */
    public VariantResolver(ShopifyClient client, ShopifyDocuments documents, int pageSize, ExportedCatalog catalog) {
        this.client = client;
        this.documents = documents;
        this.pageSize = pageSize;
        this.catalog = catalog;
    }

    /**
     * Why the last bulk export was not used, if it was not.
     *
     * @return the reason, or null when the last export (if any) was used
     */
    public String lastBulkProblem() {
        return catalog == null ? null : catalog.lastProblem();
    }

    /** The result of resolving one SKU. */
    public sealed interface Resolution permits Found, Missing, Ambiguous {
    }

    /**
     * Exactly one variant has the SKU.
     *
     * @param variant the variant
     */
    public record Found(VariantRecord variant) implements Resolution {
    }

    /** No variant has the SKU. */
    public record Missing() implements Resolution {
    }

    /**
     * More than one variant has the SKU.
     *
     * @param variantIds their gids
     */
    public record Ambiguous(List<String> variantIds) implements Resolution {
    }

    /**
     * Resolves SKUs, from the cache where possible.
     *
     * @param skus distinct SKUs
     * @return one resolution per SKU
     * @throws CallFailedException when a search fails after retries
     * @throws InterruptedException when interrupted
     */
    public Map<String, Resolution> resolve(List<String> skus) throws InterruptedException {
        Map<String, Resolution> result = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (String sku : skus) {
            VariantRecord cached = cache.get(sku);
            if (cached != null) {
                result.put(sku, new Found(cached));
            } else {
                misses.add(sku);
            }
        }
        if (catalog != null) {
            keepExport(misses);
            misses = fromExport(misses, result);
        }
        lookupsSinceExport += misses.size();
        for (int from = 0; from < misses.size(); from += SKUS_PER_SEARCH) {
            List<String> chunk = misses.subList(from, Math.min(misses.size(), from + SKUS_PER_SEARCH));
            Map<String, List<VariantRecord>> hits = search(chunk);
            for (String sku : chunk) {
                List<VariantRecord> found = hits.getOrDefault(sku, List.of());
                if (found.isEmpty()) {
                    result.put(sku, new Missing());
                } else if (found.size() > 1) {
                    result.put(sku, new Ambiguous(found.stream().map(VariantRecord::variantId).toList()));
                } else {
                    cache.put(sku, found.get(0));
                    result.put(sku, new Found(found.get(0)));
                }
            }
        }
        return result;
    }

    /**
     * The SKUs of one call to defer while a bulk export is on its way (started, not landed, none current): those
     * not yet known beyond the first {@code budget} of them, in the call's order. Reading them per request now would
     * hold the call, and every change queued behind it, for seconds of the cost bucket, when the export will
     * answer them for nothing once it lands. Known SKUs are never deferred; nor is anything without an export on
     * its way. Polls the export, or starts it, as {@link #resolve} does.
     *
     * @param skus distinct SKUs, in the call's order
     * @param budget not-yet-known SKUs still read per request
     * @return the SKUs to defer, in order; empty when nothing is to be deferred
     * @throws InterruptedException when interrupted
     */
    public List<String> beyondReadBudget(List<String> skus, int budget) throws InterruptedException {
        if (catalog == null) {
            return List.of();
        }
        List<String> unknown = skus.stream().filter(sku -> !cache.containsKey(sku)).toList();
        keepExport(unknown);
        if (!catalog.running() || catalog.current() || unknown.size() <= budget) {
            return List.of();
        }
        return unknown.subList(budget, unknown.size());
    }

    /**
     * How long a SKU deferred by {@link #beyondReadBudget} should wait before it is sent again: until the running
     * export is next polled, when a call learns whether it landed and, if so, answers the SKU from it.
     *
     * @return the wait, positive, at most the longest poll interval (5 s)
     */
    public Duration untilExportCheck() {
        return catalog == null ? ExportedCatalog.MAX_POLL_INTERVAL : catalog.untilNextPoll();
    }

    /**
     * Every publish passes here: the shop's variants are counted once, an export on its way is polled when due, and
     * a large catalog's export is started, or renewed before it expires, so a reconciliation finds a current one.
     */
    private void keepExport(List<String> misses) throws InterruptedException {
        if (!counted && !misses.isEmpty() && catalog.threshold() < Integer.MAX_VALUE) {
            counted = true;
            catalog.catalogSize(countVariants());
        }
        catalog.ensure(misses.isEmpty() ? 0 : lookupsSinceExport + misses.size());
        Instant exported = catalog.exportedAt().orElse(null);
        if (exported != null && !exported.equals(lastExport)) {
            lastExport = exported;
            lookupsSinceExport = 0;
        }
    }

    /** Answers the SKUs the current export shows as unique, and returns the others, still to search. */
    private List<String> fromExport(List<String> misses, Map<String, Resolution> result) {
        List<String> remaining = new ArrayList<>();
        for (String sku : misses) {
            ExportedCatalog.Entry entry = catalog.entry(sku).orElse(null);
            if (entry == null) {
                remaining.add(sku);
                continue;
            }
            cache.put(sku, entry.variant());
            // Tags the resolver already knows were read or written after the export started.
            if (!productTags.containsKey(entry.variant().productId())) {
                tagsOf(entry.variant().productId()).addAll(entry.productTags());
            }
            result.put(sku, new Found(entry.variant()));
        }
        return remaining;
    }

    /**
     * Counts the shop's variants up to {@code limit} ({@code Count.precision} AT_LEAST beyond it).
     *
     * @param limit the count's upper bound
     * @return the document
     */
    static String countDocument(long limit) {
        return "query CountVariants { " + COUNT + "(limit: " + Math.min(limit, Integer.MAX_VALUE) + ") { count precision } }";
    }

    /**
     * The shop's variant count, capped just above what decides ({@code limit}); 0 when it cannot be read (the
     * searches since the last export decide then).
     */
    private long countVariants() throws InterruptedException {
        try {
            JsonNode count = client.answered(client.execute(COUNT, countDocument(catalog.threshold() + 1L), 1), COUNT,
                    COUNT);
            return count.path("count").asLong(0);
        } catch (CallFailedException e) {
            LOG.info("shop {}: the variant count could not be read ({}); the searches decide on the export",
                    client.shop(), e.getMessage());
            return 0;
        }
    }

    /**
     * Records a variant's new marks after a successful write.
     *
     * @param variant the updated record
     */
    public void update(VariantRecord variant) {
        cache.put(variant.sku(), variant);
    }

    /**
     * The product's tags as last read or written.
     *
     * @param productId the product gid
     * @return the tags (mutable view owned by the resolver)
     */
    public Set<String> tagsOf(String productId) {
        return productTags.computeIfAbsent(productId, id -> new HashSet<>());
    }

    /**
     * Every cached variant of a product.
     *
     * @param productId the product gid
     * @return the variants this resolver knows
     */
    public List<VariantRecord> knownVariantsOf(String productId) {
        return cache.values().stream().filter(v -> v.productId().equals(productId)).toList();
    }

    /**
     * One page, as large as fits: a page Shopify refuses as too costly is asked for again with fewer variants,
     * since the refusal taught the client the real cost per variant.
     */
    private GraphQlResponse page(List<String> skus, String after) throws InterruptedException {
        while (true) {
            int first = client.fit(OPERATION, pageSize, ShopifyDocuments::variantsBySkuCost);
            try {
                return client.execute(OPERATION, documents.variantsBySku(skus, first, after), ShopifyDocuments.variantsBySkuCost(first));
            } catch (CallFailedException e) {
                if (e.kind() != CallFailedException.Kind.TOO_COSTLY || first <= 1) {
                    throw e;
                }
            }
        }
    }

    private Map<String, List<VariantRecord>> search(List<String> skus) throws InterruptedException {
        Set<String> wanted = new HashSet<>(skus);
        Map<String, List<VariantRecord>> hits = new HashMap<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            if (++pages > MAX_PAGES) {
                throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " still had more pages after "
                        + MAX_PAGES + " for " + skus.size() + " SKUs; stopped", null, null);
            }
            GraphQlResponse response = page(skus, after);
            JsonNode connection = client.answered(response, OPERATION, OPERATION);
            if (!connection.path("nodes").isArray() || !connection.path("pageInfo").isObject()) {
                throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " returned a connection without nodes"
                        + " or pageInfo", null, null);
            }
            for (JsonNode node : connection.path("nodes")) {
                String sku = node.path("sku").asText(null);
                // Shopify's search is token-based and case-insensitive; only an exact SKU match counts.
                if (sku == null || !wanted.contains(sku)) {
                    continue;
                }
                JsonNode product = node.path("product");
                if (!node.path("id").isTextual() || !product.path("id").isTextual() || !node.path("inventoryItem").path("id").isTextual()) {
                    throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " returned variant of sku " + sku
                            + " without its ids", null, null);
                }
                Set<String> tags = tagsOf(product.path("id").asText());
                tags.clear();
                product.path("tags").forEach(t -> tags.add(t.asText()));
                hits.computeIfAbsent(sku, k -> new ArrayList<>()).add(VariantRecord.of(sku, node));
            }
            JsonNode pageInfo = connection.path("pageInfo");
            boolean more = pageInfo.path("hasNextPage").asBoolean(false);
            if (more && !pageInfo.path("endCursor").isTextual()) {
                throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " said there are more pages but gave "
                        + "no cursor", null, null);
            }
            after = more ? pageInfo.path("endCursor").asText() : null;
            if (after != null && !cursors.add(after)) {
                throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " returned the same cursor twice; "
                        + "stopped paging", null, null);
            }
        } while (after != null);
        return hits;
    }
}
