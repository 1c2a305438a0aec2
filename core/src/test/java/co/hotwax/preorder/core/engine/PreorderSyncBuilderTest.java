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
        assertThatThrownBy(() -> PreorderSync.builder().publisher(new FaultInjectingStore("a")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supply source");
        assertThatThrownBy(() -> PreorderSync.builder().supply(f.supply).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publisher");
    }

    @Test
    void refusesComponentsBuiltForAnotherSpiVersion() {
        FaultInjectingStore store = new FaultInjectingStore("a");
        store.spiVersion = 99;
        assertThatThrownBy(() -> f.builder(store).build())
                .isInstanceOf(IncompatibleSpiException.class).hasMessageContaining("99");
        f.orders.spiVersion = 99;
        assertThatThrownBy(() -> f.builder(new FaultInjectingStore("b")).build())
                .isInstanceOf(IncompatibleSpiException.class).hasMessageContaining("FaultInjectingFeed$Orders");
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> f.builder(new FaultInjectingStore("a").maxBatch(10)).batchSize(11).build())
                .hasMessageContaining("batchSize must be 1..10");
        assertThatThrownBy(() -> f.builder(new FaultInjectingStore("a")).batchSize(0).build())
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> f.builder(new FaultInjectingStore("a"), new FaultInjectingStore("a")).build())
                .hasMessageContaining("two publishers have channel id a");
        assertThatThrownBy(() -> f.builder().publisher(new FaultInjectingStore("a"), 0).build())
                .hasMessageContaining("weight 0");
        assertThatThrownBy(() -> f.builder(new FaultInjectingStore("a")).pollInterval(Duration.ZERO).build())
                .hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> f.builder(new FaultInjectingStore("a"))
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .hasMessageContaining("below min");
    }

    @Test
    void buildNeverWritesDerivedValuesIntoTheBuilder() {
        PreorderSync.Builder builder = f.builder(new FaultInjectingStore("a").maxBatch(250));
        assertThat(builder.build()).isNotNull();
        // The first build derived batch size 250; a second build with a smaller publisher must derive it again.
        builder.publisher(new FaultInjectingStore("b").maxBatch(100));
        assertThat(builder.build()).isNotNull();
        assertThatThrownBy(() -> builder.batchSize(101).build()).hasMessageContaining("was 101");
    }

    @Test
    void omsCallsValidateSynchronouslyAndRefuseAfterStop() throws Exception {
        PreorderSync sync = f.builder(new FaultInjectingStore("a")).build();
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
