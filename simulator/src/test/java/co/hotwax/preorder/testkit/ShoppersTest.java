package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shoppers: DENY refusal, CONTINUE and untracked acceptance, cancel, fulfil, move, and racing checkouts. */
class ShoppersTest {
    private final SimFixture f = new SimFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private int q(Variant v, Location l, String name) {
        return f.sim.quantity(v.inventoryItemId(), l.id(), name);
    }

    @Test
    void acceptedOrderMovesAvailableToCommitted() {
        OrderResult r = f.sim.orders().placeOrder("JKT-DENY", 4, f.warehouse.id());

        assertThat(r.accepted()).isTrue();
        assertThat(r.orderId()).startsWith("gid://shopify/Order/");
        assertThat(q(f.deny, f.warehouse, "available")).isEqualTo(6);
        assertThat(q(f.deny, f.warehouse, "committed")).isEqualTo(4);
        assertThat(q(f.deny, f.warehouse, "on_hand")).isEqualTo(10);
        SimulatedOrder o = f.sim.orders().all().get(0);
        assertThat(o.sku()).isEqualTo("JKT-DENY");
        assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void denyRefusesWhatAvailableCannotCover() {
        OrderResult r = f.sim.orders().placeOrder(f.deny.id(), 11, f.warehouse.id());

        assertThat(r.accepted()).isFalse();
        assertThat(r.reason()).contains("Only 10");
        assertThat(q(f.deny, f.warehouse, "available")).isEqualTo(10);
    }

    @Test
    void continueSellsIntoNegative() {
        assertThat(f.sim.orders().placeOrder(f.cont.id(), 15, f.warehouse.id()).accepted()).isTrue();

        assertThat(q(f.cont, f.warehouse, "available")).isEqualTo(-5);
    }

    @Test
    void untrackedDenyAlwaysSells() {
        Variant untracked = f.sim.addVariant(f.product.id(), "GIFT", false, InventoryPolicy.DENY);

        assertThat(f.sim.orders().placeOrder(untracked.id(), 100, f.warehouse.id()).accepted()).isTrue();
    }

    @Test
    void cancelWithRestockReturnsUnitsAndWithoutRemovesThem() {
        String a = f.sim.orders().placeOrder(f.deny.id(), 3, f.warehouse.id()).orderId();
        String b = f.sim.orders().placeOrder(f.deny.id(), 2, f.warehouse.id()).orderId();

        f.sim.orders().cancel(a, true);
        assertThat(q(f.deny, f.warehouse, "available")).isEqualTo(8);
        assertThat(q(f.deny, f.warehouse, "committed")).isEqualTo(2);

        f.sim.orders().cancel(b, false);
        assertThat(q(f.deny, f.warehouse, "available")).isEqualTo(8);
        assertThat(q(f.deny, f.warehouse, "committed")).isZero();
        assertThat(q(f.deny, f.warehouse, "on_hand")).isEqualTo(8);
        assertThatThrownBy(() -> f.sim.orders().cancel(a, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fulfilRemovesCommittedAndOnHand() {
        String id = f.sim.orders().placeOrder(f.deny.id(), 3, f.warehouse.id()).orderId();

        f.sim.orders().fulfil(id);

        assertThat(q(f.deny, f.warehouse, "committed")).isZero();
        assertThat(q(f.deny, f.warehouse, "on_hand")).isEqualTo(7);
        assertThat(f.sim.orders().all().get(0).status()).isEqualTo(OrderStatus.FULFILLED);
    }

    @Test
    void moveFulfilmentMovesTheReservationEvenIntoNegative() {
        f.sim.stock(f.deny.id(), f.store.id(), 1);
        String id = f.sim.orders().placeOrder(f.deny.id(), 3, f.warehouse.id()).orderId();

        f.sim.orders().moveFulfilment(id, f.store.id());

        assertThat(q(f.deny, f.warehouse, "available")).isEqualTo(10);
        assertThat(q(f.deny, f.warehouse, "committed")).isZero();
        assertThat(q(f.deny, f.store, "available")).isEqualTo(-2);
        assertThat(q(f.deny, f.store, "committed")).isEqualTo(3);
        assertThat(f.sim.orders().all().get(0).locationId()).isEqualTo(f.store.id());
    }

    @Test
    void unknownVariantIsACallerError() {
        assertThatThrownBy(() -> f.sim.orders().placeOrder("NOPE", 1, f.warehouse.id()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOPE");
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L})
    void racingShoppersNeverOversellADenyItem(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int stock = 5 + random.nextInt(20);
        f.sim.stock(f.deny.id(), f.warehouse.id(), stock);
        int shoppers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> bought = new ArrayList<>();
        for (int s = 0; s < shoppers; s++) {
            int wanted = 1 + random.nextInt(3);
            int attempts = 1 + random.nextInt(4);
            bought.add(pool.submit(() -> {
                start.await();
                int units = 0;
                for (int i = 0; i < attempts; i++) {
                    if (f.sim.orders().placeOrder(f.deny.id(), wanted, f.warehouse.id()).accepted()) {
                        units += wanted;
                    }
                }
                return units;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> b : bought) {
            total += b.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int available = q(f.deny, f.warehouse, "available");
        assertThat(available).as("seed %d: available never negative under DENY", seed).isGreaterThanOrEqualTo(0);
        assertThat(total + available).as("seed %d: sold + left = stock", seed).isEqualTo(stock);
        assertThat(q(f.deny, f.warehouse, "committed")).as("seed %d", seed).isEqualTo(total);
    }

    @Test
    void exactlyKShoppersGetTheLastKUnits() throws Exception {
        int k = 7;
        f.sim.stock(f.deny.id(), f.warehouse.id(), k);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return f.sim.orders().placeOrder(f.deny.id(), 1, f.warehouse.id()).accepted();
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> r : results) {
            accepted += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(k);
        assertThat(q(f.deny, f.warehouse, "available")).isZero();
    }
}
