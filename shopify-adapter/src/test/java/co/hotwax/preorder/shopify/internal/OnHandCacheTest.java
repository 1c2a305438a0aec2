package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.spi.DesiredState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnHandCacheTest {
    private static final String ITEM = "gid://shopify/InventoryItem/1";
    private static final String HERE = "gid://shopify/Location/1";
    private static final String THERE = "gid://shopify/Location/2";

    private static DesiredState state(long sellable, long openOrders) {
        return new DesiredState("SKU-1", null, sellable, openOrders, true, null, false);
    }

    @Test
    void aRememberedOnHandServesChangedStatesAtItsOwnLocationOnly() {
        OnHandCache cache = new OnHandCache();
        assertThat(cache.usableFor(ITEM, HERE, state(5, 0))).isEmpty();
        cache.remember(ITEM, HERE, 5, state(5, 0));

        assertThat(cache.usableFor(ITEM, HERE, state(7, 0))).contains(LevelQuantities.remembered(5));
        assertThat(cache.usableFor(ITEM, HERE, state(7, 0)).orElseThrow().fresh()).isFalse();
        assertThat(cache.usableFor(ITEM, THERE, state(7, 0))).isEmpty();
    }

    @Test
    void theStateItWasAppliedWithIsReadAgainSoAResyncSeesDrift() {
        OnHandCache cache = new OnHandCache();
        cache.remember(ITEM, HERE, 5, state(5, 0));
        assertThat(cache.usableFor(ITEM, HERE, state(5, 0))).isEmpty();
    }

    @Test
    void aForgottenItemIsReadAgain() {
        OnHandCache cache = new OnHandCache();
        cache.remember(ITEM, HERE, 5, state(5, 0));
        cache.forget(ITEM, HERE);
        assertThat(cache.usableFor(ITEM, HERE, state(7, 0))).isEmpty();
        assertThat(cache.size()).isZero();
    }
}
