package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ActivationEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.MetafieldEntry;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ProductMarks;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.ProductVariants;
import co.hotwax.preorder.shopify.internal.ShopifyDocuments.VariantMarks;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.AbstractMap;
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
 *
 * <p>Listing puts tracked, DENY and the metafield on with one {@code productVariantsBulkUpdate} per product (grouped,
 * the default), or, for comparison, with the per-SKU {@code inventoryItemUpdate} and {@code metafieldsSet} beside a
 * per-product DENY update (the marks before issue 15). No synchronous mutation stocks many items at once:
 * {@code inventoryActivate} takes one item, {@code inventoryBulkToggleActivation} one item at many locations, and
 * {@code inventorySetQuantities} refuses an item not stocked at the location ({@code ITEM_NOT_STOCKED_AT_LOCATION},
 * schema 2026-04). So from a configurable number of items on, each of the three listing steps (variant marks,
 * activation, tag) runs as one bulk mutation ({@link BulkMutationRunner}: about 30 points for any number of lines,
 * instead of 10 or more a product or item); what a bulk mutation leaves undone (a failed operation, a refused or
 * missing line) goes through the requests of its own, which decide it as before.
 */
public final class MarksWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MarksWriter.class);
    /** Aliased mutations per document: 25 x 12 points stays far below the 1,000-point single-query limit. */
    static final int FIELDS_PER_DOCUMENT = 25;
    /** Shopify's limit per metafieldsSet. */
    static final int METAFIELDS_PER_CALL = 25;
    /** Variants per productVariantsBulkUpdate: Shopify's input limit. */
    static final int VARIANTS_PER_CALL = 250;

    private final ShopifyClient client;
    private final ShopifyDocuments documents;
    private final VariantResolver resolver;
    private final PreorderMetafield metafield;
    private final IdempotencyKeys keys;
    private final String tag;
    private final boolean grouped;
    private final BulkMutationRunner bulk;
    private final int bulkThreshold;

    /**
     * Creates the writer.
     *
     * @param client the client
     * @param documents the document builder
     * @param resolver the resolution cache, updated after writes
     * @param metafield the metafield format
     * @param keys idempotency keys (inventoryActivate needs one)
     * @param tag the product tag
     * @param grouped true to put tracked, DENY and the metafield on with one productVariantsBulkUpdate per product;
     *                false for the per-SKU marks
     * @param bulk runs bulk mutations
     * @param bulkThreshold items to activate in one publish from which one bulk mutation activates them
     */
    public MarksWriter(ShopifyClient client, ShopifyDocuments documents, VariantResolver resolver, PreorderMetafield metafield,
                       IdempotencyKeys keys, String tag, boolean grouped, BulkMutationRunner bulk, int bulkThreshold) {
        this.client = client;
        this.documents = documents;
        this.resolver = resolver;
        this.metafield = metafield;
        this.keys = keys;
        this.tag = tag;
        this.grouped = grouped;
        this.bulk = bulk;
        this.bulkThreshold = bulkThreshold;
    }

    /**
     * Lists items: every mark before any quantity.
     *
     * @param items open listing items of one location, with variant and level
     * @param locationId the location
     * @throws InterruptedException when interrupted
     */
    public void list(List<BatchItem> items, String locationId) throws InterruptedException {
        if (grouped) {
            List<BatchItem> unmarked = select(items, i -> !i.variant().tracked() || !i.variant().denyPolicy()
                    || !metafieldMatches(i));
            variantMarks(inBulk(unmarked) ? variantMarksInBulk(unmarked) : unmarked);
        } else {
            perItem("inventoryItemUpdate", select(items, i -> !i.variant().tracked()),
                    chunk -> documents.track(chunk.stream().map(i -> i.variant().inventoryItemId()).toList()),
                    item -> setVariant(item, item.variant().withTracked()));
        }
        List<BatchItem> unstocked = select(items, i -> !i.level().stocked());
        if (inBulk(unstocked)) {
            unstocked = activateInBulk(unstocked, locationId);
        }
        perItem("inventoryActivate", unstocked,
                chunk -> documents.activate(chunk.stream()
                        .map(i -> new ActivationEntry(i.variant().inventoryItemId(), locationId, keys.next())).toList()),
                // A new level starts with every quantity at 0.
                item -> item.level(new LevelQuantities(true, 0, 0, 0)));
        if (!grouped) {
            denyPolicy(select(items, i -> !i.variant().denyPolicy()));
            setMetafields(select(items, i -> !metafieldMatches(i)), true);
        }
        List<BatchItem> untagged = select(items, i -> !resolver.tagsOf(i.variant().productId()).contains(tag));
        tagProducts(true, inBulk(untagged) ? tagInBulk(byProduct(untagged)) : byProduct(untagged));
    }

    /** Whether these many items are written by a bulk mutation rather than by requests of their own. */
    private boolean inBulk(List<BatchItem> items) {
        return !items.isEmpty() && items.size() >= bulkThreshold;
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

    /**
     * Activates the items with one bulk mutation; returns the items it left without a result, to be activated one by
     * one (a line that answered is decided like the per-item mutation: applied, or rejected naming its SKU).
     */
    private List<BatchItem> activateInBulk(List<BatchItem> items, String locationId) throws InterruptedException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (BatchItem item : items) {
            lines.add(Map.of("item", item.variant().inventoryItemId(), "location", locationId, "idempotencyKey", keys.next()));
        }
        BulkMutationRunner.Result result = bulk.run(ShopifyDocuments.ACTIVATE_IN_BULK, lines);
        List<BatchItem> notRun = decideLines("inventoryActivate", items, result,
                item -> item.level(new LevelQuantities(true, 0, 0, 0)));
        logLeftOver("inventoryActivate", notRun.size(), items.size(), result);
        return notRun;
    }

    /**
     * Decides each item from its line of a bulk mutation's result, as the same mutation sent alone would be; returns
     * the items whose line is missing.
     */
    static List<BatchItem> decideLines(String op, List<BatchItem> items, BulkMutationRunner.Result result,
                                       Consumer<BatchItem> onSuccess) {
        List<BatchItem> notRun = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            GraphQlResponse line = result.lines().get(i);
            if (line == null) {
                notRun.add(item);
                continue;
            }
            decide(op, item, OperationResult.of(line, op, op), onSuccess);
        }
        return notRun;
    }

    private boolean metafieldMatches(BatchItem item) {
        return metafield.matches(item.variant().metafieldValue(), true, item.state().promiseDate());
    }

    /**
     * Tracked, DENY and the active metafield, one productVariantsBulkUpdate per product (at most 250 variants each),
     * as many products per document as fit. The mutation is all or nothing per product: a variant an error points
     * at is rejected naming its SKU, and the product's other variants are sent again without it.
     */
    private void variantMarks(List<BatchItem> items) throws InterruptedException {
        List<Map.Entry<String, List<BatchItem>>> pending = perCall(items);
        for (int pass = 0; pass < 3 && !pending.isEmpty(); pass++) {
            List<Map.Entry<String, List<BatchItem>>> again = new ArrayList<>();
            List<ProductMarks> marks = pending.stream().map(e -> marksOf(e.getKey(), e.getValue())).toList();
            int from = 0;
            while (from < pending.size()) {
                double most = marks.subList(from, Math.min(marks.size(), from + FIELDS_PER_DOCUMENT)).stream()
                        .mapToDouble(ShopifyDocuments::listingMarksCost).max().orElse(0);
                int size = client.fit("productVariantsBulkUpdate", FIELDS_PER_DOCUMENT, n -> n * most);
                int to = Math.min(pending.size(), from + size);
                sendVariantMarks(pending.subList(from, to), marks.subList(from, to), again);
                from = to;
            }
            pending = again;
        }
        pending.forEach(e -> e.getValue().forEach(i -> i.retry("productVariantsBulkUpdate kept failing")));
    }

    /** Records a product's marks as written. */
    private void marked(List<BatchItem> variants, ProductMarks marks) {
        for (int v = 0; v < variants.size(); v++) {
            VariantRecord record = variants.get(v).variant().withTracked().withDeny();
            String value = marks.variants().get(v).metafieldValue();
            setVariant(variants.get(v), value == null ? record : record.withMetafield(value));
        }
    }

    /**
     * The variant marks of many products by one bulk mutation, a line per product (at most 250 variants); returns
     * the items of the products whose line did not apply cleanly (missing, failed, or with userErrors), for the
     * requests of {@link #variantMarks}, which name a refused variant and send its siblings again.
     */
    private List<BatchItem> variantMarksInBulk(List<BatchItem> items) throws InterruptedException {
        List<Map.Entry<String, List<BatchItem>>> products = perCall(items);
        List<ProductMarks> marks = products.stream().map(e -> marksOf(e.getKey(), e.getValue())).toList();
        BulkMutationRunner.Result result = bulk.run(ShopifyDocuments.LISTING_MARKS_IN_BULK,
                marks.stream().map(documents::listingMarksVariables).toList());
        List<BatchItem> rest = new ArrayList<>();
        for (int p = 0; p < products.size(); p++) {
            if (appliedCleanly(result, p, "productVariantsBulkUpdate")) {
                marked(products.get(p).getValue(), marks.get(p));
            } else {
                rest.addAll(products.get(p).getValue());
            }
        }
        logLeftOver("productVariantsBulkUpdate", rest.size(), items.size(), result);
        return rest;
    }

    /** The product tag by one bulk mutation, a line per product; returns the products left for requests of their own. */
    private Map<String, List<BatchItem>> tagInBulk(Map<String, List<BatchItem>> products) throws InterruptedException {
        List<String> ids = new ArrayList<>(products.keySet());
        BulkMutationRunner.Result result = bulk.run(ShopifyDocuments.TAGS_ADD_IN_BULK,
                ids.stream().map(id -> Map.<String, Object>of("id", id, "tags", List.of(tag))).toList());
        Map<String, List<BatchItem>> rest = new LinkedHashMap<>();
        for (int p = 0; p < ids.size(); p++) {
            if (appliedCleanly(result, p, "tagsAdd")) {
                resolver.tagsOf(ids.get(p)).add(tag);
                products.get(ids.get(p)).forEach(BatchItem::wrote);
            } else {
                rest.put(ids.get(p), products.get(ids.get(p)));
            }
        }
        logLeftOver("tagsAdd", rest.size(), ids.size(), result);
        return rest;
    }

    /** Whether line {@code line} of a bulk result answered with an empty userErrors list. */
    private static boolean appliedCleanly(BulkMutationRunner.Result result, int line, String op) {
        GraphQlResponse response = result.lines().get(line);
        return response != null && OperationResult.of(response, op, op) instanceof OperationResult.Answered answered
                && answered.payload().path("userErrors").isArray() && answered.payload().path("userErrors").isEmpty();
    }

    private void logLeftOver(String op, int left, int all, BulkMutationRunner.Result result) {
        if (left > 0) {
            LOG.info("shop {}: {} of {} {} lines did not apply in bulk ({}); sending them one request at a time",
                    client.shop(), left, all, op, result.reason().isEmpty() ? "refused or missing lines" : result.reason());
        }
    }

    /** The items by product, at most {@link #VARIANTS_PER_CALL} variants an entry. */
    private static List<Map.Entry<String, List<BatchItem>>> perCall(List<BatchItem> items) {
        List<Map.Entry<String, List<BatchItem>>> pending = new ArrayList<>();
        for (Map.Entry<String, List<BatchItem>> product : byProduct(items).entrySet()) {
            List<BatchItem> variants = product.getValue();
            for (int from = 0; from < variants.size(); from += VARIANTS_PER_CALL) {
                pending.add(new AbstractMap.SimpleEntry<>(product.getKey(),
                        variants.subList(from, Math.min(variants.size(), from + VARIANTS_PER_CALL))));
            }
        }
        return pending;
    }

    private ProductMarks marksOf(String productId, List<BatchItem> variants) {
        return new ProductMarks(productId, variants.stream().map(i -> new VariantMarks(i.variant().variantId(),
                !i.variant().denyPolicy(), !i.variant().tracked(),
                metafieldMatches(i) ? null : metafield.value(true, i.state().promiseDate()))).toList());
    }

    private void sendVariantMarks(List<Map.Entry<String, List<BatchItem>>> chunk, List<ProductMarks> marks,
                                  List<Map.Entry<String, List<BatchItem>>> again) throws InterruptedException {
        GraphQlResponse response;
        try {
            response = client.execute("productVariantsBulkUpdate", documents.listingMarks(marks),
                    marks.stream().mapToDouble(ShopifyDocuments::listingMarksCost).sum());
        } catch (CallFailedException e) {
            chunk.forEach(p -> p.getValue().forEach(i -> i.fail(e, null)));
            return;
        }
        for (int p = 0; p < chunk.size(); p++) {
            List<BatchItem> variants = chunk.get(p).getValue();
            List<UserError> errors = userErrors(OperationResult.of(response, "m" + p, "productVariantsBulkUpdate"), variants);
            if (errors == null) {
                continue;
            }
            if (errors.isEmpty()) {
                marked(variants, marks.get(p));
                continue;
            }
            List<BatchItem> rest = withoutRefused("productVariantsBulkUpdate", variants, errors);
            if (!rest.isEmpty()) {
                again.add(new AbstractMap.SimpleEntry<>(chunk.get(p).getKey(), rest));
            }
        }
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
                setMetafieldChunk(pending.subList(from, Math.min(pending.size(), from + METAFIELDS_PER_CALL)), active, again);
            }
            pending = again;
        }
        pending.forEach(i -> i.retry("metafieldsSet kept failing"));
    }

    /** One metafieldsSet; a chunk too costly for one request (MAX_COST_EXCEEDED) is sent again as two halves. */
    private void setMetafieldChunk(List<BatchItem> chunk, boolean active, List<BatchItem> again) throws InterruptedException {
        List<String> values = chunk.stream().map(i -> metafield.value(active, i.state().promiseDate())).toList();
        List<MetafieldEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            entries.add(new MetafieldEntry(chunk.get(i).variant().variantId(), values.get(i)));
        }
        GraphQlResponse response;
        try {
            // Estimated in proportion to the entries (the first answer teaches the real ratio), so a cost learned
            // from a refusal shrinks with the halves.
            response = client.execute("metafieldsSet", documents.metafieldsSet(entries),
                    ShopifyDocuments.mutationCost(1) * entries.size());
        } catch (CallFailedException e) {
            if (e.kind() == CallFailedException.Kind.TOO_COSTLY && chunk.size() > 1) {
                int half = chunk.size() / 2;
                setMetafieldChunk(chunk.subList(0, half), active, again);
                setMetafieldChunk(chunk.subList(half, chunk.size()), active, again);
            } else {
                chunk.forEach(i -> i.fail(e, null));
            }
            return;
        }
        List<UserError> errors = userErrors(OperationResult.of(response, "metafieldsSet", "metafieldsSet"), chunk);
        if (errors == null) {
            return;
        }
        if (errors.isEmpty()) {
            for (int i = 0; i < chunk.size(); i++) {
                setVariant(chunk.get(i), chunk.get(i).variant().withMetafield(values.get(i)));
            }
            return;
        }
        again.addAll(withoutRefused("metafieldsSet", chunk, errors));
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
                decide(op, chunk.get(i), OperationResult.of(response, "m" + i, op), onSuccess);
            }
        }
    }

    /** One item's own mutation: applied without userErrors, rejected naming its SKU with them, else undecided here. */
    private static void decide(String op, BatchItem item, OperationResult result, Consumer<BatchItem> onSuccess) {
        List<UserError> errors = userErrors(result, List.of(item));
        if (errors == null) {
            return;
        }
        if (errors.isEmpty()) {
            item.wrote();
            onSuccess.accept(item);
        } else {
            item.reject(op + " refused sku " + item.state().sku() + ": " + errors.get(0).describe());
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
