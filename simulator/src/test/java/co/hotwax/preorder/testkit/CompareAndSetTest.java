package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 2026-04 changeFromQuantity rules of inventorySetQuantities: key missing, explicit null, stale, match. */
class CompareAndSetTest {
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, Object> entry(Variant v, int quantity, boolean withKey, Integer changeFrom) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("inventoryItemId", v.inventoryItemId());
        e.put("locationId", f.warehouse.id());
        e.put("quantity", quantity);
        if (withKey) {
            e.put("changeFromQuantity", changeFrom);
        }
        return e;
    }

    private JsonClient.Reply set(String name, List<Map<String, Object>> entries) {
        return f.client.post(SimFixture.SET, vars("key", UUID.randomUUID().toString(), "input",
                vars("name", name, "reason", "correction", "referenceDocumentUri", "gid://oms/Sync/1",
                        "quantities", entries)));
    }

    @Test
    void omittedKeyIsATopLevelErrorAndNothingIsApplied() {
        JsonClient.Reply r = set("available", List.of(entry(f.deny, 3, false, null)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.errors().get(0).path("message").asText()).contains("changeFromQuantity is required");
        assertThat(r.errors().get(0).path("extensions").path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(r.data().path("inventorySetQuantities").isNull()).isTrue();
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void omittedKeyInALiteralIsAlsoRejected() {
        String doc = "mutation { inventorySetQuantities(input: {name: \"available\", reason: \"correction\", "
                + "quantities: [{inventoryItemId: \"" + f.deny.inventoryItemId() + "\", locationId: \""
                + f.warehouse.id() + "\", quantity: 4}]}) @idempotent(key: \"k-literal\") { userErrors { code } } }";
        JsonClient.Reply r = f.client.post(doc, Map.of());

        assertThat(r.errors().get(0).path("message").asText()).contains("changeFromQuantity is required");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void explicitNullOptsOutOfTheCheck() {
        JsonClient.Reply r = set("available", List.of(entry(f.deny, 3, true, null)));

        assertThat(r.body().has("errors")).isFalse();
        JsonNode payload = r.data().path("inventorySetQuantities");
        assertThat(payload.path("userErrors")).isEmpty();
        assertThat(payload.path("inventoryAdjustmentGroup").path("changes").findValuesAsText("name"))
                .containsExactly("available", "on_hand");
        assertThat(payload.path("inventoryAdjustmentGroup").path("changes").get(0).path("delta").asInt())
                .isEqualTo(-7);
        assertThat(f.available(f.deny)).isEqualTo(3);
    }

    @Test
    void explicitNullInALiteralOptsOut() {
        String doc = "mutation { inventorySetQuantities(input: {name: \"available\", reason: \"correction\", "
                + "quantities: [{inventoryItemId: \"" + f.deny.inventoryItemId() + "\", locationId: \""
                + f.warehouse.id() + "\", quantity: 4, changeFromQuantity: null}]}) @idempotent(key: \"k-lit2\") "
                + "{ userErrors { code } } }";
        JsonClient.Reply r = f.client.post(doc, Map.of());

        assertThat(r.body().has("errors")).as(r.body().toString()).isFalse();
        assertThat(f.available(f.deny)).isEqualTo(4);
    }

    @Test
    void staleValueIsRefusedWithTheEntryPath() {
        JsonClient.Reply r = set("available", List.of(entry(f.deny, 3, true, 9)));

        JsonNode payload = r.data().path("inventorySetQuantities");
        assertThat(payload.path("inventoryAdjustmentGroup").isNull()).isTrue();
        JsonNode error = payload.path("userErrors").get(0);
        assertThat(error.path("code").asText()).isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(error.path("field").toString())
                .isEqualTo("[\"input\",\"quantities\",\"0\",\"changeFromQuantity\"]");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void matchingValueIsApplied() {
        JsonClient.Reply r = set("available", List.of(entry(f.deny, 3, true, 10)));

        assertThat(r.data().path("inventorySetQuantities").path("userErrors")).isEmpty();
        assertThat(f.available(f.deny)).isEqualTo(3);
    }

    @Test
    void onHandIsComparedWithOnHandAndMovesAvailableByTheDifference() {
        f.sim.orders().placeOrder(f.deny.id(), 4, f.warehouse.id());
        // available 6, committed 4, on_hand 10: comparing with available would be stale.
        JsonClient.Reply stale = set("on_hand", List.of(entry(f.deny, 12, true, 6)));
        assertThat(stale.data().path("inventorySetQuantities").path("userErrors").get(0).path("code").asText())
                .isEqualTo("CHANGE_FROM_QUANTITY_STALE");

        JsonClient.Reply ok = set("on_hand", List.of(entry(f.deny, 12, true, 10)));

        assertThat(ok.data().path("inventorySetQuantities").path("userErrors")).isEmpty();
        assertThat(f.sim.quantity(f.deny.inventoryItemId(), f.warehouse.id(), "on_hand")).isEqualTo(12);
        assertThat(f.available(f.deny)).isEqualTo(8);
        assertThat(f.sim.quantity(f.deny.inventoryItemId(), f.warehouse.id(), "committed")).isEqualTo(4);
    }

    @Test
    void oneStaleEntryBlocksTheWholeCall() {
        JsonClient.Reply r = set("available", List.of(entry(f.cont, 1, true, 10), entry(f.deny, 2, true, 7)));

        JsonNode payload = r.data().path("inventorySetQuantities");
        assertThat(payload.path("inventoryAdjustmentGroup").isNull()).isTrue();
        assertThat(payload.path("userErrors")).hasSize(1);
        assertThat(payload.path("userErrors").get(0).path("field").get(2).asText()).isEqualTo("1");
        assertThat(f.available(f.cont)).isEqualTo(10);
        assertThat(f.available(f.deny)).isEqualTo(10);
    }
}
