package co.hotwax.preorder.testkit.tck;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.PublishOutcome.Status;
import co.hotwax.preorder.spi.SetupCheck;
import co.hotwax.preorder.spi.SpiVersion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link InventoryPublisher}, checked against the channel through a {@link ChannelProbe}. Only the
 * default location (facility {@code null}) is used, and the channel is expected to be healthy (no injected
 * faults), so every valid state must come back {@link Status#APPLIED}.
 *
 * <p>JUnit creates a new test instance per test method; {@link #publisher()} and {@link #probe()} must return the
 * same objects within one test, over a channel where the test's SKUs ({@code TCK-<test>-<n>}) do not exist until
 * {@link ChannelProbe#prepareSku} creates them.
 *
 * @since 0.1.0
 */
public abstract class InventoryPublisherContract {
    private static final LocalDate PROMISE = LocalDate.of(2027, 2, 1);

    /** For subclasses. */
    protected InventoryPublisherContract() {
    }

    /**
     * The publisher under test, the same object within one test.
     *
     * @return the publisher
     */
    protected abstract InventoryPublisher publisher();

    /**
     * A view of the publisher's channel, the same object within one test.
     *
     * @return the probe
     */
    protected abstract ChannelProbe probe();

    private static DesiredState listed(String sku, long sellable, long openOrders) {
        return new DesiredState(sku, null, sellable, openOrders, true, PROMISE, false);
    }

    private static DesiredState delisted(String sku) {
        return new DesiredState(sku, null, 0, 0, false, null, false);
    }

    private String prepared(String sku) {
        probe().prepareSku(sku);
        return sku;
    }

    /** One outcome per state, in input order, each APPLIED with a write for a new quantity. */
    @Test
    protected void oneOutcomePerStateInOrder() {
        List<DesiredState> states = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            // Deliberately not in SKU order: the outcomes must follow the input, not a sorted key.
            states.add(listed(prepared("TCK-ORDER-" + (4 - n)), 3 + n, 0));
        }

        List<PublishOutcome> outcomes = publisher().publish(states);

        assertEquals(states.stream().map(DesiredState::key).toList(),
                outcomes.stream().map(PublishOutcome::key).toList(), "outcome keys in input order");
        for (PublishOutcome o : outcomes) {
            assertEquals(Status.APPLIED, o.status(), () -> "status of " + o.sku() + " (" + o.reason() + ")");
            assertTrue(o.wrote(), () -> "wrote " + o.sku());
        }
    }

    /** Publishing the same state twice writes nothing the second time. */
    @Test
    protected void theSameStateTwiceWritesNothingTheSecondTime() {
        DesiredState state = listed(prepared("TCK-TWICE-1"), 8, 2);

        PublishOutcome first = publisher().publish(List.of(state)).get(0);
        PublishOutcome second = publisher().publish(List.of(state)).get(0);

        assertEquals(Status.APPLIED, first.status(), first.reason());
        assertTrue(first.wrote(), "first publish of a new state wrote");
        assertEquals(Status.APPLIED, second.status(), second.reason());
        assertFalse(second.wrote(), "second publish of the same state wrote");
    }

    /** An unknown SKU is rejected with a reason naming it; the rest of the batch is applied. */
    @Test
    protected void anUnknownSkuIsRejectedWhileTheOthersAreApplied() {
        String unknown = "TCK-UNKNOWN-404";
        List<DesiredState> states = List.of(listed(prepared("TCK-MIXED-1"), 4, 0), listed(unknown, 5, 0),
                listed(prepared("TCK-MIXED-2"), 6, 0));

        List<PublishOutcome> outcomes = publisher().publish(states);

        assertEquals(3, outcomes.size(), "outcomes of 3 states");
        assertEquals(Status.REJECTED, outcomes.get(1).status(), "status of the unknown SKU");
        String reason = outcomes.get(1).reason();
        assertTrue(reason != null && reason.contains(unknown), () -> "reason names " + unknown + ": " + reason);
        assertEquals(Status.APPLIED, outcomes.get(0).status(), outcomes.get(0).reason());
        assertEquals(Status.APPLIED, outcomes.get(2).status(), outcomes.get(2).reason());
        assertEquals(4, probe().sellable("TCK-MIXED-1", null), "sellable TCK-MIXED-1");
        assertEquals(6, probe().sellable("TCK-MIXED-2", null), "sellable TCK-MIXED-2");
    }

    /** After a publish the channel sells exactly the desired quantity, and the SKU is listed. */
    @Test
    protected void theChannelSellsWhatWasPublished() {
        String sku = prepared("TCK-SELLABLE-1");

        publisher().publish(List.of(listed(sku, 12, 0)));
        assertEquals(12, probe().sellable(sku, null), "sellable after publishing 12");
        assertTrue(probe().listed(sku), "listed after publishing");

        publisher().publish(List.of(listed(sku, 5, 0)));
        assertEquals(5, probe().sellable(sku, null), "sellable after publishing 5");
    }

    /** Units sold by the channel but not yet seen by the OMS are never sold again. */
    @Test
    protected void inFlightOrdersAreNeverResold() {
        String sku = prepared("TCK-INFLIGHT-1");
        publisher().publish(List.of(listed(sku, 10, 0)));
        assertEquals(10, probe().sellable(sku, null), "sellable after publishing 10");

        probe().sellThroughChannel(sku, 3);
        // The OMS has not imported the order: it still computes 10 sellable and no open orders.
        PublishOutcome stale = publisher().publish(List.of(listed(sku, 10, 0))).get(0);
        assertEquals(Status.APPLIED, stale.status(), stale.reason());
        assertEquals(7, probe().sellable(sku, null),
                "sellable after republishing a state that missed 3 in-flight units");

        // The OMS imported the order: 7 sellable, 3 open.
        PublishOutcome imported = publisher().publish(List.of(listed(sku, 7, 3))).get(0);
        assertEquals(Status.APPLIED, imported.status(), imported.reason());
        assertEquals(7, probe().sellable(sku, null), "sellable once the OMS knows of the order");
    }

    /** Delisting leaves nothing to sell and removes the listing. */
    @Test
    protected void delistingZeroesAndUnlists() {
        String sku = prepared("TCK-DELIST-1");
        publisher().publish(List.of(listed(sku, 9, 0)));

        PublishOutcome outcome = publisher().publish(List.of(delisted(sku))).get(0);

        assertEquals(Status.APPLIED, outcome.status(), outcome.reason());
        assertTrue(outcome.wrote(), "delisting wrote");
        assertEquals(0, probe().sellable(sku, null), "sellable after delisting");
        assertFalse(probe().listed(sku), "listed after delisting");
    }

    /**
     * The channel under test is healthy, so its setup check (run by the engine at start) answers, read-only, with
     * no blocking problem; asking twice gives the same answer.
     */
    @Test
    protected void aHealthyChannelReportsNoSetupBlocker() {
        SetupCheck first = publisher().checkSetup();
        assertNotNull(first, "checkSetup() returned null; return SetupCheck.NOTHING_TO_REPORT instead");
        assertFalse(first.blocked(), () -> "a healthy channel reported blockers: " + first.blockers());
        SetupCheck second = publisher().checkSetup();
        assertNotNull(second, "checkSetup() returned null the second time");
        assertEquals(first.blocked(), second.blocked(), "checkSetup() answered differently when asked again");
    }

    /** The publisher was built against the current SPI. */
    @Test
    protected void declaresTheCurrentSpiVersion() {
        assertEquals(SpiVersion.CURRENT, publisher().spiVersion(), "spiVersion");
        String channel = publisher().channelId();
        assertTrue(channel != null && !channel.isBlank(), () -> "channelId is blank: '" + channel + "'");
    }
}
