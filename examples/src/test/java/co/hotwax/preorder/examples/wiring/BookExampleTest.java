package co.hotwax.preorder.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import co.hotwax.preorder.core.BookEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BookExampleTest {
    @Test
    void theReadmeBookSampleComputesPAndMovesCutOrdersToTheNextPo() {
        BookExample.Result r = BookExample.run(Clock.fixed(Instant.parse("2027-05-02T00:00:00Z"), ZoneOffset.UTC));
        assertThat(r.beforeCut().preorderable()).isEqualTo(90);
        assertThat(r.beforeCut().nextPromiseDate()).isEqualTo(LocalDate.of(2027, 8, 17));
        assertThat(r.afterCut().preorderable()).isEqualTo(70);
        assertThat(r.afterCut().uncoveredPreOrders()).isEmpty();
        assertThat(r.events()).filteredOn(e -> e instanceof BookEvent.PromiseDateChanged).hasSize(20)
                .allSatisfy(e -> assertThat(((BookEvent.PromiseDateChanged) e).newDate())
                        .isEqualTo(LocalDate.of(2027, 8, 17)));
    }
}
