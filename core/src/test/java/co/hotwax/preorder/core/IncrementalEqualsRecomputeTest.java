package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.testkit.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Incremental equals recompute (issue item 4): random command streams (with duplicates of earlier commands and
 * swaps of adjacent independent commands) are applied one by one; after EVERY step the book's whole observable state
 * must equal a fresh book rebuilt from the inputs accepted so far, and the events of the step must be exactly those
 * the before/after difference implies. Replay one seed with {@code -Dpreorder.seed=N}.
 */
class IncrementalEqualsRecomputeTest {
    private static final int SEEDS = 2_500;

    @Test
    void incrementalStateEqualsFullRecomputeAfterEveryStep() {
        String only = System.getProperty("preorder.seed");
        if (only != null) {
            runSeed(Long.parseLong(only));
            return;
        }
        for (long seed = 0; seed < SEEDS; seed++) {
            runSeed(seed);
        }
    }

    private void runSeed(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BookPolicy policy = RandomInputs.policy(rng);
        VirtualClock clock = new VirtualClock(Fixtures.NOW);
        RandomInputs inputs = new RandomInputs(rng, LocalDate.ofInstant(Fixtures.NOW, ZoneOffset.UTC),
                policy.perFacility());
        List<BookCommand> commands = commands(rng, inputs, 10 + rng.nextInt(31));
        List<BookCommand> swapped = swapIndependent(rng, commands);

        Run a = new Run(seed, "original", policy, clock);
        Run b = new Run(seed, "swapped", policy, clock);
        for (int step = 0; step < commands.size(); step++) {
            a.step(step, commands.get(step), rng.nextInt(8) == 0);
            b.step(step, swapped.get(step), false);
            if (rng.nextInt(12) == 0) {
                clock.advance(Duration.ofSeconds(86_400L * rng.nextInt(1, 20)));
                a.refresh(step);
                b.refresh(step);
            }
        }
        String where = "seed " + seed + " (replay: -Dpreorder.seed=" + seed + ")";
        assertThat(snapshot(b.book, b.orderKeys())).as("%s: swapping independent commands changed the result",
                where).isEqualTo(snapshot(a.book, a.orderKeys()));
        a.rebuildChangesNothing();
    }

    private static List<BookCommand> commands(SplittableRandom rng, RandomInputs inputs, int count) {
        List<BookCommand> out = new ArrayList<>(count);
        while (out.size() < count) {
            int k = rng.nextInt(100);
            if (k < 10 && !out.isEmpty()) {
                out.add(out.get(rng.nextInt(out.size()))); // a duplicate of an earlier command
            } else if (k < 40) {
                out.add(new BookCommand.UpsertSupplyLine(inputs.line()));
            } else if (k < 75) {
                out.add(new BookCommand.UpsertPreOrder(inputs.preOrder()));
            } else if (k < 83) {
                out.add(new BookCommand.CancelPreOrder(inputs.orderId(), inputs.orderLineId()));
            } else if (k < 91) {
                out.add(new BookCommand.ReleasePreOrder(inputs.orderId(), inputs.orderLineId()));
            } else {
                out.add(new BookCommand.SetStock(inputs.stock()));
            }
        }
        return out;
    }

    /** Swaps random adjacent pairs that touch different entities, so their order must not matter. */
    private static List<BookCommand> swapIndependent(SplittableRandom rng, List<BookCommand> commands) {
        List<BookCommand> out = new ArrayList<>(commands);
        for (int i = 0; i + 1 < out.size(); i++) {
            if (rng.nextInt(3) == 0 && !entity(out.get(i)).equals(entity(out.get(i + 1)))) {
                BookCommand t = out.get(i);
                out.set(i, out.get(i + 1));
                out.set(i + 1, t);
                i++;
            }
        }
        return out;
    }

    private static String entity(BookCommand c) {
        if (c instanceof BookCommand.UpsertSupplyLine u) {
            return "line " + u.line().lineId();
        } else if (c instanceof BookCommand.UpsertPreOrder u) {
            return "order " + u.preOrder().key();
        } else if (c instanceof BookCommand.CancelPreOrder u) {
            return "order " + u.orderId() + "/" + u.lineId();
        } else if (c instanceof BookCommand.ReleasePreOrder u) {
            return "order " + u.orderId() + "/" + u.lineId();
        } else if (c instanceof BookCommand.SetStock u) {
            return "stock " + u.level().sku() + "@" + u.level().facilityId();
        }
        throw new IllegalArgumentException(String.valueOf(c));
    }

    /** Every pool and every known pre-order, as the book reports them. */
    static Map<String, Object> snapshot(PreorderBook book, Iterable<String> orderKeys) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (PoolKey key : book.poolKeys()) {
            out.put("pool " + key, book.pool(key.sku(), key.facilityId()).orElseThrow());
        }
        for (String key : orderKeys) {
            String[] parts = key.split("/");
            out.put("order " + key, book.preOrder(parts[0], parts[1]).orElse(null));
        }
        out.put("poolCount", book.poolCount());
        return out;
    }

    /** One book fed incrementally, the inputs it accepted (the model), and the checks after each step. */
    private static final class Run {
        final long seed;
        final String name;
        final BookPolicy policy;
        final VirtualClock clock;
        final Fixtures.EventLog log = new Fixtures.EventLog();
        final PreorderBook book;
        final Map<String, SupplyLine> lines = new LinkedHashMap<>();
        final Map<String, PreOrder> orders = new LinkedHashMap<>();
        final Map<PoolKey, StockLevel> stock = new LinkedHashMap<>();

        Run(long seed, String name, BookPolicy policy, VirtualClock clock) {
            this.seed = seed;
            this.name = name;
            this.policy = policy;
            this.clock = clock;
            this.book = PreorderBook.builder().policy(policy).clock(clock).listener(log).build();
        }

        Iterable<String> orderKeys() {
            return orders.keySet();
        }

        String where(int step, BookCommand c) {
            return "seed " + seed + " " + name + " step " + step + " " + c + " (replay: -Dpreorder.seed=" + seed + ")";
        }

        /**
         * Applies one command, incrementally or (viaRebuild) as a rebuild from the model's inputs after it, which
         * must then emit the same difference as the incremental call would.
         */
        void step(int step, BookCommand c, boolean viaRebuild) {
            Map<String, Object> before = snapshot(book, orders.keySet());
            boolean expectAccepted = model(c);
            String where = where(step, c) + (viaRebuild ? " via rebuild" : "");
            if (viaRebuild) {
                BatchReport report = book.rebuild(List.copyOf(lines.values()), List.copyOf(orders.values()),
                        List.copyOf(stock.values()));
                assertThat(report.rejected()).as(where).isEmpty();
            } else {
                BatchReport report = book.apply(List.of(c));
                assertThat(report.applied() == 1).as("%s: accepted (rejections %s)", where, report.rejected())
                        .isEqualTo(expectAccepted);
                if (!expectAccepted) {
                    assertThat(report.rejected()).as(where).hasSize(1);
                    assertThat(report.rejected().get(0).reason()).as(where).isNotBlank();
                }
            }
            Map<String, Object> after = snapshot(book, orders.keySet());
            compareWithRecompute(where);
            EventOracle.check(where, before, after, log.drain());
        }

        void refresh(int step) {
            Map<String, Object> before = snapshot(book, orders.keySet());
            book.refreshDates();
            String where = where(step, null) + " after refreshDates to " + clock.instant();
            compareWithRecompute(where);
            EventOracle.check(where, before, snapshot(book, orders.keySet()), log.drain());
        }

        void compareWithRecompute(String where) {
            PreorderBook fresh = PreorderBook.builder().policy(policy).clock(clock).build();
            BatchReport r = fresh.rebuild(List.copyOf(lines.values()), List.copyOf(orders.values()),
                    List.copyOf(stock.values()));
            assertThat(r.rejected()).as("%s: recompute rejected model inputs", where).isEmpty();
            Map<String, Object> expected = snapshot(fresh, orders.keySet());
            Map<String, Object> actual = snapshot(book, orders.keySet());
            if (!expected.equals(actual)) {
                for (String k : expected.keySet()) {
                    if (!Objects.equals(expected.get(k), actual.get(k))) {
                        fail(where + ": incremental differs from recompute at " + k + "\n expected "
                                + expected.get(k) + "\n actual   " + actual.get(k));
                    }
                }
                fail(where + ": incremental has other keys: " + actual.keySet() + " vs " + expected.keySet());
            }
        }

        void rebuildChangesNothing() {
            Map<String, Object> before = snapshot(book, orders.keySet());
            BatchReport r = book.rebuild(List.copyOf(lines.values()), List.copyOf(orders.values()),
                    List.copyOf(stock.values()));
            String where = "seed " + seed + " rebuild with the same inputs (replay: -Dpreorder.seed=" + seed + ")";
            assertThat(r.rejected()).as(where).isEmpty();
            assertThat(log.drain()).as("%s emits nothing", where).isEmpty();
            assertThat(snapshot(book, orders.keySet())).as(where).isEqualTo(before);
        }

        /** Applies the command to the model the way the book documents it; returns whether it is valid. */
        boolean model(BookCommand c) {
            if (c instanceof BookCommand.UpsertSupplyLine u) {
                lines.put(u.line().lineId(), u.line());
                return true;
            } else if (c instanceof BookCommand.UpsertPreOrder u) {
                if (policy.perFacility() && u.preOrder().facilityId() == null) {
                    return false;
                }
                PreOrder known = orders.get(u.preOrder().key());
                if (known != null && !known.sku().equals(u.preOrder().sku())) {
                    return false;   // a pre-order's SKU cannot change
                }
                orders.put(u.preOrder().key(), u.preOrder());
                return true;
            } else if (c instanceof BookCommand.CancelPreOrder u) {
                PreOrder p = orders.get(u.orderId() + "/" + u.lineId());
                if (p == null) {
                    return false;
                }
                if (p.status() == PreOrderStatus.OPEN) {
                    orders.put(p.key(), p.withStatus(PreOrderStatus.CANCELLED));
                } else if (p.status() == PreOrderStatus.RELEASED) {
                    orders.put(p.key(), p.withStatus(PreOrderStatus.RETURNED));
                }
                return true;
            } else if (c instanceof BookCommand.ReleasePreOrder u) {
                PreOrder p = orders.get(u.orderId() + "/" + u.lineId());
                if (p == null || p.status() == PreOrderStatus.CANCELLED || p.status() == PreOrderStatus.RETURNED) {
                    return false;
                }
                orders.put(p.key(), p.withStatus(PreOrderStatus.RELEASED));
                return true;
            } else if (c instanceof BookCommand.SetStock u) {
                StockLevel level = u.level();
                if (policy.perFacility() == (level.facilityId() == null)) {
                    return false;
                }
                stock.put(new PoolKey(level.sku(), level.facilityId()), level);
                return true;
            }
            throw new IllegalArgumentException(String.valueOf(c));
        }
    }

    /** Derives the events a step must emit from the before/after snapshots, independently of the book's code. */
    static final class EventOracle {
        private EventOracle() {
        }

        static void check(String where, Map<String, Object> before, Map<String, Object> after,
                          List<BookEvent> actual) {
            List<BookEvent> expected = new ArrayList<>();
            Map<PoolKey, PoolState> poolsBefore = pools(before);
            Map<PoolKey, PoolState> poolsAfter = pools(after);
            java.util.Set<PoolKey> keys = new java.util.TreeSet<>(poolsBefore.keySet());
            keys.addAll(poolsAfter.keySet());
            java.util.Set<PoolKey> mustChange = new java.util.HashSet<>();
            for (PoolKey key : keys) {
                PoolState b = poolsBefore.get(key);
                PoolState a = poolsAfter.get(key);
                long pb = b == null ? 0 : b.preorderable();
                long pa = a == null ? 0 : a.preorderable();
                if (pb != pa) {
                    expected.add(new BookEvent.PreorderableChanged(key.sku(), key.facilityId(), pb, pa));
                }
                boolean lb = b != null && b.listed();
                boolean la = a != null && a.listed();
                if (!lb && la) {
                    expected.add(new BookEvent.Listed(key.sku(), key.facilityId(), pa, a.nextPromiseDate(),
                            a.etaStale()));
                } else if (lb && !la) {
                    expected.add(new BookEvent.Delisted(key.sku(), key.facilityId(),
                            a == null ? PoolState.REASON_NO_UNITS : a.delistReason()));
                }
                LocalDate db = b == null ? null : b.nextPromiseDate();
                LocalDate da = a == null ? null : a.nextPromiseDate();
                if (!Objects.equals(db, da)) {
                    expected.add(new BookEvent.NextPromiseDateChanged(key.sku(), key.facilityId(), db, da));
                }
                if (!Objects.equals(b, a)) {
                    mustChange.add(key);
                }
            }
            for (Map.Entry<String, Object> e : after.entrySet()) {
                if (!e.getKey().startsWith("order ") || e.getValue() == null) {
                    continue;
                }
                PreOrderState a = (PreOrderState) e.getValue();
                PreOrderState b = (PreOrderState) before.get(e.getKey());
                if (!a.equals(b)) {
                    mustChange.add(new PoolKey(a.sku(), a.facilityId()));
                }
                int cb = category(b);
                int ca = category(a);
                if (ca == UNCOVERED && cb != UNCOVERED) {
                    expected.add(new BookEvent.PreOrderUncovered(a.orderId(), a.lineId(), a.sku(), a.facilityId(),
                            a.quantity() - a.covered()));
                } else if (ca == COVERED && cb == UNCOVERED) {
                    expected.add(new BookEvent.PreOrderCovered(a.orderId(), a.lineId(), a.sku(), a.facilityId(),
                            a.promiseDate()));
                } else if (ca == COVERED && cb == COVERED && !a.promiseDate().equals(b.promiseDate())) {
                    expected.add(new BookEvent.PromiseDateChanged(a.orderId(), a.lineId(), a.sku(),
                            a.facilityId(), b.promiseDate(), a.promiseDate()));
                }
            }
            List<BookEvent> actualOutcome = new ArrayList<>();
            Map<PoolKey, Integer> poolChanged = new HashMap<>();
            for (BookEvent ev : actual) {
                if (ev instanceof BookEvent.PoolChanged) {
                    poolChanged.merge(ev.pool(), 1, Integer::sum);
                } else {
                    actualOutcome.add(ev);
                }
            }
            assertThat(actualOutcome).as("%s: outcome events", where).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(poolChanged.keySet()).as("%s: PoolChanged for every changed pool", where)
                    .containsAll(mustChange);
            assertThat(poolChanged.values()).as("%s: PoolChanged at most once per pool", where)
                    .allMatch(n -> n == 1);
        }

        private static final int ABSENT = 0;
        private static final int INACTIVE = 1;
        private static final int UNCOVERED = 2;
        private static final int COVERED = 3;

        private static int category(PreOrderState s) {
            if (s == null) {
                return ABSENT;
            }
            if (!s.status().holdsSupply()) {
                return INACTIVE;
            }
            return s.uncovered() ? UNCOVERED : COVERED;
        }

        private static Map<PoolKey, PoolState> pools(Map<String, Object> snapshot) {
            Map<PoolKey, PoolState> out = new HashMap<>();
            for (Object v : snapshot.values()) {
                if (v instanceof PoolState p) {
                    out.put(p.key(), p);
                }
            }
            return out;
        }
    }
}
