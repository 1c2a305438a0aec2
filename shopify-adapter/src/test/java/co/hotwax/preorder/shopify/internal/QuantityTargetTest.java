package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.PublishMode;
import co.hotwax.preorder.spi.DesiredState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityTargetTest {

    private static DesiredState state(long sellable, long openOrders) {
        return new DesiredState("SKU-1", null, sellable, openOrders, sellable > 0, null, false);
    }

    @Test
    void fromARememberedOnHandTheTargetIsUnguardedAndExpectsTheRememberedValue() {
        // committed is unknown without a read: the target counts every open order the OMS knows.
        QuantityTarget t = QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(10, 3), LevelQuantities.remembered(8));
        assertThat(t.target()).isEqualTo(13);
        assertThat(t.changeFrom()).isEqualTo(8);
        assertThat(t.write()).isTrue();
        // The same state from a fresh read that shows only 1 unit committed adds back only that unit.
        assertThat(QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(10, 3), new LevelQuantities(true, 8, 7, 1)).target())
                .isEqualTo(11);
        assertThat(QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(5, 3), LevelQuantities.remembered(8)).write()).isFalse();
    }

    @Test
    void dedicatedKeepsInFlightOrdersSubtracted() {
        // OMS knows 3 open orders; Shopify has 5 committed: 2 in flight.
        QuantityTarget t = QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(10, 3), new LevelQuantities(true, 8, 3, 5));
        assertThat(t.name()).isEqualTo("on_hand");
        assertThat(t.target()).isEqualTo(13);
        assertThat(t.changeFrom()).isEqualTo(8);
        // After the write available = 13 - 5 = 8 = sellable - in flight.
        assertThat(new LevelQuantities(true, 8, 3, 5).after("on_hand", t.target()).available()).isEqualTo(8);
    }

    @Test
    void sharedNegativeTargetWritesZeroOnlyWhenThatSellsLess() {
        QuantityTarget positive = QuantityTarget.of(PublishMode.SHARED_LOCATION, state(1, 0), new LevelQuantities(true, 10, 4, 6));
        assertThat(positive.write()).isTrue();
        assertThat(positive.target()).isZero();

        QuantityTarget negative = QuantityTarget.of(PublishMode.SHARED_LOCATION, state(1, 0), new LevelQuantities(true, 4, -2, 6));
        assertThat(negative.write()).isFalse();
        assertThat(negative.note()).contains("in-flight");
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20261126L})
    void availableAfterTheWriteNeverExceedsSellableMinusInFlight(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 5_000; i++) {
            long sellable = random.nextInt(50);
            long open = random.nextInt(20);
            long committed = random.nextInt(30);
            long onHand = committed + random.nextInt(40) - 10;
            LevelQuantities level = new LevelQuantities(true, onHand, onHand - committed, committed);
            long inFlight = Math.max(0, committed - open);
            for (PublishMode mode : PublishMode.values()) {
                QuantityTarget t = QuantityTarget.of(mode, state(sellable, open), level);
                LevelQuantities after = t.write() ? level.after(t.name(), t.target()) : level;
                String context = "seed " + seed + " case " + i + " mode " + mode + " " + level + " sellable " + sellable + " open " + open;
                assertThat(after.available()).as(context).isLessThanOrEqualTo(Math.max(sellable - inFlight, Math.min(0, level.available())));
                if (sellable - inFlight >= 0) {
                    assertThat(after.available()).as(context).isEqualTo(sellable - inFlight);
                }
                if (t.write()) {
                    assertThat(t.target()).as(context + ": Shopify refuses negative set targets").isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5L, 77L, 20261201L})
    void unitsCommittedElsewhereCountAsInFlightSoTheOnlineSumNeverExceedsSellableMinusInFlight(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 5_000; i++) {
            long elsewhere = random.nextInt(10);
            long committed = random.nextInt(30);
            long onHand = Math.max(0, committed + random.nextInt(40) - 10);
            LevelQuantities level = new LevelQuantities(true, onHand, onHand - committed, committed);
            long sellable = random.nextInt(50);
            long open = random.nextInt(20);
            long inFlight = Math.max(0, committed + elsewhere - open);
            String context = "seed " + seed + " case " + i + " " + level + " elsewhere " + elsewhere + " sellable "
                    + sellable + " open " + open;
            QuantityTarget t = QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(sellable, open), level, elsewhere);
            LevelQuantities after = t.write() ? level.after(t.name(), t.target()) : level;
            // The other location may be put back to 0 at any time: the pre-order location alone must not sell more.
            assertThat(after.available()).as(context).isLessThanOrEqualTo(Math.max(0, sellable - inFlight));
            if (sellable - inFlight >= 0) {
                assertThat(after.available()).as(context).isEqualTo(sellable - inFlight);
            }
            assertThat(t.target()).as(context).isGreaterThanOrEqualTo(0);
            QuantityTarget shared = QuantityTarget.of(PublishMode.SHARED_LOCATION, state(sellable, open), level, elsewhere);
            LevelQuantities afterShared = shared.write() ? level.after(shared.name(), shared.target()) : level;
            assertThat(afterShared.available()).as(context).isLessThanOrEqualTo(Math.max(sellable - inFlight, Math.min(0, level.available())));
        }
        // No unit elsewhere: the same target as before.
        assertThat(QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(10, 3), new LevelQuantities(true, 8, 3, 5), 0))
                .isEqualTo(QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(10, 3), new LevelQuantities(true, 8, 3, 5)));
    }

    @ParameterizedTest
    @ValueSource(longs = {5L, 13L, 20261201L})
    void unitsAvailableAtAnotherOnlineLocationAreOfferedThereInsteadOfAtThePreOrderLocation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 5_000; i++) {
            long availableThere = random.nextInt(15);
            long committedThere = random.nextInt(5);
            long committed = random.nextInt(20);
            long onHand = Math.max(0, committed + random.nextInt(30) - 10);
            LevelQuantities level = new LevelQuantities(true, onHand, onHand - committed, committed);
            long sellable = random.nextInt(40);
            long open = random.nextInt(20);
            long inFlight = Math.max(0, committed + committedThere - open);
            String context = "seed " + seed + " case " + i + " " + level + " there committed " + committedThere
                    + " available " + availableThere + " sellable " + sellable + " open " + open;
            QuantityTarget t = QuantityTarget.of(PublishMode.DEDICATED_LOCATION, state(sellable, open), level,
                    committedThere, availableThere);
            LevelQuantities after = t.write() ? level.after(t.name(), t.target()) : level;
            // Checkout sums available over the online locations: the sum never exceeds what may still be sold,
            // unless the other location alone offers more (the pre-order location is then written 0).
            long offered = after.available() + availableThere;
            if (t.target() > 0) {
                assertThat(offered).as(context).isEqualTo(sellable - inFlight);
            } else {
                assertThat(after.available()).as(context).isLessThanOrEqualTo(0);
            }
        }
    }
}
