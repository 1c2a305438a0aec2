package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ActivationEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.MetafieldEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ProductVariants;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Puts the pre-order marks on (tracked, stocked at the location, policy DENY, metafield active, product tag) and
 * takes them off (metafield inactive, tag removed once no known variant of the product is listed; DENY stays, it
 * is the safe policy). Each step writes only what differs from what resolution read. An item a step fails for gets
 * its outcome and drops out of the later steps, so it never gets a quantity without its marks.
 */
public final class MarksWriter {
    /** Aliased mutations per document: 25 x 12 points stays far below the 1,000-point single-query limit. */
    static final int FIELDS_PER_DOCUMENT = 25;
    /** Shopify's limit per metafieldsSet. */
    static final int METAFIELDS_PER_CALL = 25;

    private final ShopifyClient client;
    private final ShopifyDocuments documents;
    private final VariantResolver resolver;
    private final PreorderMetafield metafield;
    private final IdempotencyKeys keys;
    private final String tag;

    /**
     * Creates the writer.
     *
     * @param client the client
     * @param documents the document builder
     * @param resolver the resolution cache, updated after writes
     * @param metafield the metafield format
     * @param keys idempotency keys (inventoryActivate needs one)
     * @param tag the product tag
     */
    public MarksWriter(ShopifyClient client, ShopifyDocuments documents, VariantResolver resolver, PreorderMetafield metafield,
                       IdempotencyKeys keys, String tag) {
        this.client = client;
        this.documents = documents;
        this.resolver = resolver;
        this.metafield = metafield;
        this.keys = keys;
        this.tag = tag;
    }

    /**
     * Lists items: every mark before any quantity.
     *
     * @param items open listing items of one location, with variant and level
     * @param locationId the location
     * @throws InterruptedException when interrupted
     */
    public void list(List<BatchItem> items, String locationId) throws InterruptedException {
        perItem("inventoryItemUpdate", select(items, i -> !i.variant().tracked()),
                chunk -> documents.track(chunk.stream().map(i -> i.variant().inventoryItemId()).toList()),
                item -> setVariant(item, item.variant().withTracked()));
        List<BatchItem> unstocked = select(items, i -> !i.level().stocked());
        perItem("inventoryActivate", unstocked,
                chunk -> documents.activate(chunk.stream()
                        .map(i -> new ActivationEntry(i.variant().inventoryItemId(), locationId, keys.next())).toList()),
                // A new level starts with every quantity at 0.
                item -> item.level(new LevelQuantities(true, 0, 0, 0)));
        denyPolicy(select(items, i -> !i.variant().denyPolicy()));
        setMetafields(select(items, i -> !metafield.matches(i.variant().metafieldValue(), true, i.state().promiseDate())), true);
        Map<String, List<BatchItem>> untagged = byProduct(select(items, i -> !resolver.tagsOf(i.variant().productId()).contains(tag)));
        tagProducts(true, untagged);
    }

    /**
     * Delists items whose quantity is already down: metafield inactive, then the tag when the product has no other
     * listed variant this publisher knows of.
     *
     * @param items open delisting items whose quantity write succeeded
     * @throws InterruptedException when interrupted
     */
    public void delist(List<BatchItem> items) throws InterruptedException {
        setMetafields(select(items, i -> !metafield.matches(i.variant().metafieldValue(), false, i.state().promiseDate())), false);
        Map<String, List<BatchItem>> lastListed = new LinkedHashMap<>();
        for (Map.Entry<String, List<BatchItem>> product : byProduct(select(items,
                i -> resolver.tagsOf(i.variant().productId()).contains(tag))).entrySet()) {
            Set<String> delisting = new HashSet<>();
            product.getValue().forEach(i -> delisting.add(i.variant().variantId()));
            boolean knownListed = resolver.knownVariantsOf(product.getKey()).stream()
                    .anyMatch(v -> !delisting.contains(v.variantId()) && metafield.isActive(v.metafieldValue()));
            // The cache only knows variants this process resolved: ask Shopify before taking the tag away.
            if (!knownListed && !siblingListed(product.getKey(), delisting, product.getValue())) {
                lastListed.put(product.getKey(), product.getValue());
            }
        }
        tagProducts(false, lastListed);
    }

    /**
     * Whether another variant of the product is listed in Shopify. Unsure (more than one page of variants, a failed
     * read) counts as listed: a tag left on a product with nothing to sell is harmless; a tag taken off a listed
     * sibling hides it from HotWax's storefront.
     */
    private boolean siblingListed(String productId, Set<String> delisting, List<BatchItem> items) throws InterruptedException {
        JsonNode variants;
        try {
            GraphQlResponse response = client.execute("product", documents.productVariantMarks(productId),
                    ShopifyDocuments.productVariantMarksCost());
            variants = client.answered(response, "product", "product").path("variants");
        } catch (CallFailedException e) {
            items.forEach(i -> i.fail(e, "checking the other variants of the product of sku " + i.state().sku()
                    + " before removing the tag failed"));
            return true;
        }
        if (!variants.path("nodes").isArray()) {
            items.forEach(i -> i.retry("checking the other variants of the product of sku " + i.state().sku()
                    + " before removing the tag: no variant list in the answer"));
            return true;
        }
        if (variants.path("pageInfo").path("hasNextPage").asBoolean(false)) {
            return true;
        }
        for (JsonNode v : variants.path("nodes")) {
            if (!delisting.contains(v.path("id").asText()) && metafield.isActive(v.path("metafield").path("value").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private void denyPolicy(List<BatchItem> items) throws InterruptedException {
        Map<String, List<BatchItem>> products = byProduct(items);
        // productVariantsBulkUpdate is all or nothing per product: drop the variants it names and resend the rest.
        for (int pass = 0; pass < 3 && !products.isEmpty(); pass++) {
            Map<String, List<BatchItem>> again = new LinkedHashMap<>();
            List<Map.Entry<String, List<BatchItem>>> entries = new ArrayList<>(products.entrySet());
            int size = fieldsPerDocument("productVariantsBulkUpdate");
            for (int from = 0; from < entries.size(); from += size) {
                List<Map.Entry<String, List<BatchItem>>> chunk = entries.subList(from, Math.min(entries.size(), from + size));
                String doc = documents.denyPolicy(chunk.stream().map(e -> new ProductVariants(e.getKey(),
                        e.getValue().stream().map(i -> i.variant().variantId()).toList())).toList());
                GraphQlResponse response = send("productVariantsBulkUpdate", doc, chunk.size(),
                        chunk.stream().flatMap(e -> e.getValue().stream()).toList());
                if (response == null) {
                    continue;
                }
                for (int p = 0; p < chunk.size(); p++) {
                    String productId = chunk.get(p).getKey();
                    List<BatchItem> variants = chunk.get(p).getValue();
                    List<UserError> errors = userErrors(OperationResult.of(response, "m" + p, "productVariantsBulkUpdate"), variants);
                    if (errors == null) {
                        continue;
                    }
                    if (errors.isEmpty()) {
                        variants.forEach(item -> setVariant(item, item.variant().withDeny()));
                        continue;
                    }
                    List<BatchItem> rest = withoutRefused("productVariantsBulkUpdate", variants, errors);
                    if (!rest.isEmpty()) {
                        again.put(productId, rest);
                    }
                }
            }
            products = again;
        }
        products.values().forEach(its -> its.forEach(i -> i.retry("productVariantsBulkUpdate kept failing")));
    }

    private void setMetafields(List<BatchItem> items, boolean active) throws InterruptedException {
        List<BatchItem> pending = new ArrayList<>(items);
        // metafieldsSet is atomic: drop the entries it names and resend the rest.
        for (int pass = 0; pass < 3 && !pending.isEmpty(); pass++) {
            List<BatchItem> again = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += METAFIELDS_PER_CALL) {
                List<BatchItem> chunk = pending.subList(from, Math.min(pending.size(), from + METAFIELDS_PER_CALL));
                List<String> values = chunk.stream().map(i -> metafield.value(active, i.state().promiseDate())).toList();
                List<MetafieldEntry> entries = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    entries.add(new MetafieldEntry(chunk.get(i).variant().variantId(), values.get(i)));
                }
                GraphQlResponse response = send("metafieldsSet", documents.metafieldsSet(entries), 1, chunk);
                if (response == null) {
                    continue;
                }
                List<UserError> errors = userErrors(OperationResult.of(response, "metafieldsSet", "metafieldsSet"), chunk);
                if (errors == null) {
                    continue;
                }
                if (errors.isEmpty()) {
                    for (int i = 0; i < chunk.size(); i++) {
                        setVariant(chunk.get(i), chunk.get(i).variant().withMetafield(values.get(i)));
                    }
                    continue;
                }
                again.addAll(withoutRefused("metafieldsSet", chunk, errors));
            }
            pending = again;
        }
        pending.forEach(i -> i.retry("metafieldsSet kept failing"));
    }

    private void tagProducts(boolean add, Map<String, List<BatchItem>> products) throws InterruptedException {
        List<Map.Entry<String, List<BatchItem>>> entries = new ArrayList<>(products.entrySet());
        String op = add ? "tagsAdd" : "tagsRemove";
        int size = fieldsPerDocument(op);
        for (int from = 0; from < entries.size(); from += size) {
            List<Map.Entry<String, List<BatchItem>>> chunk = entries.subList(from, Math.min(entries.size(), from + size));
            GraphQlResponse response = send(op, documents.tags(add, chunk.stream().map(Map.Entry::getKey).toList(), tag),
                    chunk.size(), chunk.stream().flatMap(e -> e.getValue().stream()).toList());
            if (response == null) {
                continue;
            }
            for (int p = 0; p < chunk.size(); p++) {
                List<BatchItem> its = chunk.get(p).getValue();
                List<UserError> errors = userErrors(OperationResult.of(response, "m" + p, op), its);
                if (errors == null) {
                    continue;
                }
                if (errors.isEmpty()) {
                    if (add) {
                        resolver.tagsOf(chunk.get(p).getKey()).add(tag);
                    } else {
                        resolver.tagsOf(chunk.get(p).getKey()).remove(tag);
                    }
                    its.forEach(BatchItem::wrote);
                } else {
                    its.forEach(i -> i.reject(op + " refused the product of sku " + i.state().sku() + ": " + errors.get(0).describe()));
                }
            }
        }
    }

    /** One aliased mutation per item; an item whose mutation reports errors is rejected, the others go on. */
    private void perItem(String op, List<BatchItem> items, Function<List<BatchItem>, String> document, Consumer<BatchItem> onSuccess)
            throws InterruptedException {
        int size = fieldsPerDocument(op);
        for (int from = 0; from < items.size(); from += size) {
            List<BatchItem> chunk = items.subList(from, Math.min(items.size(), from + size));
            GraphQlResponse response = send(op, document.apply(chunk), chunk.size(), chunk);
            if (response == null) {
                continue;
            }
            for (int i = 0; i < chunk.size(); i++) {
                BatchItem item = chunk.get(i);
                List<UserError> errors = userErrors(OperationResult.of(response, "m" + i, op), List.of(item));
                if (errors == null) {
                    continue;
                }
                if (errors.isEmpty()) {
                    item.wrote();
                    onSuccess.accept(item);
                } else {
                    item.reject(op + " refused sku " + item.state().sku() + ": " + errors.get(0).describe());
                }
            }
        }
    }

    /**
     * For an all-or-nothing mutation that reported errors: rejects the entries the errors point at (an error
     * pointing at no entry rejects them all) and returns the others, which were not applied and are to be resent.
     */
    private static List<BatchItem> withoutRefused(String op, List<BatchItem> sent, List<UserError> errors) {
        List<BatchItem> rest = new ArrayList<>(sent);
        for (UserError error : errors) {
            OptionalInt index = error.index();
            if (index.isPresent() && index.getAsInt() < sent.size()) {
                BatchItem bad = sent.get(index.getAsInt());
                bad.reject(op + " refused sku " + bad.state().sku() + ": " + error.describe());
                rest.remove(bad);
            } else {
                rest.forEach(item -> item.reject(op + " refused the request for sku " + item.state().sku() + ": " + error.describe()));
                rest.clear();
            }
        }
        return rest;
    }

    private GraphQlResponse send(String op, String document, int fields, List<BatchItem> items) throws InterruptedException {
        try {
            return client.execute(op, document, ShopifyDocuments.mutationCost(fields));
        } catch (CallFailedException e) {
            items.forEach(i -> i.fail(e, null));
            return null;
        }
    }

    /**
     * The user errors of an answered mutation, or null after deciding the items when it did not answer (denied:
     * REJECTED for the shop; failed, null or malformed: RETRY), so a mutation that did not happen never counts.
     */
    private static List<UserError> userErrors(OperationResult result, List<BatchItem> items) {
        if (!(result instanceof OperationResult.Answered answered)) {
            items.forEach(i -> i.fail(result));
            return null;
        }
        if (!answered.payload().path("userErrors").isArray()) {
            items.forEach(i -> i.retry("a mutation for sku " + i.state().sku() + " returned no userErrors list"));
            return null;
        }
        return UserErrors.of(answered.payload());
    }

    /** Aliased mutations per document: as many as fit by what responses taught about the operation's cost. */
    private int fieldsPerDocument(String op) {
        return client.fit(op, FIELDS_PER_DOCUMENT, ShopifyDocuments::mutationCost);
    }

    private void setVariant(BatchItem item, VariantRecord updated) {
        item.variant(updated);
        item.wrote();
        resolver.update(updated);
    }

    private static List<BatchItem> select(List<BatchItem> items, java.util.function.Predicate<BatchItem> p) {
        return items.stream().filter(BatchItem::open).filter(p).toList();
    }

    private static Map<String, List<BatchItem>> byProduct(List<BatchItem> items) {
        Map<String, List<BatchItem>> products = new LinkedHashMap<>();
        items.forEach(i -> products.computeIfAbsent(i.variant().productId(), k -> new ArrayList<>()).add(i));
        return products;
    }
}
