package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.spi.SupplyLine;

import java.time.Duration;
import java.time.Instant;

/**
 * One thing that happens at one instant of a simulated run. The same list of events drives every approach being
 * compared (the engine, the 15-minute catalog job, the absolute push), so the demand each one faces is identical;
 * only what the store accepts differs.
 */
public sealed interface ScenarioEvent {

    /**
     * When the event happens, on the run's virtual timeline.
     *
     * @return the instant
     */
    Instant at();

    /**
     * A shopper tries to buy on Shopify. The store accepts or refuses; an accepted order reaches the OMS after
     * {@code importLag}.
     *
     * @param at when the shopper checks out
     * @param sku what they buy
     * @param quantity how many units
     * @param importLag how long the OMS takes to import the order once placed
     * @param store the index of the store the shopper buys in ({@link Scenario#stores()}), 0 in a one-store run
     */
    record ShopperAttempt(Instant at, String sku, int quantity, Duration importLag, int store)
            implements ScenarioEvent {
        /** Validates the attempt. */
        public ShopperAttempt {
            requireAt(at);
            if (quantity < 1 || importLag == null || importLag.isNegative() || store < 0) {
                throw new IllegalArgumentException("shopper attempt for " + sku + ": quantity " + quantity
                        + " must be >= 1, import lag " + importLag + " and store " + store + " not negative");
            }
        }

        /**
         * An attempt in the only store of a one-store run.
         *
         * @param at when the shopper checks out
         * @param sku what they buy
         * @param quantity how many units
         * @param importLag how long the OMS takes to import the order once placed
         */
        public ShopperAttempt(Instant at, String sku, int quantity, Duration importLag) {
            this(at, sku, quantity, importLag, 0);
        }
    }

    /**
     * A pre-order taken on another channel (a store's POS, a B2B portal): the OMS records it at once; Shopify
     * cannot see it, so it is a capacity drop Shopify learns of only through the sync.
     *
     * @param at when it is taken
     * @param orderId the OMS order id
     * @param sku the SKU
     * @param quantity units
     * @param channel the channel name, e.g. {@code "pos"} or {@code "b2b"}
     */
    record OtherChannelOrder(Instant at, String orderId, String sku, int quantity, String channel)
            implements ScenarioEvent {
        /** Validates the order. */
        public OtherChannelOrder {
            requireAt(at);
            if (quantity < 1) {
                throw new IllegalArgumentException("other-channel order " + orderId + ": quantity must be >= 1");
            }
        }
    }

    /**
     * A purchase-order line appears or changes in the OMS.
     *
     * @param at when the OMS records the change
     * @param line the line's full new state
     * @param kind what kind of change it is, for reports
     */
    record SupplyChange(Instant at, SupplyLine line, Kind kind) implements ScenarioEvent {
        /** The kinds of PO event the scenarios exercise. */
        public enum Kind {
            /** A new PO line. */
            NEW,
            /** More units ordered. */
            INCREASE,
            /** Fewer units ordered. */
            CUT,
            /** The line is cancelled. */
            CANCEL,
            /** The expected date moves. */
            ETA_CHANGE,
            /** Some units arrive. */
            RECEIPT,
            /** The line is closed with fewer units than ordered. */
            CLOSE_SHORT
        }

        /** Validates the change. */
        public SupplyChange {
            requireAt(at);
            if (line == null || kind == null) {
                throw new IllegalArgumentException("supply change at " + at + " needs a line and a kind");
            }
        }
    }

    /**
     * The OMS releases the pre-orders of a SKU that received units now cover, oldest first; a released Shopify
     * order's fulfilment moves from the pre-order location to the warehouse.
     *
     * @param at when the release job runs
     * @param sku the SKU
     */
    record Release(Instant at, String sku) implements ScenarioEvent {
        /** Validates the release. */
        public Release {
            requireAt(at);
        }
    }

    /**
     * The process running the sync engine dies (no graceful stop) and a new one starts over the same sources.
     *
     * @param at when it happens
     */
    record EngineCrash(Instant at) implements ScenarioEvent {
        /** Validates the crash. */
        public EngineCrash {
            requireAt(at);
        }
    }

    private static void requireAt(Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("a scenario event needs a time");
        }
    }
}
