package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reasons become bounded templates, and a persistent rejection is news only once. */
class ReasonTemplatesTest {

    @Test
    void skusNumbersAndDetailsAreTakenOutOfTheReason() {
        assertThat(ReasonTemplates.template("no variant has sku RED-M", "RED-M"))
                .isEqualTo(ReasonTemplates.template("no variant has sku BLUE-L", "BLUE-L"))
                .isEqualTo("no variant has sku <sku>");
        assertThat(ReasonTemplates.template("compare-and-set on RED-M lost to another writer 5 times", "RED-M"))
                .isEqualTo("compare-and-set on <sku> lost to another writer <n> times");
        assertThat(ReasonTemplates.template("resolving SKUs failed: productVariants got HTTP 503 from shop a", "X"))
                .isEqualTo("resolving SKUs failed");
        assertThat(ReasonTemplates.template("THROTTLED", "X")).isEqualTo("THROTTLED");
        assertThat(ReasonTemplates.template(" ", "X")).isEqualTo("unspecified");
    }

    @Test
    void aStoreKeepsAtMost32ReasonsAndCountsTheRestAsOther() {
        EngineCounters counters = new EngineCounters();
        for (int i = 0; i < 50; i++) {
            counters.rejected("reason kind " + (char) ('a' + i % 26) + (char) ('a' + i / 26), "X", 0);
        }
        assertThat(counters.rejectedByReason).hasSize(ReasonTemplates.MAX_PER_STORE + 1);
        assertThat(counters.rejectedByReason.get(ReasonTemplates.OTHER).get()).isEqualTo(50 - 32);
        assertThat(counters.rejected.get()).isEqualTo(50);
    }

    @Test
    void aPersistentRejectionWarnsOnceThenAgainOnlyWhenItChanges() {
        RejectionLog log = new RejectionLog("shop-a");
        PoolKey red = new PoolKey("RED", null);
        assertThat(log.rejected(red, "no variant has sku RED")).isTrue();
        assertThat(log.rejected(red, "no variant has sku RED")).as("the hourly reconciliation repeats it").isFalse();
        assertThat(log.rejected(red, "no variant has sku RED")).isFalse();
        assertThat(log.rejected(red, "sku RED matches 2 variants")).as("another reason is news").isTrue();
        log.published(red);
        assertThat(log.rejected(red, "sku RED matches 2 variants")).as("rejected again after a success").isTrue();
        assertThat(log.rejected(new PoolKey("BLUE", null), "sku RED matches 2 variants")).isTrue();
    }
}
