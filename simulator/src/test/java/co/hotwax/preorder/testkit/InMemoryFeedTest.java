package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.Checkpoint;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.StockLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the contract does not cover: expiry, bad arguments, the checkpoint encoding. */
class InMemoryFeedTest {
    private final InMemoryStockSource feed = new InMemoryStockSource();

    @Test
    void forgottenChangesExpireTheirCheckpoints() {
        Checkpoint start = feed.snapshot().checkpoint();
        feed.put(new StockLevel("A", null, 1));
        feed.put(new StockLevel("B", null, 2));
        Checkpoint middle = feed.changesSince(start, 1).next();

        feed.forgetBefore(1);

        assertThatThrownBy(() -> feed.changesSince(start, 10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expired").hasMessageContaining("new snapshot");
        assertThat(feed.changesSince(middle, 10).items()).containsExactly(new StockLevel("B", null, 2));
        assertThatThrownBy(() -> feed.forgetBefore(0)).hasMessageContaining("undo");
    }

    @Test
    void checkpointsCountChangesAndBadArgumentsAreRefused() {
        feed.put(new StockLevel("A", "WH-1", 1));
        feed.put(new StockLevel("A", "WH-2", 2));
        feed.put(new StockLevel("A", "WH-1", 3));

        assertThat(feed.snapshot().checkpoint()).isEqualTo(Checkpoint.of("3"));
        assertThat(feed.snapshot().items()).containsExactly(new StockLevel("A", "WH-1", 3),
                new StockLevel("A", "WH-2", 2));
        assertThat(feed.changeCount()).isEqualTo(3);
        assertThatThrownBy(() -> feed.changesSince(Checkpoint.of("4"), 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> feed.changesSince(Checkpoint.of("0"), 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxItems");
        assertThatThrownBy(() -> feed.put(null)).hasMessageContaining("null");
    }
}
