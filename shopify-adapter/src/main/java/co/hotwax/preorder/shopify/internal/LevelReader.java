package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads on_hand, available and committed of many items at one location with {@code nodes(ids:)}, 250 ids per
 * request: the fresh read every compare-and-set starts from.
 */
public final class LevelReader {
    /** Shopify's input-array limit. */
    public static final int MAX_IDS = 250;

    private final ShopifyClient client;
    private final ShopifyDocuments documents;

    /**
     * Creates the reader.
     *
     * @param client the client
     * @param documents the document builder
     */
    public LevelReader(ShopifyClient client, ShopifyDocuments documents) {
        this.client = client;
        this.documents = documents;
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
        for (int from = 0; from < inventoryItemIds.size(); from += MAX_IDS) {
            List<String> chunk = inventoryItemIds.subList(from, Math.min(inventoryItemIds.size(), from + MAX_IDS));
            GraphQlResponse response = client.execute("readLevels", documents.levels(chunk, locationId),
                    ShopifyDocuments.levelsCost(chunk.size()));
            for (JsonNode node : response.data().path("nodes")) {
                if (!node.isObject() || !node.hasNonNull("id")) {
                    continue;
                }
                levels.put(node.path("id").asText(), parse(node.path("inventoryLevel")));
            }
        }
        return levels;
    }

    private static LevelQuantities parse(JsonNode level) {
        if (!level.isObject()) {
            return LevelQuantities.NOT_STOCKED;
        }
        long onHand = 0;
        long available = 0;
        long committed = 0;
        for (JsonNode q : level.path("quantities")) {
            long value = q.path("quantity").asLong();
            switch (q.path("name").asText()) {
                case "on_hand" -> onHand = value;
                case "available" -> available = value;
                case "committed" -> committed = value;
                default -> {
                    // Other names are not read.
                }
            }
        }
        return new LevelQuantities(true, onHand, available, committed);
    }
}
