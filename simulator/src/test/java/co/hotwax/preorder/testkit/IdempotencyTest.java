package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** @idempotent(key:): required, replayed without re-applying, mismatch on other arguments. */
class IdempotencyTest {
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, Object> adjust(int delta) {
        return vars("name", "available", "reason", "correction", "changes", List.of(vars("inventoryItemId",
                f.deny.inventoryItemId(), "locationId", f.warehouse.id(), "delta", delta, "changeFromQuantity",
                null)));
    }

    @Test
    void sameKeySameArgumentsReturnsTheFirstPayloadAndAppliesOnce() {
        JsonClient.Reply first = f.client.post(SimFixture.ADJUST, vars("key", "k-1", "input", adjust(5)));
        JsonClient.Reply replay = f.client.post(SimFixture.ADJUST, vars("key", "k-1", "input", adjust(5)));

        assertThat(first.data()).isEqualTo(replay.data());
        assertThat(first.data().path("inventoryAdjustQuantities").path("inventoryAdjustmentGroup").path("id")
                .asText()).startsWith("gid://shopify/InventoryAdjustmentGroup/");
        assertThat(f.available(f.deny)).isEqualTo(15);
        assertThat(f.sim.stats().writesApplied()).isEqualTo(1);
    }

    @Test
    void sameKeyOtherArgumentsIsAMismatchAndNotApplied() {
        f.client.post(SimFixture.ADJUST, vars("key", "k-2", "input", adjust(5)));
        JsonClient.Reply other = f.client.post(SimFixture.ADJUST, vars("key", "k-2", "input", adjust(6)));

        assertThat(other.data().path("inventoryAdjustQuantities").path("userErrors").get(0).path("code").asText())
                .isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
        assertThat(other.data().path("inventoryAdjustQuantities").path("inventoryAdjustmentGroup").isNull())
                .isTrue();
        assertThat(f.available(f.deny)).isEqualTo(15);
    }

    @Test
    void differentKeysApplyTwice() {
        f.client.post(SimFixture.ADJUST, vars("key", "k-3", "input", adjust(5)));
        f.client.post(SimFixture.ADJUST, vars("key", "k-4", "input", adjust(5)));

        assertThat(f.available(f.deny)).isEqualTo(20);
    }

    @Test
    void missingDirectiveIsATopLevelError() {
        String doc = "mutation A($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: "
                + "$input) { userErrors { code } } }";
        JsonClient.Reply r = f.client.post(doc, vars("input", adjust(5)));

        assertThat(r.errors().get(0).path("message").asText()).contains("@idempotent");
        assertThat(r.errors().get(0).path("extensions").path("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void blankKeyIsRejected() {
        JsonClient.Reply r = f.client.post(SimFixture.ADJUST, vars("key", "  ", "input", adjust(5)));

        assertThat(r.errors().get(0).path("message").asText()).contains("empty or whitespace");
        assertThat(f.available(f.deny)).isEqualTo(10);
    }

    @Test
    void inventoryActivateRequiresAKeyToo() {
        Variant fresh = f.sim.addVariant(f.product.id(), "NEW-1", true, InventoryPolicy.DENY);
        String noKey = "mutation { inventoryActivate(inventoryItemId: \"" + fresh.inventoryItemId()
                + "\", locationId: \"" + f.store.id() + "\") { inventoryLevel { id } userErrors { message } } }";

        assertThat(f.client.post(noKey, Map.of()).errors().get(0).path("message").asText())
                .contains("@idempotent");
    }

    @Test
    void requestLogCarriesTheKey() {
        f.client.post(SimFixture.ADJUST, vars("key", "k-log", "input", adjust(1)));

        assertThat(f.sim.requestLog().get(0).idempotencyKey()).isEqualTo("k-log");
        assertThat(f.sim.requestLog().get(0).rootFields()).containsExactly("inventoryAdjustQuantities");
    }
}
