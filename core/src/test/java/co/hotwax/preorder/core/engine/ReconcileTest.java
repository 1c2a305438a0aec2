package co.hotwax.preorder.core.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled full resyncs correct drift and report progress. */
class ReconcileTest {
    private final Fixture f = new Fixture();

    @Test
    void aManualEditInTheStoreIsCorrectedAtTheNextReconcileAndCounted() {
        f.supply.add(Fixture.po("L1", "RED", 40), Fixture.po("L2", "BLUE", 15));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.settled(store);
        store.manualEdit("RED", 500);

        f.clock.advance(Duration.ofMinutes(59));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).as("not before the reconcile interval").isEqualTo(500);

        f.clock.advance(Duration.ofMinutes(1));
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).isEqualTo(40);
        assertThat(f.events(SyncEvent.DriftCorrected.class))
                .containsExactly(new SyncEvent.DriftCorrected("shop-a", "RED"));
        assertThat(sync.metrics().driftCorrected()).isEqualTo(1);
        assertThat(sync.metrics().resyncsCompleted()).isEqualTo(2);
    }

    @Test
    void aLongResyncReportsProgressUpToCompletion() {
        for (int i = 0; i < 25; i++) {
            f.supply.add(Fixture.po("L" + i, "SKU-" + i, 10 + i));
        }
        FaultInjectingStore store = new FaultInjectingStore("shop-a").maxBatch(10);
        PreorderSync sync = f.settled(store);

        assertThat(f.events(SyncEvent.ResyncProgress.class))
                .containsExactly(new SyncEvent.ResyncProgress(10, 25), new SyncEvent.ResyncProgress(20, 25),
                        new SyncEvent.ResyncProgress(25, 25));
        assertThat(f.events(SyncEvent.ResyncCompleted.class)).containsExactly(new SyncEvent.ResyncCompleted(25));
        assertThat(store.onHandByKey()).hasSize(25).containsEntry("SKU-24", 34L);
    }

    @Test
    void urgentChangesOvertakeARunningResync() {
        for (int i = 0; i < 30; i++) {
            f.supply.add(Fixture.po("L" + i, "SKU-" + i, 10));
        }
        FaultInjectingStore store = new FaultInjectingStore("shop-a").maxBatch(10);
        PreorderSync sync = f.settled(store);
        f.clock.advance(Duration.ofHours(1));
        sync.step();
        int seen = store.batches().size();
        sync.preOrderTaken(f.order("SKU-29", 4, "pos"));
        sync.step();

        assertThat(store.batches().get(seen)).containsExactly("SKU-29");
        sync.runUntilIdle(100);
        assertThat(store.onHand("SKU-29")).isEqualTo(6);
        assertThat(sync.metrics().resyncsCompleted()).isEqualTo(2);
        assertThat(sync.metrics().driftCorrected()).isZero();
    }
}
