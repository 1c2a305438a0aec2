package co.hotwax.preorder.micrometer;

import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.spi.ChannelUsage;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.Sleeper;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPublisher;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.VirtualClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The binder's meters, read from Micrometer's own SimpleMeterRegistry. */
class PreorderSyncMeterBinderTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    /** A channel that asks to retry SKU SLOW and reports its request count and a bucket. */
    static final class Shop extends InMemoryPublisher {
        private int calls;

        Shop(String channel) {
            super(channel);
        }

        @Override
        public synchronized List<PublishOutcome> publish(List<DesiredState> states) {
            calls++;
            List<PublishOutcome> outcomes = new ArrayList<>(super.publish(states));
            for (int i = 0; i < states.size(); i++) {
                if (states.get(i).sku().equals("SLOW")) {
                    outcomes.set(i, PublishOutcome.retry(states.get(i), "THROTTLED"));
                }
            }
            return outcomes;
        }

        @Override
        public synchronized ChannelUsage usage() {
            return new ChannelUsage(calls, 2, 10.0 * calls, 990, 1000);
        }
    }

    @Test
    void everyStoreFigureIsAMeterTaggedWithTheShopAndTheLane() {
        VirtualClock clock = new VirtualClock(T0);
        InMemoryPurchaseOrderSource supply = new InMemoryPurchaseOrderSource();
        LocalDate eta = LocalDate.parse("2026-07-01");
        for (String sku : List.of("RED", "BLUE", "SLOW")) {
            supply.put(SupplyLine.open("L-" + sku, "PO-1", sku, "WH1", 10, eta));
        }
        Shop a = new Shop("shop-a");
        a.addSku("RED");
        a.addSku("SLOW");
        PreorderSync sync = PreorderSync.builder().supply(supply).publisher(a).clock(clock)
                .random(new SplittableRandom(1)).sleeper(Sleeper.system()).build();
        sync.startManual();
        sync.runUntilIdle(20);
        clock.advance(Duration.ofSeconds(30));

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new PreorderSyncMeterBinder(sync, Tags.of("engine", "main")).bindTo(registry);
        // The first read registers the reason meters seen so far (as a scrape would).
        registry.getMeters().forEach(Meter::measure);

        assertThat(registry.get("preorder.sync.published").tags("shop", "shop-a", "engine", "main")
                .functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("preorder.sync.rejections").tags("shop", "shop-a")
                .tag("reason", "no variant has SKU <sku> in channel shop-a").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("preorder.sync.retries").tags("shop", "shop-a", "reason", "THROTTLED")
                .functionCounter().count()).isPositive();
        assertThat(registry.get("preorder.sync.pending").tags("shop", "shop-a", "lane", "normal").gauge().value())
                .as("SLOW waits for its retry").isEqualTo(1);
        assertThat(registry.get("preorder.sync.pending").tags("shop", "shop-a", "lane", "urgent").gauge().value())
                .isZero();
        assertThat(registry.get("preorder.sync.lag").tags("shop", "shop-a").timeGauge().value(TimeUnit.SECONDS))
                .isEqualTo(30);
        assertThat(registry.get("preorder.sync.time.since.last.publish").tags("shop", "shop-a").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(registry.get("preorder.sync.channel.requests").tags("shop", "shop-a").functionCounter().count())
                .isEqualTo(a.calls);
        assertThat(registry.get("preorder.sync.channel.bucket.available").tags("shop", "shop-a").gauge().value())
                .isEqualTo(990);
        assertThat(registry.get("preorder.sync.commands.queued").gauge().value()).isZero();
        assertThat(registry.get("preorder.sync.healthy").gauge().value()).isEqualTo(1);
        assertThat(registry.get("preorder.sync.channel.bucket.capacity").gauge().getId().getBaseUnit())
                .isEqualTo("points");

        sync.preOrderTaken(co.hotwax.preorder.spi.PreOrder.open("SO-1", "1", "RED", 1, T0, "pos"));
        assertThat(registry.get("preorder.sync.commands.queued").gauge().value()).as("read live").isEqualTo(1);
    }

    @Test
    void aPublisherThatKeepsNoUsageReadsNaNNotZero() {
        InMemoryPurchaseOrderSource supply = new InMemoryPurchaseOrderSource();
        supply.put(SupplyLine.open("L1", "PO-1", "RED", "WH1", 10, LocalDate.parse("2026-07-01")));
        InMemoryPublisher plain = new InMemoryPublisher("shop-b");
        PreorderSync sync = PreorderSync.builder().supply(supply).publisher(plain).clock(new VirtualClock(T0))
                .sleeper(Sleeper.system()).build();
        sync.startManual();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new PreorderSyncMeterBinder(sync).bindTo(registry);
        assertThat(registry.get("preorder.sync.channel.bucket.available").tags("shop", "shop-b").gauge().value())
                .isNaN();
        assertThat(registry.get("preorder.sync.time.since.last.publish").tags("shop", "shop-b").timeGauge()
                .value(TimeUnit.SECONDS)).as("never published").isNaN();
    }
}
