package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads on_hand, available and committed of many items at one location with {@code nodes(ids:)}, 250 ids per
 * request: the fresh read every compare-and-set starts from. {@link #readOnce} first takes what a current bulk
 * export read ({@link ExportedCatalog}), once per item and location, so a restart resync or a reconciliation of a
 * large catalog does not read per request; a re-read after a lost compare-and-set always goes to Shopify.
 */
public final class LevelReader {
    /** Shopify's input-array limit. */
    public static final int MAX_IDS = 250;
    private static final String OPERATION = "readLevels";

    private final ShopifyClient client;
    private final ShopifyDocuments documents;
    private final ExportedCatalog catalog;

    /**
     * Creates the reader, without an export.
     *
     * @param client the client
     * @param documents the document builder
     */
    public LevelReader(ShopifyClient client, ShopifyDocuments documents) {
        this(client, documents, null);
    }

    /**
     * Creates the reader.
     *
     * @param client the client
     * @param documents the document builder
     * @param catalog the exported catalog {@link #readOnce} takes from, or null
     */
    public LevelReader(ShopifyClient client, ShopifyDocuments documents, ExportedCatalog catalog) {
        this.client = client;
        this.documents = documents;
        this.catalog = catalog;
    }

    /**
     * Reads the levels before a write: from the current bulk export where it has the item (each item and location
     * once), per request for the rest. Above the export's threshold an export is started for later calls if none
     * is current.
     *
     * @param inventoryItemIds the items
     * @param locationId the location
     * @return item gid to level; an item Shopify does not know is absent
     * @throws CallFailedException when a read fails after retries
     * @throws InterruptedException when interrupted
     */
    public Map<String, LevelQuantities> readOnce(List<String> inventoryItemIds, String locationId) throws InterruptedException {
        if (catalog == null || !catalog.ensure(inventoryItemIds.size())) {
            return read(inventoryItemIds, locationId);
        }
        Map<String, LevelQuantities> levels = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (String id : inventoryItemIds) {
            catalog.takeLevel(id, locationId).ifPresentOrElse(level -> levels.put(id, level), () -> rest.add(id));
        }
        if (!rest.isEmpty()) {
            levels.putAll(read(rest, locationId));
        }
        return levels;
    }

    /**
     * Reads the levels.
     *
     * @param inventoryItemIds the items
     * @param locationId the location
     * @return item gid to level; an item Shopify does not know is absent
     * @throws CallFailedException when a read fails after retries
     * @throws InterruptedException when interrupted
     */
    public Map<String, LevelQuantities> read(List<String> inventoryItemIds, String locationId) throws InterruptedException {
        Map<String, LevelQuantities> levels = new HashMap<>();
        int size = client.fit(OPERATION, Math.min(MAX_IDS, Math.max(1, inventoryItemIds.size())), ShopifyDocuments::levelsCost);
        for (int from = 0; from < inventoryItemIds.size(); from += size) {
            readChunk(inventoryItemIds.subList(from, Math.min(inventoryItemIds.size(), from + size)), locationId, levels);
        }
        return levels;
    }

    /** Reads one chunk; a chunk too costly for one request is read in halves. */
    private void readChunk(List<String> chunk, String locationId, Map<String, LevelQuantities> levels) throws InterruptedException {
        GraphQlResponse response;
        try {
            response = client.execute(OPERATION, documents.levels(chunk, locationId), ShopifyDocuments.levelsCost(chunk.size()));
        } catch (CallFailedException e) {
            if (e.kind() != CallFailedException.Kind.TOO_COSTLY || chunk.size() < 2) {
                throw e;
            }
            int half = chunk.size() / 2;
            readChunk(chunk.subList(0, half), locationId, levels);
            readChunk(chunk.subList(half, chunk.size()), locationId, levels);
            return;
        }
        JsonNode nodes = client.answered(response, "nodes", OPERATION);
        // nodes(ids:) answers one entry per id, null for an id Shopify does not know; any other length is broken.
        if (!nodes.isArray() || nodes.size() != chunk.size()) {
            throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " returned " + (nodes.isArray()
                    ? nodes.size() + " nodes for " + chunk.size() + " ids" : "no node list"), null, null);
        }
        for (int i = 0; i < chunk.size(); i++) {
            JsonNode node = nodes.get(i);
            if (node.isNull()) {
                continue;
            }
            if (!node.isObject() || !chunk.get(i).equals(node.path("id").asText(null))) {
                throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " returned a node that is not item "
                        + chunk.get(i), null, null);
            }
            LevelQuantities level = parse(node.path("inventoryLevel"));
            if (level == null) {
                throw client.failure(CallFailedException.Kind.MALFORMED, OPERATION + " returned unreadable quantities for item "
                        + chunk.get(i), null, null);
            }
            levels.put(chunk.get(i), level);
        }
    }

    /** The level, NOT_STOCKED when absent, or null when its quantities are not three integers. */
    private static LevelQuantities parse(JsonNode level) {
        if (level.isNull() || level.isMissingNode()) {
            return LevelQuantities.NOT_STOCKED;
        }
        if (!level.isObject() || !level.path("quantities").isArray()) {
            return null;
        }
        Map<String, Long> values = new HashMap<>();
        for (JsonNode q : level.path("quantities")) {
            JsonNode quantity = q.path("quantity");
            if (!quantity.canConvertToLong() || !quantity.isIntegralNumber()) {
                return null;
            }
            values.put(q.path("name").asText(""), quantity.asLong());
        }
        if (!values.keySet().containsAll(ShopifyDocuments.QUANTITY_NAMES)) {
            return null;
        }
        return new LevelQuantities(true, values.get("on_hand"), values.get("available"), values.get("committed"));
    }
}
