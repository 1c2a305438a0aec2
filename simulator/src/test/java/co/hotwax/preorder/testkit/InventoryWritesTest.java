package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Happy paths and userErrors of inventorySetQuantities, inventoryAdjustQuantities and inventoryActivate. */
class InventoryWritesTest {
    static final String ACTIVATE = """
            mutation Act($item: ID!, $loc: ID!, $available: Int, $key: String!) {
              inventoryActivate(inventoryItemId: $item, locationId: $loc, available: $available)
                  @idempotent(key: $key) {
                inventoryLevel { id quantities(names: ["available", "on_hand"]) { name quantity } }
                userErrors { field message }
              }
            }""";
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private JsonNode set(String name, String reason, Object... entryFields) {
        Map<String, Object> entry = vars(entryFields);
        return f.client.post(SimFixture.SET, vars("key", UUID.randomUUID().toString(), "input",
                vars("name", name, "reason", reason, "quantities", List.of(entry))))
                .data().path("inventorySetQuantities");
    }

    private JsonNode adjust(String name, Map<String, Object> change) {
        return f.client.post(SimFixture.ADJUST, vars("key", UUID.randomUUID().toString(), "input",
                vars("name", name, "reason", "received", "changes", List.of(change))))
                .data().path("inventoryAdjustQuantities");
    }

    private static String code(JsonNode payload) {
        return payload.path("userErrors").get(0).path("code").asText();
    }

    @Test
    void setReturnsTheGroupWithReasonAndReference() {
        JsonNode p = f.client.post(SimFixture.SET, vars("key", "k", "input", vars("name", "available", "reason",
                "correction", "referenceDocumentUri", "gid://oms/PreorderSync/42", "quantities", List.of(vars(
                        "inventoryItemId", f.deny.inventoryItemId(), "locationId", f.warehouse.id(), "quantity", 7,
                        "changeFromQuantity", 10))))).data().path("inventorySetQuantities");

        JsonNode group = p.path("inventoryAdjustmentGroup");
        assertThat(group.path("reason").asText()).isEqualTo("correction");
        assertThat(group.path("referenceDocumentUri").asText()).isEqualTo("gid://oms/PreorderSync/42");
        assertThat(group.path("changes").get(0).path("quantityAfterChange").asInt()).isEqualTo(7);
        assertThat(group.path("changes").get(0).path("item").path("id").asText())
                .isEqualTo(f.deny.inventoryItemId());
    }

    @Test
    void setValidatesNameReasonQuantityAndStocking() {
        assertThat(code(set("committed", "correction", "inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "quantity", 1, "changeFromQuantity", null))).isEqualTo("INVALID_NAME");
        assertThat(code(set("available", "because", "inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "quantity", 1, "changeFromQuantity", null))).isEqualTo("INVALID_REASON");
        assertThat(code(set("available", "correction", "inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "quantity", -1, "changeFromQuantity", null))).isEqualTo("INVALID_QUANTITY_NEGATIVE");
        assertThat(code(set("available", "correction", "inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.store.id(), "quantity", 1, "changeFromQuantity", null))).isEqualTo("ITEM_NOT_STOCKED_AT_LOCATION");
        assertThat(code(set("available", "correction", "inventoryItemId", "gid://shopify/InventoryItem/999",
                "locationId", f.store.id(), "quantity", 1, "changeFromQuantity", null)))
                .isEqualTo("INVALID_INVENTORY_ITEM");
        assertThat(code(set("available", "correction", "inventoryItemId", f.deny.inventoryItemId(),
                "locationId", "gid://shopify/Location/999", "quantity", 1, "changeFromQuantity", null)))
                .isEqualTo("INVALID_LOCATION");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void duplicatePairIsRefused() {
        Map<String, Object> e = vars("inventoryItemId", f.deny.inventoryItemId(), "locationId", f.warehouse.id(),
                "quantity", 1, "changeFromQuantity", null);
        JsonNode p = f.client.post(SimFixture.SET, vars("key", "dup", "input", vars("name", "available", "reason",
                "correction", "quantities", List.of(e, e)))).data().path("inventorySetQuantities");

        assertThat(code(p)).isEqualTo("NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void adjustAvailableIsADeltaThatKeepsOrdersTakenMeanwhile() {
        f.sim.orders().placeOrder(f.deny.id(), 3, f.warehouse.id());

        JsonNode p = adjust("available", vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "delta", 5, "changeFromQuantity", null));

        assertThat(p.path("userErrors")).isEmpty();
        assertThat(f.available(f.deny)).isEqualTo(12);
        assertThat(p.path("inventoryAdjustmentGroup").path("changes").get(0).path("quantityAfterChange").asInt())
                .isEqualTo(12);
    }

    @Test
    void adjustChecksChangeFromQuantity() {
        JsonNode p = adjust("available", vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "delta", 5, "changeFromQuantity", 4));

        assertThat(code(p)).isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void adjustIncomingNeedsALedgerDocumentAndLeavesOnHandAlone() {
        Map<String, Object> withoutLedger = vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "delta", 20, "changeFromQuantity", null);
        assertThat(code(adjust("incoming", withoutLedger))).isEqualTo("INVALID_QUANTITY_DOCUMENT");

        Map<String, Object> withLedger = vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "delta", 20, "changeFromQuantity", null, "ledgerDocumentUri", "oms://po/7");
        JsonNode p = adjust("incoming", withLedger);

        assertThat(p.path("userErrors")).isEmpty();
        assertThat(f.sim.quantity(f.deny.inventoryItemId(), f.warehouse.id(), "incoming")).isEqualTo(20);
        assertThat(f.sim.quantity(f.deny.inventoryItemId(), f.warehouse.id(), "on_hand")).isEqualTo(10);
    }

    @Test
    void adjustAvailableRefusesALedgerDocumentAndCommittedCannotBeAdjusted() {
        assertThat(code(adjust("available", vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "delta", 1, "changeFromQuantity", null, "ledgerDocumentUri", "oms://x/1"))))
                .isEqualTo("INVALID_AVAILABLE_DOCUMENT");
        assertThat(code(adjust("committed", vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                f.warehouse.id(), "delta", 1, "changeFromQuantity", null, "ledgerDocumentUri", "oms://x/1"))))
                .isEqualTo("INVALID_QUANTITY_NAME");
    }

    @Test
    void adjustRefusesTwoLedgerDocumentsInOneCall() {
        Variant other = f.sim.addVariant(f.product.id(), "JKT-OTHER", true, InventoryPolicy.DENY);
        f.sim.stock(other.id(), f.warehouse.id(), 0);
        JsonNode p = f.client.post(SimFixture.ADJUST, vars("key", "two-docs", "input", vars("name", "incoming",
                "reason", "received", "changes", List.of(
                        vars("inventoryItemId", f.deny.inventoryItemId(), "locationId", f.warehouse.id(), "delta", 1,
                                "changeFromQuantity", null, "ledgerDocumentUri", "oms://po/1"),
                        vars("inventoryItemId", other.inventoryItemId(), "locationId", f.warehouse.id(), "delta", 1,
                                "changeFromQuantity", null, "ledgerDocumentUri", "oms://po/2")))))
                .data().path("inventoryAdjustQuantities");

        assertThat(code(p)).isEqualTo("MAX_ONE_LEDGER_DOCUMENT");
        assertThat(f.sim.quantity(f.deny.inventoryItemId(), f.warehouse.id(), "incoming")).isZero();
    }

    @Test
    void referenceDocumentMustBeAUri() {
        JsonNode p = f.client.post(SimFixture.SET, vars("key", "ref", "input", vars("name", "available", "reason",
                "correction", "referenceDocumentUri", "not a uri", "quantities", List.of(vars("inventoryItemId",
                        f.deny.inventoryItemId(), "locationId", f.warehouse.id(), "quantity", 1,
                        "changeFromQuantity", null))))).data().path("inventorySetQuantities");

        assertThat(code(p)).isEqualTo("INVALID_REFERENCE_DOCUMENT");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void adjustWithoutChangeFromKeyIsRejected() {
        JsonClient.Reply r = f.client.post(SimFixture.ADJUST, vars("key", "nokey", "input", vars("name",
                "available", "reason", "correction", "changes", List.of(vars("inventoryItemId",
                        f.deny.inventoryItemId(), "locationId", f.warehouse.id(), "delta", 1)))));

        assertThat(r.errors().get(0).path("message").asText()).contains("changeFromQuantity is required");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void activateStocksAnItemWithAnInitialQuantity() {
        JsonNode p = f.client.post(ACTIVATE, vars("item", f.deny.inventoryItemId(), "loc", f.store.id(),
                "available", 4, "key", "act-1")).data().path("inventoryActivate");

        assertThat(p.path("userErrors")).isEmpty();
        assertThat(p.path("inventoryLevel").path("id").asText())
                .matches("gid://shopify/InventoryLevel/\\d+\\?inventory_item_id=\\d+");
        assertThat(f.sim.quantity(f.deny.inventoryItemId(), f.store.id(), "available")).isEqualTo(4);
    }

    @Test
    void activatingAnActiveItemWithAQuantityIsAUserError() {
        JsonNode p = f.client.post(ACTIVATE, vars("item", f.deny.inventoryItemId(), "loc", f.warehouse.id(),
                "available", 4, "key", "act-2")).data().path("inventoryActivate");

        assertThat(p.path("userErrors").get(0).path("message").asText()).contains("already active");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void activateUnknownItemIsAUserError() {
        JsonNode p = f.client.post(ACTIVATE, vars("item", "gid://shopify/InventoryItem/404", "loc",
                f.warehouse.id(), "available", null, "key", "act-3")).data().path("inventoryActivate");

        assertThat(p.path("userErrors").get(0).path("field").get(0).asText()).isEqualTo("inventoryItemId");
        assertThat(p.path("inventoryLevel").isNull()).isTrue();
    }
}
