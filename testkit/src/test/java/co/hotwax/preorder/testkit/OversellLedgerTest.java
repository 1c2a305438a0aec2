package co.hotwax.preorder.testkit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OversellLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static Instant t(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    /** The story of SKU A, each step with its hand-derived count. */
    private static List<Consumer<OversellLedger>> storyOfA() {
        return List.of(
                l -> l.declareCapacity("A", t(0), 10),
                l -> l.recordOrder("A", "o1", 4, t(1), true),   // net 4 <= 10: 0
                l -> l.recordOrder("A", "o2", 5, t(2), true),   // net 9 <= 10: 0
                l -> l.recordOrder("A", "o3", 3, t(3), true),   // net 12: min(3, 12 - 10) = 2
                l -> l.recordOrder("A", "o4", 2, t(4), false),  // refused: net stays 12
                l -> l.recordCancel("o1", t(5)),                // net 8
                l -> l.recordOrder("A", "o5", 3, t(6), true),   // net 11: min(3, 1) = 1
                l -> l.declareCapacity("A", t(7), 6),           // a PO was cut
                l -> l.recordOrder("A", "o6", 1, t(8), true),   // net 12: min(1, 12 - 6) = 1
                l -> l.recordWrite("A", "inventorySetQuantities", "on_hand 6", t(9), true));
    }

    @Test
    void aCapacityDropRecordedAfterAnOrderOfTheSameInstantDoesNotApplyToIt() {
        OversellLedger ledger = new OversellLedger();
        ledger.declareCapacity("A", t(0), 10);
        ledger.recordOrder("A", "o1", 8, t(1), true);       // net 8 <= 10: 0
        ledger.declareCapacity("A", t(1), 2);               // the cut comes after o1, at the same instant
        ledger.recordOrder("A", "o2", 1, t(1), true);       // net 9 against 2: min(1, 7) = 1

        assertThat(ledger.oversold("A")).isEqualTo(1);
    }

    @Test
    void countsEachAcceptedOrderAgainstTheCapacityAtItsTime() {
        OversellLedger ledger = new OversellLedger();
        storyOfA().forEach(step -> step.accept(ledger));

        // 2 (o3) + 1 (o5) + 1 (o6) = 4; sold net 4 + 5 + 3 - 4 + 3 + 1 = 12
        assertThat(ledger.oversold("A")).isEqualTo(4);
        assertThat(ledger.soldNet("A")).isEqualTo(12);
        assertThat(ledger.totalOversold()).isEqualTo(4);
    }

    @Test
    void aRaisedCapacityStopsCountingAndACancelledOversellStillCounts() {
        OversellLedger ledger = new OversellLedger();
        ledger.declareCapacity("C", t(0), 5);
        ledger.recordOrder("C", "c1", 8, t(2), true);   // net 8: min(8, 3) = 3
        ledger.declareCapacity("C", t(3), 20);
        ledger.recordOrder("C", "c2", 8, t(4), true);   // net 16 <= 20: 0
        ledger.recordCancel("c1", t(5));                // net 8; the 3 oversold at minute 2 remain

        assertThat(ledger.oversold("C")).isEqualTo(3);
        assertThat(ledger.soldNet("C")).isEqualTo(8);
    }

    @Test
    void withoutADeclaredCapacityNothingIsCountedOversold() {
        OversellLedger ledger = new OversellLedger();
        ledger.recordOrder("B", "b1", 100, t(1), true);
        ledger.recordOrder("D", "d1", 2, t(1), true);   // before D's first declaration: not counted
        ledger.declareCapacity("D", t(5), 0);
        ledger.recordOrder("D", "d2", 1, t(6), true);   // net 3 > 0: min(1, 3) = 1

        assertThat(ledger.oversold("B")).isZero();
        assertThat(ledger.oversold("D")).isEqualTo(1);
        assertThat(ledger.oversold("never-seen")).isZero();
        assertThat(ledger.oversoldBySku()).containsExactly(Map.entry("B", 0L), Map.entry("D", 1L));
    }

    @Test
    void theOrderOfRecordingDoesNotChangeTheCounts() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        List<Consumer<OversellLedger>> steps = new ArrayList<>(storyOfA());
        // A cancellation must follow its order in recording too, so shuffle only the others and cancel last.
        Consumer<OversellLedger> cancel = steps.remove(5);
        for (int i = steps.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            steps.set(i, steps.set(j, steps.get(i)));
        }
        steps.add(cancel);
        OversellLedger ledger = new OversellLedger();
        steps.forEach(step -> step.accept(ledger));

        assertThat(ledger.oversold("A")).as("seed %d", seed).isEqualTo(4);
        assertThat(ledger.history()).extracting(LedgerEntry::at).as("seed %d", seed).isSorted();
    }

    @Test
    void historyKeepsEveryEntryInTimeOrder() {
        OversellLedger ledger = new OversellLedger();
        ledger.recordOrder("A", "late", 1, t(9), true);
        ledger.declareCapacity("A", t(0), 1);
        ledger.recordWrite("A", "inventorySetQuantities", "on_hand 1", t(1), false);
        ledger.recordCancel("late", t(10));

        assertThat(ledger.history()).containsExactly(
                new LedgerEntry.CapacityEntry(t(0), "A", 1),
                new LedgerEntry.WriteEntry(t(1), "A", "inventorySetQuantities", "on_hand 1", false),
                new LedgerEntry.OrderEntry(t(9), "A", "late", 1, true),
                new LedgerEntry.CancelEntry(t(10), "A", "late", 1));
    }

    @Test
    void theReportShowsCapacitySoldAndOversoldPerSku() {
        OversellLedger ledger = new OversellLedger();
        storyOfA().forEach(step -> step.accept(ledger));
        ledger.recordOrder("B", "b1", 7, t(1), true);

        String report = ledger.report();

        assertThat(report.lines()).contains(
                String.format("%-24s %10s %10s %10s", "SKU", "capacity", "sold net", "oversold"),
                String.format("%-24s %10s %10d %10d", "A", "6", 12, 4),
                String.format("%-24s %10s %10d %10d  (no capacity declared)", "B", "-", 7, 0),
                "total oversold: 4");
    }

    @Test
    void concurrentShoppersAreAllRecorded() throws InterruptedException {
        OversellLedger ledger = new OversellLedger();
        ledger.declareCapacity("A", t(0), 100);
        List<Thread> threads = new ArrayList<>();
        for (int shopper = 0; shopper < 4; shopper++) {
            int id = shopper;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    ledger.recordOrder("A", "s" + id + "-" + i, 1, t(1 + i), true);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // 4 x 50 units against a capacity of 100: the last 100 units sold are oversold, whatever the interleaving
        assertThat(ledger.soldNet("A")).isEqualTo(200);
        assertThat(ledger.oversold("A")).isEqualTo(100);
    }

    @Test
    void invalidRecordsAreRefusedNamingTheItem() {
        OversellLedger ledger = new OversellLedger();
        ledger.recordOrder("A", "o1", 1, t(5), false);

        assertThatThrownBy(() -> ledger.recordOrder("A", "o1", 1, t(6), true)).hasMessageContaining("o1")
                .hasMessageContaining("already recorded");
        assertThatThrownBy(() -> ledger.recordOrder("A", "o2", 0, t(6), true)).hasMessageContaining("o2")
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> ledger.recordCancel("nope", t(6))).hasMessageContaining("nope");
        assertThatThrownBy(() -> ledger.recordCancel("o1", t(4))).hasMessageContaining("before it was placed");
        assertThatThrownBy(() -> ledger.declareCapacity("A", t(0), -1)).hasMessageContaining("A");
        assertThatThrownBy(() -> ledger.declareCapacity(" ", t(0), 1)).hasMessageContaining("sku");
        assertThatThrownBy(() -> ledger.recordWrite("A", "op", "d", null, true)).hasMessageContaining("time");
        ledger.recordCancel("o1", t(6));
        assertThatThrownBy(() -> ledger.recordCancel("o1", t(7))).hasMessageContaining("already cancelled");
        // a refused order sold nothing, so cancelling it takes nothing back
        assertThat(ledger.soldNet("A")).isZero();
    }
}
