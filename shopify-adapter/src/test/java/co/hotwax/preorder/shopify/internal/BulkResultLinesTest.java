package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each line of a bulk mutation's result decides its own item, as the mutation sent alone would: an answer without
 * userErrors applies, userErrors reject naming the SKU, an error on the field retries, a missing line is left to be
 * done another way; one line never decides another.
 */
class BulkResultLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GraphQlTransport PARSER = new GraphQlTransport(null, null, () -> "x", null, JSON, "test");

    private static BatchItem item(String sku) {
        BatchItem item = new BatchItem(new DesiredState(sku, null, 3, 0, true, LocalDate.of(2026, 7, 1), false),
                "gid://shopify/Location/1");
        item.variant(new VariantRecord(sku, "gid://shopify/ProductVariant/" + sku.hashCode(), "gid://shopify/Product/1",
                "gid://shopify/InventoryItem/" + sku.hashCode(), true, true, null));
        item.level(LevelQuantities.NOT_STOCKED);
        return item;
    }

    private static GraphQlResponse line(String json) {
        return PARSER.parse(200, json, null);
    }

    @Test
    void everyLineDecidesOnlyItsOwnItem() {
        List<BatchItem> items = List.of(item("A-1"), item("B-2"), item("C-3"), item("D-4"));
        Map<Integer, GraphQlResponse> lines = new HashMap<>();
        lines.put(0, line("{\"data\":{\"inventoryActivate\":{\"inventoryLevel\":{\"id\":\"gid://shopify/InventoryLevel/1\"},"
                + "\"userErrors\":[]}},\"__lineNumber\":0}"));
        lines.put(1, line("{\"data\":{\"inventoryActivate\":{\"inventoryLevel\":null,\"userErrors\":[{\"field\":"
                + "[\"inventoryItemId\"],\"message\":\"Inventory item does not exist\"}]}},\"__lineNumber\":1}"));
        lines.put(3, line("{\"data\":{\"inventoryActivate\":null},\"errors\":[{\"message\":\"Internal error\","
                + "\"path\":[\"inventoryActivate\"]}],\"__lineNumber\":3}"));
        List<BatchItem> activated = new ArrayList<>();

        List<BatchItem> notRun = MarksWriter.decideLines("inventoryActivate", items,
                new BulkMutationRunner.Result(lines, "bulk mutation failed: INTERNAL_SERVER_ERROR"), activated::add);

        assertThat(activated).containsExactly(items.get(0));
        assertThat(items.get(0).open()).as("still open: its quantity comes next").isTrue();
        PublishOutcome refused = items.get(1).outcome();
        assertThat(refused.status()).isEqualTo(PublishOutcome.Status.REJECTED);
        assertThat(refused.reason()).contains("B-2").contains("Inventory item does not exist");
        assertThat(notRun).containsExactly(items.get(2));
        assertThat(items.get(2).open()).isTrue();
        assertThat(items.get(3).outcome().status()).isEqualTo(PublishOutcome.Status.RETRY);
        assertThat(items.get(3).outcome().reason()).contains("Internal error");
    }
}
