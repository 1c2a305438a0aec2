package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an export answers, how often and for how long. */
class ExportedCatalogTest {
    private final VirtualClock clock = new VirtualClock();
    private final ExportedCatalog catalog = new ExportedCatalog(clock, null, 10, "shop.example");

    private static ExportedCatalog.Entry entry(String sku, int n) {
        return new ExportedCatalog.Entry(new VariantRecord(sku, "V" + n, "P", "I" + n, true, true, null), false,
                List.of(), List.of(new ExportedCatalog.Level("L1", 8, 5, 3)), List.of());
    }

    @Test
    void aLevelIsHandedOutOncePerItemAndLocation() {
        catalog.replace(Map.of("A", entry("A", 1)), clock.instant());
        assertThat(catalog.takeLevel("I1", "L1")).contains(LevelQuantities.exported(true, 8, 5, 3));
        assertThat(catalog.takeLevel("I1", "L1")).as("the second read goes to Shopify").isEmpty();
        assertThat(catalog.takeLevel("I1", "L2")).contains(LevelQuantities.exported(false, 0, 0, 0));
        assertThat(catalog.takeLevel("I9", "L1")).as("not in the export").isEmpty();
        catalog.replace(Map.of("A", entry("A", 1)), clock.instant());
        assertThat(catalog.takeLevel("I1", "L1")).as("a new export answers again").isPresent();
    }

    @Test
    void anExportOlderThanTheMaximumAgeAnswersNothing() throws InterruptedException {
        catalog.replace(Map.of("A", entry("A", 1)), clock.instant());
        assertThat(catalog.ensure(1)).isTrue();
        assertThat(catalog.entry("A")).isPresent();
        clock.advance(ExportedCatalog.MAX_AGE);
        assertThat(catalog.current()).isFalse();
        assertThat(catalog.entry("A")).isEmpty();
        assertThat(catalog.takeLevel("I1", "L1")).isEmpty();
        assertThat(catalog.ensure(1_000)).as("no export to start").isFalse();
        assertThat(catalog.running()).isFalse();
    }

    @Test
    void anExportedLevelIsFreshForTheTargetButReportsNoInFlightUnits() {
        LevelQuantities level = LevelQuantities.exported(true, 8, 5, 3);
        assertThat(level.fresh()).isTrue();
        assertThat(level.after("on_hand", 10).exported()).isTrue();
        BatchItem item = new BatchItem(new co.hotwax.preorder.spi.DesiredState("A", null, 5, 0, true,
                java.time.LocalDate.of(2026, 7, 1), false), "L1");
        item.inFlightFrom(level);
        item.applied();
        assertThat(item.outcome().inFlight()).isEqualTo(co.hotwax.preorder.spi.PublishOutcome.UNKNOWN);
    }
}
