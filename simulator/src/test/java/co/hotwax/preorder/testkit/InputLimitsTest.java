package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shopify's global rule: any input array over 250 entries is rejected before anything is applied. */
class InputLimitsTest {
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<Map<String, Object>> entries(int n) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(vars("inventoryItemId", f.deny.inventoryItemId(), "locationId", f.warehouse.id(),
                    "quantity", 1, "changeFromQuantity", null));
        }
        return list;
    }

    @Test
    void twoHundredFiftyOneEntriesAreRejected() {
        JsonClient.Reply r = f.client.post(SimFixture.SET, vars("key", "big", "input", vars("name", "available",
                "reason", "correction", "quantities", entries(251))));

        assertThat(r.errors().get(0).path("message").asText())
                .isEqualTo("The input array size of 251 is greater than the maximum allowed of 250.");
        assertThat(r.errors().get(0).path("extensions").path("code").asText()).isEqualTo("MAX_INPUT_SIZE_EXCEEDED");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void twoHundredFiftyEntriesPassTheLimit() {
        JsonClient.Reply r = f.client.post(SimFixture.SET, vars("key", "ok", "input", vars("name", "available",
                "reason", "correction", "quantities", entries(250))));

        // Past the size check, the duplicates are what Shopify would refuse.
        assertThat(r.body().has("errors")).isFalse();
        assertThat(r.data().path("inventorySetQuantities").path("userErrors").get(0).path("code").asText())
                .isEqualTo("NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR");
    }

    @Test
    void nodesWithTwoHundredFiftyOneIdsAreRejected() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            ids.add(f.deny.id());
        }
        JsonClient.Reply r = f.client.post("query N($ids: [ID!]!) { nodes(ids: $ids) { id } }", vars("ids", ids));

        assertThat(r.errors().get(0).path("extensions").path("code").asText()).isEqualTo("MAX_INPUT_SIZE_EXCEEDED");
    }
}
