package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.spi.IncompatibleSpiException;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreorderSyncBuilderTest {
    private final Fixture f = new Fixture();

    @Test
    void requiresSupplyAndPublisher() {
        assertThatThrownBy(() -> PreorderSync.builder().publisher(new FakeStore("a")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supply source");
        assertThatThrownBy(() -> PreorderSync.builder().supply(f.supply).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publisher");
    }

    @Test
    void refusesComponentsBuiltForAnotherSpiVersion() {
        FakeStore store = new FakeStore("a");
        store.spiVersion = 99;
        assertThatThrownBy(() -> f.builder(store).build())
                .isInstanceOf(IncompatibleSpiException.class).hasMessageContaining("99");
        f.orders.spiVersion = 99;
        assertThatThrownBy(() -> f.builder(new FakeStore("b")).build())
                .isInstanceOf(IncompatibleSpiException.class).hasMessageContaining("InMemoryFeed$Orders");
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> f.builder(new FakeStore("a").maxBatch(10)).batchSize(11).build())
                .hasMessageContaining("batchSize must be 1..10");
        assertThatThrownBy(() -> f.builder(new FakeStore("a")).batchSize(0).build())
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> f.builder(new FakeStore("a"), new FakeStore("a")).build())
                .hasMessageContaining("two publishers have channel id a");
        assertThatThrownBy(() -> f.builder().publisher(new FakeStore("a"), 0).build())
                .hasMessageContaining("weight 0");
        assertThatThrownBy(() -> f.builder(new FakeStore("a")).pollInterval(Duration.ZERO).build())
                .hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> f.builder(new FakeStore("a"))
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .hasMessageContaining("below min");
    }

    @Test
    void buildNeverWritesDerivedValuesIntoTheBuilder() {
        PreorderSync.Builder builder = f.builder(new FakeStore("a").maxBatch(250));
        assertThat(builder.build()).isNotNull();
        // The first build derived batch size 250; a second build with a smaller publisher must derive it again.
        builder.publisher(new FakeStore("b").maxBatch(100));
        assertThat(builder.build()).isNotNull();
        assertThatThrownBy(() -> builder.batchSize(101).build()).hasMessageContaining("was 101");
    }

    @Test
    void omsCallsValidateSynchronouslyAndRefuseAfterStop() throws Exception {
        PreorderSync sync = f.builder(new FakeStore("a")).build();
        assertThatThrownBy(() -> sync.preOrderTaken(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sync.preOrderCancelled(" ", "1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderId is missing");
        PreOrder released = new PreOrder("SO-1", "1", "RED", 1, Instant.EPOCH, "a", PreOrderStatus.RELEASED,
                null, null);
        assertThatThrownBy(() -> sync.preOrderTaken(released))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be OPEN");
        sync.startManual();
        assertThat(sync.stop(Duration.ofSeconds(1))).isTrue();
        assertThatThrownBy(() -> sync.stockChanged(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sync.preOrderCancelled("SO-1", "1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sync::step).isInstanceOf(IllegalStateException.class);
    }
}
