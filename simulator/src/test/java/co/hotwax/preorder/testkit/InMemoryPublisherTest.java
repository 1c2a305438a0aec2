package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the contract does not cover: write order, DENY at the channel, duplicates, facilities. */
class InMemoryPublisherTest {
    private static final LocalDate PROMISE = LocalDate.of(2027, 1, 15);
    private final InMemoryPublisher publisher = new InMemoryPublisher("shop-a");

    @Test
    void listingWritesMarksBeforeQuantityAndDelistingTheReverse() {
        publisher.addSku("RED-M");

        publisher.publish(List.of(new DesiredState("RED-M", null, 10, 0, true, PROMISE, false)));
        publisher.publish(List.of(new DesiredState("RED-M", null, 0, 0, false, null, false)));

        assertThat(publisher.writeLog()).containsExactly(
                "marks RED-M listed=true promise=2027-01-15 flagged=false",
                "on_hand RED-M 0 -> 10",
                "on_hand RED-M 10 -> 0",
                "marks RED-M listed=false promise=null flagged=false");
        assertThat(publisher.writes()).isEqualTo(4);
    }

    @Test
    void theChannelRefusesWhatIsNotAvailableOrNotListed() {
        publisher.addSku("RED-M");
        assertThat(publisher.sell("RED-M", 1)).as("never published").isFalse();
        publisher.publish(List.of(new DesiredState("RED-M", null, 4, 0, true, PROMISE, false)));

        assertThat(publisher.sell("RED-M", 3)).isTrue();
        assertThat(publisher.sell("RED-M", 2)).as("only 1 left").isFalse();
        assertThat(publisher.sell("RED-M", 1)).isTrue();
        assertThat(publisher.available("RED-M", null)).isZero();
    }

    @Test
    void aSkuTwiceInOneBatchIsRejectedTheSecondTime() {
        publisher.addSku("RED-M");
        DesiredState state = new DesiredState("RED-M", null, 4, 0, true, PROMISE, false);

        List<PublishOutcome> outcomes = publisher.publish(List.of(state, state));

        assertThat(outcomes.get(0).status()).isEqualTo(PublishOutcome.Status.APPLIED);
        assertThat(outcomes.get(1).status()).isEqualTo(PublishOutcome.Status.REJECTED);
        assertThat(outcomes.get(1).reason()).contains("RED-M").contains("twice");
    }

    @Test
    void facilitiesAreSeparateLocations() {
        publisher.addSku("RED-M");

        publisher.publish(List.of(new DesiredState("RED-M", "WH-1", 3, 0, true, PROMISE, false),
                new DesiredState("RED-M", "WH-2", 5, 1, true, PROMISE, false)));

        assertThat(publisher.available("RED-M", "WH-1")).isEqualTo(3);
        // on_hand 5 + 1, nothing committed yet: the open order the OMS knows of is not in this channel
        assertThat(publisher.available("RED-M", "WH-2")).isEqualTo(6);
        assertThat(publisher.available("RED-M", null)).isZero();
        assertThat(publisher.sell("RED-M", "WH-1", 3)).isTrue();
        assertThat(publisher.available("RED-M", "WH-2")).isEqualTo(6);
        assertThat(publisher.listed("RED-M")).isTrue();
    }
}
