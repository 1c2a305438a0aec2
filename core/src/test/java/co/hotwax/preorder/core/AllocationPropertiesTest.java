package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two promises of the allocation rules, checked on random pools against books rebuilt from the inputs: a release
 * never moves another pre-order later (and moves nobody when the released pre-order held received units only), and
 * the next pre-order gets the product page's date and moves nobody. Replay one seed with {@code -Dpreorder.seed=N}.
 */
class AllocationPropertiesTest {
    private static final int SEEDS = 300;
    private static final LocalDate TODAY = LocalDate.ofInstant(Fixtures.NOW, ZoneOffset.UTC);

    static LongStream seeds() {
        String only = System.getProperty("preorder.seed");
        return only != null ? LongStream.of(Long.parseLong(only)) : LongStream.range(0, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aReleaseNeverMovesAnotherPreOrderLater(long seed) {
        Inputs in = Inputs.random(seed);
        PreorderBook before = in.book(in.orders);
        for (PreOrder released : in.orders.values()) {
            if (released.status() != PreOrderStatus.OPEN) {
                continue;
            }
            Map<String, PreOrder> orders = new LinkedHashMap<>(in.orders);
            orders.put(released.key(), released.withStatus(PreOrderStatus.RELEASED));
            PreorderBook after = in.book(orders);
            boolean heldReceivedOnly = in.heldReceivedUnitsOnly(before, released);
            String where = "seed " + seed + " (replay: -Dpreorder.seed=" + seed + "), releasing " + released.key();
            for (PreOrder other : in.orders.values()) {
                if (other == released) {
                    continue;
                }
                PreOrderState was = before.preOrder(other.orderId(), other.lineId()).orElseThrow();
                PreOrderState now = after.preOrder(other.orderId(), other.lineId()).orElseThrow();
                if (heldReceivedOnly) {
                    assertThat(now).as("%s, which held received units only: %s", where, other.key()).isEqualTo(was);
                }
                assertThat(now.covered()).as("%s: units covered of %s", where, other.key()).isEqualTo(was.covered());
                if (was.promiseDate() != null) {
                    assertThat(now.promiseDate()).as("%s: promise date of %s", where, other.key())
                            .isBeforeOrEqualTo(was.promiseDate());
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNextPreOrderGetsTheProductPageDateAndMovesNobody(long seed) {
        Inputs in = Inputs.random(seed);
        PreorderBook before = in.book(in.orders);
        for (PoolKey key : before.poolKeys()) {
            PoolState page = before.pool(key.sku(), key.facilityId()).orElseThrow();
            if (page.preorderable() == 0) {
                continue;
            }
            PreOrder next = new PreOrder("NEXT", "1", key.sku(), 1, Fixtures.NOW, "shop-a", PreOrderStatus.OPEN,
                    null, key.facilityId());
            Map<String, PreOrder> orders = new LinkedHashMap<>(in.orders);
            orders.put(next.key(), next);
            PreorderBook after = in.book(orders);
            String where = "seed " + seed + " (replay: -Dpreorder.seed=" + seed + "), next pre-order in " + key;
            assertThat(after.preOrder("NEXT", "1").orElseThrow().promiseDate()).as(where)
                    .isEqualTo(page.nextPromiseDate());
            assertThat(after.pool(key.sku(), key.facilityId()).orElseThrow().preorderable()).as(where)
                    .isBetween(page.preorderable() - 1, page.preorderable());
            for (PreOrder other : in.orders.values()) {
                assertThat(after.preOrder(other.orderId(), other.lineId())).as("%s: %s", where, other.key())
                        .isEqualTo(before.preOrder(other.orderId(), other.lineId()));
            }
        }
    }

    /** A random policy, lines and pre-orders over a few SKUs, so that pools mix received and on-order units. */
    private record Inputs(BookPolicy policy, Map<String, SupplyLine> lines, Map<String, PreOrder> orders) {
        static Inputs random(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            BookPolicy policy = RandomInputs.policy(rng);
            RandomInputs random = new RandomInputs(rng, TODAY, policy.perFacility());
            Map<String, SupplyLine> lines = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                SupplyLine line = random.line();
                lines.putIfAbsent(line.lineId(), line);
            }
            Map<String, PreOrder> orders = new LinkedHashMap<>();
            for (int i = 0; i < 16; i++) {
                PreOrder p = random.preOrder();
                if (!policy.perFacility() || p.facilityId() != null) {
                    orders.putIfAbsent(p.key(), p);
                }
            }
            return new Inputs(policy, lines, orders);
        }

        PreorderBook book(Map<String, PreOrder> withOrders) {
            PreorderBook book = PreorderBook.builder().policy(policy)
                    .clock(new VirtualClock(Fixtures.NOW)).build();
            BatchReport report = book.rebuild(List.copyOf(lines.values()), new ArrayList<>(withOrders.values()),
                    List.of());
            assertThat(report.rejected()).isEmpty();
            return book;
        }

        /** Whether every unit the pre-order holds is on a line with nothing on order, so all its units are received. */
        boolean heldReceivedUnitsOnly(PreorderBook book, PreOrder p) {
            List<Allocation> allocations = book.preOrder(p.orderId(), p.lineId()).orElseThrow().allocations();
            return !allocations.isEmpty()
                    && allocations.stream().allMatch(a -> lines.get(a.supplyLineId()).onOrder() == 0);
        }
    }
}
