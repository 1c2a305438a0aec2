package co.hotwax.preorder.examples.simulation;

import co.hotwax.preorder.spi.SupplyLine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
     * A shopper tries to buy on Shopify, online: the cart holds the pre-order SKU and, in a mixed cart, one unit of
     * each of some in-stock SKUs. Shopify checks and routes the whole cart (the simulator's {@code checkout}); an
     * accepted order reaches the OMS after {@code importLag}.
     *
     * @param at when the shopper checks out
     * @param sku the pre-order SKU they buy
     * @param quantity how many units of it
     * @param importLag how long the OMS takes to import the order once placed
     * @param store the index of the store the shopper buys in ({@link Scenario#stores()}), 0 in a one-store run
     * @param inStock in-stock SKUs in the same cart, one unit each (empty: a pre-order-only cart)
     */
    record ShopperAttempt(Instant at, String sku, int quantity, Duration importLag, int store, List<String> inStock)
            implements ScenarioEvent {
        /** Validates the attempt and copies the cart's other lines. */
        public ShopperAttempt {
            requireAt(at);
            if (quantity < 1 || importLag == null || importLag.isNegative() || store < 0 || inStock == null) {
                throw new IllegalArgumentException("shopper attempt for " + sku + ": quantity " + quantity
                        + " must be >= 1, import lag " + importLag + " and store " + store + " not negative");
            }
            inStock = List.copyOf(inStock);
        }

        /**
         * A pre-order-only cart in one store of the run.
         *
         * @param at when the shopper checks out
         * @param sku what they buy
         * @param quantity how many units
         * @param importLag how long the OMS takes to import the order once placed
         * @param store the index of the store
         */
        public ShopperAttempt(Instant at, String sku, int quantity, Duration importLag, int store) {
            this(at, sku, quantity, importLag, store, List.of());
        }

        /**
         * A pre-order-only cart in the only store of a one-store run.
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
     * A sale at a physical location's Shopify POS: Shopify checks each line against that location's available
     * ("Shopify POS orders use available inventory from the location where the sale is made",
     * help.shopify.com/en/manual/locations/setting-up-your-locations). The cart holds in-stock SKUs and sometimes a
     * pre-order SKU, which the location does not stock, so Shopify must refuse it.
     *
     * @param at when the sale is rung up
     * @param store the index of the store
     * @param location the physical location's name ({@link StoreLayout.PhysicalLocation#name()})
     * @param skus one unit of each
     */
    record PosSale(Instant at, int store, String location, List<String> skus) implements ScenarioEvent {
        /** Validates the sale and copies the cart. */
        public PosSale {
            requireAt(at);
            if (store < 0 || location == null || skus == null || skus.isEmpty()) {
                throw new IllegalArgumentException("POS sale at " + location + " in store " + store
                        + " needs a location and at least one SKU, got " + skus);
            }
            skus = List.copyOf(skus);
        }
    }

    /**
     * The merchant changes a physical location's settings mid-run: its "Fulfill online orders from this location"
     * flag, or the fulfilment priority list.
     *
     * @param at when
     * @param store the index of the store
     * @param location the physical location whose online flag changes, or null for a priority change only
     * @param fulfilsOnlineOrders the new flag (ignored when {@code location} is null)
     * @param priority the new priority list ({@link StoreLayout#priority()}), or empty to keep it
     */
    record LocationChange(Instant at, int store, String location, boolean fulfilsOnlineOrders, List<String> priority)
            implements ScenarioEvent {
        /** Validates the change and copies the list. */
        public LocationChange {
            requireAt(at);
            if (store < 0 || priority == null || location == null && priority.isEmpty()) {
                throw new IllegalArgumentException("location change in store " + store
                        + " must change a flag or the priority list");
            }
            priority = List.copyOf(priority);
        }
    }

    /**
     * The app's access scope is revoked, or granted again, in one store (a merchant editing the app's scopes).
     *
     * @param at when
     * @param store the index of the store
     * @param scope the access scope, e.g. {@code write_inventory}
     * @param granted false to revoke, true to grant again
     */
    record ScopeChange(Instant at, int store, String scope, boolean granted) implements ScenarioEvent {
        /** Validates the change. */
        public ScopeChange {
            requireAt(at);
            if (store < 0 || scope == null || scope.isBlank()) {
                throw new IllegalArgumentException("scope change in store " + store + " needs a scope");
            }
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
