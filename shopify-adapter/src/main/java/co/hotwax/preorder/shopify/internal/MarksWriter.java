package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ActivationEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.MetafieldEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ProductVariants;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Puts the pre-order marks on (tracked, stocked at the location, policy DENY, metafield active, product tag) and
 * takes them off (metafield inactive, tag removed once no known variant of the product is listed; DENY stays, it
 * is the safe policy). Each step writes only what differs from what resolution read. An item a step fails for gets
 * its outcome and drops out of the later steps, so it never gets a quantity without its marks.
 */
public final class MarksWriter {
    /** Aliased mutations per document: 25 x 11 points stays far below the 1,000-point single-query limit. */
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
        byProduct(select(items, i -> resolver.tagsOf(i.variant().productId()).contains(tag))).forEach((product, its) -> {
            boolean otherListed = resolver.knownVariantsOf(product).stream().anyMatch(v -> metafield.isActive(v.metafieldValue()));
            if (!otherListed) {
                lastListed.put(product, its);
            }
        });
        tagProducts(false, lastListed);
    }

    private void denyPolicy(List<BatchItem> items) throws InterruptedException {
        Map<String, List<BatchItem>> products = byProduct(items);
        // productVariantsBulkUpdate is all or nothing per product: drop the variants it names and resend the rest.
        for (int pass = 0; pass < 3 && !products.isEmpty(); pass++) {
            Map<String, List<BatchItem>> again = new LinkedHashMap<>();
            List<Map.Entry<String, List<BatchItem>>> entries = new ArrayList<>(products.entrySet());
            for (int from = 0; from < entries.size(); from += FIELDS_PER_DOCUMENT) {
                List<Map.Entry<String, List<BatchItem>>> chunk = entries.subList(from, Math.min(entries.size(), from + FIELDS_PER_DOCUMENT));
                String doc = documents.denyPolicy(chunk.stream().map(e -> new ProductVariants(e.getKey(),
                        e.getValue().stream().map(i -> i.variant().variantId()).toList())).toList());
                JsonNode data = send("productVariantsBulkUpdate", doc, chunk.size(),
                        chunk.stream().flatMap(e -> e.getValue().stream()).toList());
                if (data == null) {
                    continue;
                }
                for (int p = 0; p < chunk.size(); p++) {
                    String productId = chunk.get(p).getKey();
                    List<BatchItem> variants = chunk.get(p).getValue();
                    List<UserError> errors = UserErrors.of(data.path("m" + p));
                    if (errors.isEmpty()) {
                        variants.forEach(item -> setVariant(item, item.variant().withDeny()));
                        continue;
                    }
                    List<BatchItem> rest = new ArrayList<>(variants);
                    for (UserError error : errors) {
                        OptionalInt index = error.index();
                        if (index.isPresent() && index.getAsInt() < variants.size()) {
                            BatchItem bad = variants.get(index.getAsInt());
                            bad.reject("productVariantsBulkUpdate refused sku " + bad.state().sku() + ": " + error.describe());
                            rest.remove(bad);
                        } else {
                            rest.forEach(item -> item.reject("productVariantsBulkUpdate refused product " + productId
                                    + " of sku " + item.state().sku() + ": " + error.describe()));
                            rest.clear();
                        }
                    }
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
                GraphQlResponse response;
                try {
                    response = client.execute("metafieldsSet", documents.metafieldsSet(entries), ShopifyDocuments.mutationCost(1));
                } catch (CallFailedException e) {
                    chunk.forEach(i -> i.retry(e.getMessage()));
                    continue;
                }
                List<UserError> errors = UserErrors.of(response.data().path("metafieldsSet"));
                if (errors.isEmpty()) {
                    for (int i = 0; i < chunk.size(); i++) {
                        setVariant(chunk.get(i), chunk.get(i).variant().withMetafield(values.get(i)));
                    }
                    continue;
                }
                List<BatchItem> rest = new ArrayList<>(chunk);
                for (UserError error : errors) {
                    OptionalInt index = error.index();
                    if (index.isPresent() && index.getAsInt() < chunk.size()) {
                        BatchItem bad = chunk.get(index.getAsInt());
                        bad.reject("metafieldsSet refused sku " + bad.state().sku() + ": " + error.describe());
                        rest.remove(bad);
                    } else {
                        rest.forEach(i -> i.reject("metafieldsSet refused the batch: " + error.describe()));
                        rest.clear();
                    }
                }
                again.addAll(rest);
            }
            pending = again;
        }
        pending.forEach(i -> i.retry("metafieldsSet kept failing"));
    }

    private void tagProducts(boolean add, Map<String, List<BatchItem>> products) throws InterruptedException {
        List<Map.Entry<String, List<BatchItem>>> entries = new ArrayList<>(products.entrySet());
        for (int from = 0; from < entries.size(); from += FIELDS_PER_DOCUMENT) {
            List<Map.Entry<String, List<BatchItem>>> chunk = entries.subList(from, Math.min(entries.size(), from + FIELDS_PER_DOCUMENT));
            String op = add ? "tagsAdd" : "tagsRemove";
            JsonNode data = send(op, documents.tags(add, chunk.stream().map(Map.Entry::getKey).toList(), tag), chunk.size(),
                    chunk.stream().flatMap(e -> e.getValue().stream()).toList());
            if (data == null) {
                continue;
            }
            for (int p = 0; p < chunk.size(); p++) {
                List<UserError> errors = UserErrors.of(data.path("m" + p));
                List<BatchItem> its = chunk.get(p).getValue();
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
        for (int from = 0; from < items.size(); from += FIELDS_PER_DOCUMENT) {
            List<BatchItem> chunk = items.subList(from, Math.min(items.size(), from + FIELDS_PER_DOCUMENT));
            JsonNode data = send(op, document.apply(chunk), chunk.size(), chunk);
            if (data == null) {
                continue;
            }
            for (int i = 0; i < chunk.size(); i++) {
                BatchItem item = chunk.get(i);
                List<UserError> errors = UserErrors.of(data.path("m" + i));
                if (errors.isEmpty() && data.path("m" + i).isObject()) {
                    item.wrote();
                    onSuccess.accept(item);
                } else {
                    item.reject(op + " refused sku " + item.state().sku() + ": "
                            + (errors.isEmpty() ? "no result" : errors.get(0).describe()));
                }
            }
        }
    }

    private JsonNode send(String op, String document, int fields, List<BatchItem> items) throws InterruptedException {
        try {
            return client.execute(op, document, ShopifyDocuments.mutationCost(fields)).data();
        } catch (CallFailedException e) {
            items.forEach(i -> i.retry(e.getMessage()));
            return null;
        }
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
