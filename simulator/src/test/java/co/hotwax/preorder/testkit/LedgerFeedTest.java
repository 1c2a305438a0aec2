package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator feeds the oversell ledger with every checkout attempt, cancellation and write. */
class LedgerFeedTest {
    private final VirtualClock clock = new VirtualClock();
    private final SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN)
            .clock(clock));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void acceptedAndRefusedOrdersAreRecorded() {
        f.sim.orders().placeOrder(f.deny.id(), 4, f.warehouse.id());
        f.sim.orders().placeOrder(f.deny.id(), 40, f.warehouse.id());

        List<LedgerEntry> orders = f.sim.ledger().history().stream()
                .filter(e -> e instanceof LedgerEntry.OrderEntry).toList();
        assertThat(orders).hasSize(2);
        assertThat(orders).extracting(e -> ((LedgerEntry.OrderEntry) e).accepted()).containsExactly(true, false);
    }

    @Test
    void sellingBeyondDeclaredCapacityIsCountedOversold() {
        f.sim.ledger().declareCapacity("JKT-CONT", clock.instant(), 10);

        String first = f.sim.orders().placeOrder(f.cont.id(), 8, f.warehouse.id()).orderId();
        f.sim.orders().placeOrder(f.cont.id(), 5, f.warehouse.id());
        f.sim.orders().cancel(first, true);

        assertThat(f.sim.ledger().oversold("JKT-CONT")).isEqualTo(3);
        assertThat(f.sim.ledger().history()).anyMatch(e -> e instanceof LedgerEntry.CancelEntry);
    }

    @Test
    void writesAreRecordedWithTheirOutcome() {
        f.client.post(SimFixture.SET, vars("key", "w1", "input", vars("name", "available", "reason",
                "correction", "quantities", List.of(vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                        f.warehouse.id(), "quantity", 3, "changeFromQuantity", 99)))));
        f.client.post(SimFixture.SET, vars("key", "w2", "input", vars("name", "available", "reason",
                "correction", "quantities", List.of(vars("inventoryItemId", f.deny.inventoryItemId(), "locationId",
                        f.warehouse.id(), "quantity", 3, "changeFromQuantity", 10)))));

        List<LedgerEntry.WriteEntry> writes = f.sim.ledger().history().stream()
                .filter(e -> e instanceof LedgerEntry.WriteEntry).map(e -> (LedgerEntry.WriteEntry) e).toList();
        assertThat(writes).extracting(LedgerEntry.WriteEntry::applied).containsExactly(false, true);
        assertThat(writes).allMatch(w -> w.sku().equals("JKT-DENY")
                && w.operation().equals("inventorySetQuantities"));
    }
}
