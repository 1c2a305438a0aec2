package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** A virtual clock, in-memory feeds, fake stores and an event recorder, wired into an engine in manual mode. */
final class Fixture {
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    static final LocalDate ETA = LocalDate.parse("2026-07-01");

    final VirtualClock clock = new VirtualClock(T0);
    final FaultInjectingFeed.Supply supply = FaultInjectingFeed.supply();
    final FaultInjectingFeed.Orders orders = FaultInjectingFeed.orders();
    final FaultInjectingFeed.Stock stock = FaultInjectingFeed.stock();
    final List<SyncEvent> events = Collections.synchronizedList(new ArrayList<>());
    private int orderSeq;

    PreorderSync.Builder builder(FaultInjectingStore... stores) {
        PreorderSync.Builder b = PreorderSync.builder().supply(supply).preOrders(orders).stock(stock)
                .clock(clock).random(new SplittableRandom(42)).listener(events::add)
                .pollInterval(Duration.ofSeconds(5)).reconcileInterval(Duration.ofHours(1))
                .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .sleeper(d -> { throw new AssertionError("manual mode never sleeps"); });
        for (FaultInjectingStore store : stores) {
            b.publisher(store);
        }
        return b;
    }

    PreorderSync manual(FaultInjectingStore... stores) {
        PreorderSync sync = builder(stores).build();
        sync.startManual();
        return sync;
    }

    /** An engine in manual mode that has loaded the feeds and published everything it could. */
    PreorderSync settled(FaultInjectingStore... stores) {
        PreorderSync sync = manual(stores);
        sync.runUntilIdle(100);
        return sync;
    }

    static SupplyLine po(String lineId, String sku, long qty) {
        return SupplyLine.open(lineId, "PO-" + lineId, sku, "WH1", qty, ETA);
    }

    PreOrder order(String sku, long qty, String channel) {
        orderSeq++;
        return PreOrder.open("SO-" + orderSeq, "1", sku, qty, T0.plusSeconds(orderSeq), channel);
    }

    <T extends SyncEvent> List<T> events(Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    static BookPolicy perFacility() {
        return BookPolicy.builder().perFacility(true).build();
    }
}
