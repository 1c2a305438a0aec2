package co.hotwax.preorder.core.engine;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookView;
import co.hotwax.preorder.core.PreOrderState;
import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PublishOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several listeners, asynchronous delivery with an explicit overflow policy, and reading the book back. */
class ListenersTest {

    @Test
    void everyListenerOfEachKindGetsEveryEventEvenWhenAnotherThrows() {
        Fixture f = new Fixture();
        List<SyncEvent> second = new ArrayList<>();
        List<BookEvent> bookA = new ArrayList<>();
        List<BookEvent> bookB = new ArrayList<>();
        f.supply.add(Fixture.po("L1", "RED", 10));
        PreorderSync sync = f.builder(new FaultInjectingStore("shop-a"))
                .listener(e -> { throw new IllegalStateException("a broken listener"); })
                .listener(second::add)
                .bookListener(bookA::add)
                .bookListener(e -> { throw new IllegalStateException("another broken one"); })
                .bookListener(bookB::add)
                .build();
        sync.startManual();
        sync.runUntilIdle(10);
        assertThat(f.events).as("the fixture's own listener, added first").isNotEmpty();
        assertThat(second).isEqualTo(f.events);
        assertThat(bookA).isNotEmpty().isEqualTo(bookB);
    }

    @Test
    void aFullQueueDropsAndCountsUnderTheDropPolicy() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<SyncEvent> got = Collections.synchronizedList(new ArrayList<>());
        AsyncSyncListener async = AsyncSyncListener.of(e -> {
            entered.countDown();
            await(release);
            got.add(e);
        }, 1, OverflowPolicy.drop(), AsyncListener.daemonThread());
        SyncEvent first = new SyncEvent.ResyncCompleted(1);
        async.onEvent(first);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        SyncEvent second = new SyncEvent.ResyncCompleted(2);
        async.onEvent(second);
        async.onEvent(new SyncEvent.ResyncCompleted(3));
        async.onEvent(new SyncEvent.ResyncCompleted(4));
        assertThat(async.dropped()).isEqualTo(2);
        assertThat(async.queued()).isEqualTo(1);
        release.countDown();
        assertThat(async.close(Duration.ofSeconds(10))).isTrue();
        assertThat(got).containsExactly(first, second);
        assertThat(async.delivered()).isEqualTo(2);
        async.onEvent(new SyncEvent.ResyncCompleted(5));
        assertThat(async.dropped()).as("closed").isEqualTo(3);
    }

    @Test
    void theBlockPolicyWaitsForRoomSoASlowListenerLosesNothing() throws InterruptedException {
        List<BookEvent> got = Collections.synchronizedList(new ArrayList<>());
        AsyncBookListener async = AsyncBookListener.of(e -> {
            Thread.yield();
            got.add(e);
        }, 2, OverflowPolicy.block(Duration.ofMinutes(1)), AsyncListener.daemonThread());
        List<BookEvent> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            BookEvent event = new BookEvent.PreorderableChanged("SKU" + i, null, 0, i);
            sent.add(event);
            async.onEvent(event);
        }
        assertThat(async.close(Duration.ofSeconds(30))).isTrue();
        assertThat(async.dropped()).isZero();
        assertThat(got).isEqualTo(sent);
    }

    @Test
    void aListenerExceptionIsCountedAndDeliveryGoesOn() throws InterruptedException {
        List<SyncEvent> got = Collections.synchronizedList(new ArrayList<>());
        AsyncSyncListener async = AsyncSyncListener.of(e -> {
            if (e instanceof SyncEvent.ResyncCompleted c && c.total() == 1) {
                throw new IllegalStateException("database down");
            }
            got.add(e);
        }, 10, OverflowPolicy.block(Duration.ofSeconds(1)), AsyncListener.daemonThread());
        async.onEvent(new SyncEvent.ResyncCompleted(1));
        async.onEvent(new SyncEvent.ResyncCompleted(2));
        assertThat(async.close(Duration.ofSeconds(10))).isTrue();
        assertThat(async.failed()).isEqualTo(1);
        assertThat(got).containsExactly(new SyncEvent.ResyncCompleted(2));
    }

    @Test
    void readBookReturnsEveryPreOrdersAllocationAndPromiseDateAsOfTheLoopsNextStep() throws Exception {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 5));
        PreOrder first = f.order("RED", 3, "shop-a");
        PreOrder second = f.order("RED", 4, "shop-a");
        f.orders.add(first, second);
        PreorderSync sync = f.settled(new FaultInjectingStore("shop-a"));

        CompletableFuture<List<PreOrderState>> read = sync.readBook(book -> book.poolKeys().stream()
                .flatMap(k -> book.preOrders(k.sku(), k.facilityId()).stream()).toList());
        assertThat(read).as("runs on the loop, at the next step").isNotDone();
        sync.step();
        List<PreOrderState> states = read.get();
        assertThat(states).extracting(PreOrderState::orderId).containsExactly(first.orderId(), second.orderId());
        assertThat(states.get(0).promiseDate()).isEqualTo(Fixture.ETA);
        assertThat(states.get(0).allocations()).singleElement()
                .satisfies(a -> assertThat(a.supplyLineId()).isEqualTo("L1"));
        assertThat(states.get(1).uncovered()).as("only 2 of its 4 units are covered").isTrue();
        assertThat(states.get(1).covered()).isEqualTo(2);
        assertThat(states.get(1).promiseDate()).isNull();
        CompletableFuture<PreOrderState> one = sync.readBook(book -> book.preOrder(first.orderId(), "1").orElseThrow());
        sync.step();
        assertThat(one.get()).as("the per-pool read agrees with the single read").isEqualTo(states.get(0));
    }

    @Test
    void aReadTheEngineWillNeverRunFails() throws InterruptedException {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 5));
        PreorderSync sync = f.settled(new FaultInjectingStore("shop-a"));
        CompletableFuture<Integer> pending = sync.readBook(book -> book.poolCount());
        CompletableFuture<Integer> failing = sync.readBook(book -> { throw new IllegalArgumentException("bad read"); });
        sync.stop(Duration.ofSeconds(1));
        assertThatThrownBy(pending::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sync.readBook(book -> 1)::get).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReadQueuedJustBeforeTheEngineFailsFailsAtTheFailureNotAtStop() {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 5));
        FaultInjectingStore store = new FaultInjectingStore("shop-a");
        AtomicReference<PreorderSync> engine = new AtomicReference<>();
        AtomicReference<CompletableFuture<Integer>> queued = new AtomicReference<>();
        AtomicBoolean failNext = new AtomicBoolean();
        // Queues a read after this iteration's reads ran, then fails the engine in the same iteration.
        InventoryPublisher failing = new InventoryPublisher() {
            @Override
            public String channelId() {
                return store.channelId();
            }

            @Override
            public List<PublishOutcome> publish(List<DesiredState> states) {
                if (failNext.get()) {
                    queued.set(engine.get().readBook(BookView::poolCount));
                    throw new OutOfMemoryError("publisher ran out of memory (test)");
                }
                return store.publish(states);
            }

            @Override
            public int spiVersion() {
                return store.spiVersion();
            }
        };
        PreorderSync sync = f.builder().publisher(failing).build();
        engine.set(sync);
        sync.startManual();
        sync.runUntilIdle(100);
        failNext.set(true);
        PreOrder order = f.order("RED", 1, "pos");
        f.orders.add(order);
        sync.preOrderTaken(order);

        assertThatThrownBy(sync::step).isInstanceOf(OutOfMemoryError.class);

        assertThat(sync.state()).isEqualTo(PreorderSync.State.FAILED);
        assertThat(queued.get()).as("the read was queued while the engine still ran").isNotNull();
        assertThat(queued.get()).as("failed with the engine, without waiting for stop()").isCompletedExceptionally();
        assertThatThrownBy(queued.get()::get).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReadsOwnExceptionFailsOnlyThatRead() throws Exception {
        Fixture f = new Fixture();
        f.supply.add(Fixture.po("L1", "RED", 5));
        PreorderSync sync = f.settled(new FaultInjectingStore("shop-a"));
        CompletableFuture<Integer> failing = sync.readBook(book -> { throw new IllegalArgumentException("bad read"); });
        CompletableFuture<Integer> fine = sync.readBook(book -> book.poolCount());
        sync.step();
        assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(fine.get()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
