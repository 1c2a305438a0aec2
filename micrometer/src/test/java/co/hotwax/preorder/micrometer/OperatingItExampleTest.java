package co.hotwax.preorder.micrometer;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.core.PreOrderState;
import co.hotwax.preorder.core.engine.AsyncBookListener;
import co.hotwax.preorder.core.engine.AsyncListener;
import co.hotwax.preorder.core.engine.OverflowPolicy;
import co.hotwax.preorder.core.engine.PreorderSync;
import co.hotwax.preorder.core.engine.PreorderSyncConfig;
import co.hotwax.preorder.core.engine.PreorderSyncJmx;
import co.hotwax.preorder.core.engine.SyncHealth;
import co.hotwax.preorder.spi.ConfigLookup;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.Sleeper;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.InMemoryPublisher;
import co.hotwax.preorder.testkit.InMemoryPurchaseOrderSource;
import co.hotwax.preorder.testkit.VirtualClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Operating it" section, run: configuration from properties, a slow book listener behind an
 * asynchronous queue, metrics in Micrometer and JMX, the health summary, and reconciling from the book.
 */
class OperatingItExampleTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    /** The asynchronous listener wire() built, closed by the test after the engine. */
    private AsyncBookListener promiseDates;

    /** What the OMS's database would receive. */
    private final List<BookEvent> saved = Collections.synchronizedList(new ArrayList<>());

    private void saveToDatabase(BookEvent event) {
        saved.add(event);
    }

    PreorderSync wire(Properties properties, PreorderSyncConfig.StoreFactory stores, PurchaseOrderSource purchaseOrders,
                      MeterRegistry registry, VirtualClock clock) {
        PreorderSyncConfig config = PreorderSyncConfig.from(ConfigLookup.of(properties), "preorder.", stores);
        promiseDates = AsyncBookListener.of(this::saveToDatabase, 10_000,
                OverflowPolicy.block(Duration.ofMillis(50)), AsyncListener.daemonThread());
        PreorderSync sync = config.applyTo(PreorderSync.builder())
                .supply(purchaseOrders)
                .bookListener(promiseDates)
                .clock(clock).sleeper(Sleeper.system())
                .build();
        new PreorderSyncMeterBinder(sync).bindTo(registry);
        return sync;
    }

    static List<PreOrderState> reconcile(PreorderSync sync, List<PoolKey> page) throws Exception {
        CompletableFuture<List<PreOrderState>> states = sync.readBook(book -> page.stream()
                .flatMap(pool -> book.preOrders(pool.sku(), pool.facilityId()).stream())
                .toList());
        return states.get();
    }

    @Test
    void theOperatorsWiringWorksEndToEnd() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("preorder.engine.poll-interval", "5s");
        properties.setProperty("preorder.engine.health.max-lag", "2m");
        properties.setProperty("preorder.stores", "us");
        properties.setProperty("preorder.store.us.shop", "us.myshopify.com");
        InMemoryPurchaseOrderSource supply = new InMemoryPurchaseOrderSource();
        supply.put(SupplyLine.open("L1", "PO-1", "RED", "WH1", 5, LocalDate.parse("2026-07-01")));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PreorderSyncConfig.StoreFactory stores = (id, keys) -> {
            InMemoryPublisher store = new InMemoryPublisher(keys.requiredString("shop"));
            store.addSku("RED");
            return store;
        };
        PreorderSync sync = wire(properties, stores, supply, registry, new VirtualClock(T0));
        sync.startManual();
        sync.preOrderTaken(PreOrder.open("SO-1", "1", "RED", 7, T0, "pos"));
        sync.runUntilIdle(20);

        SyncHealth health = sync.health();
        assertThat(health.healthy()).isTrue();
        assertThat(registry.get("preorder.sync.published").tag("shop", "us.myshopify.com").functionCounter().count())
                .isPositive();
        try (PreorderSyncJmx jmx = PreorderSyncJmx.register(sync, "main", MBeanServerFactory.newMBeanServer())) {
            assertThat(jmx.names()).hasSize(2);
        }
        // In manual mode a read runs at the next step(); a running engine runs it on its own loop thread.
        CompletableFuture<List<PoolKey>> keys = sync.readBook(book -> book.poolKeys());
        sync.step();
        List<PoolKey> pools = keys.get(10, TimeUnit.SECONDS);
        CompletableFuture<List<PreOrderState>> read = CompletableFuture.supplyAsync(() -> {
            try {
                return reconcile(sync, pools);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, AsyncListener.daemonThread());
        while (!read.isDone()) {
            sync.step();
            Thread.onSpinWait();
        }
        assertThat(read.get()).singleElement().satisfies(s -> assertThat(s.uncovered()).isTrue());
        sync.close();
        assertThat(promiseDates.close(Duration.ofSeconds(10))).isTrue();
        assertThat(saved).anyMatch(e -> e instanceof BookEvent.PreOrderUncovered);
    }
}
