package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.StaleEtaPolicy;
import co.hotwax.preorder.spi.StockLevel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed reloads, the daily date refresh, domain events passing through, and shared-location mode. */
class FeedsAndDatesTest {
    private final Fixture f = new Fixture();

    @Test
    void anExpiredCheckpointReloadsEveryFeedFromASnapshot() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.settled(store);
        f.orders.add(f.order("RED", 4, "pos"));
        f.orders.expired = true;

        f.clock.advance(Duration.ofSeconds(5));
        sync.runUntilIdle(100);

        assertThat(f.orders.snapshots).isEqualTo(2);
        assertThat(f.supply.snapshots).isEqualTo(2);
        assertThat(store.onHand("RED")).isEqualTo(6);
    }

    @Test
    void aPassedEtaDelistsOnTheNextDayUnderTheDefaultPolicy() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.settled(store);
        assertThat(store.listed("RED")).isTrue();

        f.clock.advanceTo(Instant.parse("2026-07-02T00:00:01Z"));
        sync.runUntilIdle(100);
        assertThat(store.listed("RED")).isFalse();
        assertThat(store.onHand("RED")).isZero();
    }

    @Test
    void keepAndFlagKeepsTheListingFlagged() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.builder(store)
                .policy(BookPolicy.builder().staleEtaPolicy(StaleEtaPolicy.KEEP_AND_FLAG).build()).build();
        sync.startManual();
        f.clock.advanceTo(Instant.parse("2026-07-02T00:00:01Z"));
        sync.runUntilIdle(100);
        assertThat(store.listed("RED")).isTrue();
        assertThat(store.onHand("RED")).isEqualTo(10);
        assertThat(store.writes()).last().satisfies(w -> assertThat(w.listed()).isTrue());
    }

    @Test
    void domainEventsPassThroughToTheBookListener() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        List<BookEvent> domain = new ArrayList<>();
        PreorderSync sync = f.builder(new FaultInjectingStore("shop-a")).bookListener(domain::add).build();
        sync.startManual();
        sync.preOrderTaken(f.order("RED", 10, "pos"));
        sync.runUntilIdle(100);
        assertThat(domain).anySatisfy(e -> assertThat(e).isInstanceOf(BookEvent.Listed.class));
        assertThat(domain).contains(new BookEvent.Delisted("RED", null, "no pre-orderable units"));
    }

    @Test
    void sharedLocationModePublishesPhysicalStockOnTopOfTheShare() {
        f.supply.add(Fixture.po("L1", "RED", 10));
        f.stock.add(new StockLevel("RED", null, -3));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        PreorderSync sync = f.builder(store).publishPhysicalStock(true).build();
        sync.startManual();
        sync.runUntilIdle(100);
        assertThat(store.onHand("RED")).as("negative ATP adds nothing").isEqualTo(10);

        sync.stockChanged(new StockLevel("RED", null, 5));
        sync.runUntilIdle(100);
        // In stock: no longer a pre-order (delisted), but the physical units stay for sale at the shared location.
        assertThat(store.listed("RED")).isFalse();
        assertThat(store.onHand("RED")).isEqualTo(5);
        assertThat(f.events(SyncEvent.Rejected.class)).isEmpty();
    }
}
