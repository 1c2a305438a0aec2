package co.hotwax.preorder.examples.preflight;

import co.hotwax.preorder.examples.preflight.MisconfiguredStoreRun.Kind;
import co.hotwax.preorder.examples.preflight.MisconfiguredStoreRun.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seed set of misconfigured stores, each run twice on the same seed: with the publisher's preflight (the default)
 * and without it ({@code preflight(false)}). With preflight nothing is oversold; without it the stores whose setup
 * lets Shopify sell beyond the supply do oversell, and the table printed shows by how much. A deactivated or
 * offline pre-order location sells nothing either way (Shopify's checkout ignores it): there the preflight's value is
 * the reason and fix it reports at start, asserted too.
 *
 * <p>Multi-location setups (issue 13 item 7): a physical store that fulfils online orders, first in the routing
 * priority, stocking the pre-order SKU and carrying in-stock goods that mixed carts add ({@code ONLINE_STORE_FIRST}:
 * refused by the preflight, 0 oversold); and a POS-only store stocking the SKU that starts fulfilling online orders
 * after the SKU is listed ({@code TURNED_ONLINE_AFTER_LISTING}): publish watches the online flag of such locations,
 * so the switch is seen at the SKU's next publish and its units there are counted from then on (0 oversold; without
 * preflight the table shows what it oversells).
 */
class MisconfiguredStoresTest {
    private static final int SEEDS_PER_KIND = 4;

    @Test
    void preflightPreventsEveryOversellTheMisconfigurationCausesWhileWithoutItTheSameStoresOversell() throws Exception {
        List<Outcome[]> runs = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int n = 0; n < SEEDS_PER_KIND; n++) {
                long seed = 1_000L * (kind.ordinal() + 1) + n;
                runs.add(new Outcome[] {MisconfiguredStoreRun.run(seed, kind, true), MisconfiguredStoreRun.run(seed, kind, false)});
            }
        }
        Map<Kind, long[]> byKind = new EnumMap<>(Kind.class);
        StringBuilder table = new StringBuilder(String.format("%-28s %5s %12s %12s%n", "store", "seeds",
                "oversold on", "oversold off"));
        for (Outcome[] run : runs) {
            long[] totals = byKind.computeIfAbsent(run[0].kind(), k -> new long[3]);
            totals[0]++;
            totals[1] += run[0].oversold();
            totals[2] += run[1].oversold();
        }
        byKind.forEach((kind, t) -> table.append(String.format("%-28s %5d %12d %12d%n", kind, t[0], t[1], t[2])));
        System.out.println(table);

        for (Outcome[] run : runs) {
            Outcome on = run[0];
            Outcome off = run[1];
            assertThat(on.oversold()).as("preflight on: %s", on).isZero();
            switch (on.kind()) {
                case STOCKED_ELSEWHERE, MISSING_SCOPE, ONLINE_STORE_FIRST -> {
                    // Without preflight the pre-order location's units and the warehouse's are summed at checkout.
                    assertThat(off.oversold()).as("preflight off: %s", off).isPositive();
                    assertThat(on.sold()).as("only the other sync's units sold: %s", on).isLessThanOrEqualTo(3);
                    assertThat(on.rejections()).as("the SKU was refused with the reason: %s", on).isPositive();
                }
                case RESERVING_PLAN -> {
                    // Orders through the plan never lower available, so DENY never stops them.
                    assertThat(off.oversold()).as("preflight off: %s", off).isPositive();
                    assertThat(on.sold()).as("never listed, nothing sold: %s", on).isZero();
                }
                case TURNED_ONLINE_AFTER_LISTING -> {
                    // The preflight passed when the SKU was listed. Each publish reads the online flag of the
                    // locations where the SKU is stocked but that did not sell online then; the switch expires the
                    // pass, the SKU is checked again at once, and from then on its units there are counted (committed
                    // ones as in flight, available ones as sold by checkout there), so the pre-order location sells
                    // that much less. Without preflight nothing is known and the store's units are sold on top.
                    assertThat(off.oversold()).as("preflight off: %s", off).isPositive();
                    assertThat(on.sold()).as("never beyond the supply: %s", on).isLessThanOrEqualTo(on.supply());
                    assertThat(on.sold()).as("listed and selling, not refused: %s", on).isPositive();
                }
                case INACTIVE_LOCATION, OFFLINE_LOCATION -> {
                    assertThat(off.oversold()).as("checkout ignores the location: %s", off).isZero();
                    assertThat(on.setupProblems()).as("the start names the blocker: %s", on).isPositive();
                    assertThat(off.setupProblems()).as("without preflight nothing is said: %s", off).isZero();
                }
            }
            if (on.kind() == Kind.MISSING_SCOPE) {
                assertThat(on.setupProblems()).as("the start names the missing scope: %s", on).isPositive();
            }
        }
        assertThat(byKind.values().stream().mapToLong(t -> t[1]).sum()).isZero();
        assertThat(byKind.values().stream().mapToLong(t -> t[2]).sum()).isGreaterThanOrEqualTo(3L * SEEDS_PER_KIND);
    }
}
