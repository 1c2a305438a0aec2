package co.hotwax.preorder.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final LocalDate JUN_1 = LocalDate.of(2026, 6, 1);

    @Test
    void supplyLineDerivesOnOrderCapacityAndPromisable() {
        SupplyLine line = new SupplyLine("PO-1/1", "PO-1", "RED-M", "WH", 100, 40, 10, JUN_1, SupplyStatus.OPEN, 5);
        assertThat(line.onOrder()).isEqualTo(50);
        assertThat(line.capacity()).isEqualTo(90);
        assertThat(line.promisable()).isEqualTo(85);
        assertThat(line.withStatus(SupplyStatus.CLOSED).onOrder()).isZero();
        assertThat(line.withStatus(SupplyStatus.CLOSED).capacity()).isEqualTo(40);
        assertThat(SupplyLine.open("L", "PO", "S", "F", 8, JUN_1).withBuffer(10).promisable()).isZero();
    }

    @Test
    void supplyLineRefusesReceivedPlusCancelledAboveOrderedNamingTheLine() {
        assertThatThrownBy(() -> new SupplyLine("PO-7/1", "PO-7", "RED-M", "WH", 10, 12, 3, JUN_1,
                SupplyStatus.OPEN, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("supply line PO-7/1 (sku RED-M): received 12 + cancelled 3 exceeds ordered 10");
    }

    @Test
    void supplyLineRefusesNegativeOverflowingAndMissingValues() {
        assertThatThrownBy(() -> SupplyLine.open("L1", "PO", "S", "F", -1, JUN_1))
                .hasMessageContaining("L1").hasMessageContaining("ordered must not be negative");
        assertThatThrownBy(() -> SupplyLine.open("L1", "PO", "S", "F", Quantities.MAX + 1, JUN_1))
                .hasMessageContaining("exceeds the maximum");
        assertThatThrownBy(() -> SupplyLine.open("L1", "PO", "S", "F", 1, null))
                .hasMessageContaining("eta is missing");
        assertThatThrownBy(() -> SupplyLine.open(" ", "PO", "S", "F", 1, JUN_1))
                .hasMessageContaining("lineId is missing");
    }

    @Test
    void preOrderRefusesZeroQuantityAndMissingTime() {
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        assertThatThrownBy(() -> PreOrder.open("SO-1", "1", "RED-M", 0, t, "shop"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("pre-order SO-1/1 (sku RED-M): quantity must be at least 1");
        assertThatThrownBy(() -> PreOrder.open("SO-1", "1", "RED-M", 1, null, "shop"))
                .hasMessageContaining("placedAt is missing");
        PreOrder ok = PreOrder.open("SO-1", "1", "RED-M", 2, t, "shop");
        assertThat(ok.key()).isEqualTo("SO-1/1");
        assertThat(ok.withStatus(PreOrderStatus.CANCELLED).status().holdsSupply()).isFalse();
        assertThat(ok.withStatus(PreOrderStatus.RETURNED).status().holdsSupply()).isTrue();
    }

    @Test
    void desiredStateRefusesNegativeQuantitiesAndKeysByFacility() {
        assertThatThrownBy(() -> new DesiredState("RED-M", null, -1, 0, false, null, false))
                .hasMessageContaining("desired state of sku RED-M").hasMessageContaining("sellable must not be negative");
        assertThatThrownBy(() -> new DesiredState("RED-M", null, 0, -2, false, null, false))
                .hasMessageContaining("openOrders must not be negative");
        assertThat(new DesiredState("RED-M", null, 3, 0, false, null, false).sellable()).isEqualTo(3);
        assertThat(new DesiredState("RED-M", "WH", 3, 0, true, JUN_1, false).key()).isEqualTo("RED-M@WH");
    }

    @Test
    void publishOutcomeFailuresNeedAReason() {
        DesiredState s = new DesiredState("RED-M", null, 0, 0, false, null, false);
        assertThatThrownBy(() -> new PublishOutcome("RED-M", null, PublishOutcome.Status.REJECTED, false, " "))
                .hasMessageContaining("REJECTED needs a reason");
        assertThat(PublishOutcome.rejected(s, "no variant").reason()).isEqualTo("no variant");
        assertThat(PublishOutcome.applied(s, true).wrote()).isTrue();
    }

    @Test
    void publishOutcomeInFlightIsUnknownUnlessObserved() {
        DesiredState s = new DesiredState("RED-M", null, 0, 0, false, null, false);
        assertThat(PublishOutcome.applied(s, true).inFlight()).isEqualTo(PublishOutcome.UNKNOWN);
        assertThat(PublishOutcome.applied(s, false, 7).inFlight()).isEqualTo(7);
        assertThatThrownBy(() -> PublishOutcome.applied(s, true, -2)).hasMessageContaining("inFlight");
    }

    @Test
    void publishOutcomeRetryAfterIsForRetriesOnlyAndPositive() {
        DesiredState s = new DesiredState("RED-M", null, 0, 0, false, null, false);
        assertThat(PublishOutcome.retry(s, "THROTTLED").retryAfter()).as("the engine's back-off decides").isNull();
        assertThat(new PublishOutcome("RED-M", null, PublishOutcome.Status.RETRY, false, "x", 3).retryAfter()).isNull();
        PublishOutcome later = PublishOutcome.retry(s, "waiting for the catalog export", Duration.ofSeconds(4));
        assertThat(later.status()).isEqualTo(PublishOutcome.Status.RETRY);
        assertThat(later.retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(later.reason()).isEqualTo("waiting for the catalog export");
        assertThatThrownBy(() -> PublishOutcome.retry(s, "x", Duration.ZERO))
                .hasMessageContaining("sku RED-M").hasMessageContaining("retryAfter must be positive");
        assertThatThrownBy(() -> PublishOutcome.retry(s, "x", Duration.ofMillis(-1)))
                .hasMessageContaining("retryAfter must be positive");
        assertThatThrownBy(() -> PublishOutcome.retry(s, "x", null)).hasMessageContaining("retryAfter is missing");
        assertThatThrownBy(() -> new PublishOutcome("RED-M", null, PublishOutcome.Status.APPLIED, true, "", -1,
                Duration.ofSeconds(1))).hasMessageContaining("retryAfter is for RETRY outcomes only");
    }

    @Test
    void feedValuesCopyAndRefuseNullItems() {
        List<String> items = new java.util.ArrayList<>(List.of("a"));
        FeedPage<String> page = new FeedPage<>(items, Checkpoint.of("1"), false);
        items.add("b");
        assertThat(page.items()).containsExactly("a");
        assertThatThrownBy(() -> new FeedPage<>(java.util.Arrays.asList("a", null), Checkpoint.of("1"), false))
                .hasMessageContaining("item 1 is null");
        assertThatThrownBy(() -> Checkpoint.of("")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void spiVersionCheckFailsLoudlyForAnotherVersion() {
        Object component = new Object();
        assertThat(SpiVersion.requireCompatible(component, SpiVersion.CURRENT)).isSameAs(component);
        assertThatThrownBy(() -> SpiVersion.requireCompatible(component, SpiVersion.CURRENT + 1))
                .isInstanceOf(IncompatibleSpiException.class)
                .hasMessageContaining("java.lang.Object was built for Preorder Sync SPI version 2")
                .hasMessageContaining("provides SPI version 1");
    }
}
