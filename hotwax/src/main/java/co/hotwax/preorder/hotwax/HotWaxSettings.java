package co.hotwax.preorder.hotwax;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How the HotWax sources read an OMS instance. Immutable; build with {@link #builder()}. Every setting has the
 * default of a stock HotWax instance, so {@code HotWaxSettings.builder().build()} is a working start.
 *
 * @param skuMapping which OMS value is the Shopify SKU
 * @param overlapWindow how far below its high-water mark a change feed re-reads: above the longest OMS write
 *                      transaction (see {@link HotWaxPurchaseOrderSource})
 * @param etaZone the zone of {@code OrderItem.estimatedDeliveryDate}'s timestamp, to take its calendar date
 * @param parkingFacilityId the pre-order queue facility ({@code PRE_ORDER_PARKING})
 * @param channel which order header field names the channel of a pre-order
 * @param channelNames OMS channel value to the SDK's channel name (e.g. product store id to shop domain); a value
 *                     not listed is used as it is
 * @param includeBackorderLines whether PO lines with {@code isNewProduct = 'N'} (backorder) are supply too
 * @param onlineFacilityGroupId the facility group whose inventory is online ATP, or null for every facility
 * @param holdPreOrderPhysicalInventory HotWax's {@code HOLD_PRORD_PHYCL_INV}: online ATP is 0 while the SKU has
 *                                      pre-orders queued in parking
 * @param errorListener told of every row a source refuses, e.g. to log it
 * @since 0.1.0
 */
public record HotWaxSettings(SkuMapping skuMapping, Duration overlapWindow, ZoneId etaZone, String parkingFacilityId,
                             Channel channel, Map<String, String> channelNames, boolean includeBackorderLines,
                             String onlineFacilityGroupId, boolean holdPreOrderPhysicalInventory,
                             Consumer<HotWaxRowError> errorListener) {

    /** The longest overlap window: a checkpoint stores stamps as milliseconds below its mark in an int. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(1);

    /** The order header field that names a pre-order's channel. */
    public enum Channel {
        /** {@code OrderHeader.productStoreId}: one HotWax product store per Shopify shop. */
        PRODUCT_STORE,
        /** {@code OrderHeader.salesChannelEnumId}, e.g. {@code WEB_SALES_CHANNEL}, {@code POS_SALES_CHANNEL}. */
        SALES_CHANNEL
    }

    /**
     * Validates the settings.
     *
     * @param skuMapping which OMS value is the Shopify SKU
     * @param overlapWindow how far below its high-water mark a change feed re-reads: above the longest OMS write
     *     transaction (see {@link HotWaxPurchaseOrderSource})
     * @param etaZone the zone of {@code OrderItem.estimatedDeliveryDate}'s timestamp, to take its calendar date
     * @param parkingFacilityId the pre-order queue facility ({@code PRE_ORDER_PARKING})
     * @param channel which order header field names the channel of a pre-order
     * @param channelNames OMS channel value to the SDK's channel name (e.g. product store id to shop domain); a value
     *     not listed is used as it is
     * @param includeBackorderLines whether PO lines with {@code isNewProduct = 'N'} (backorder) are supply too
     * @param onlineFacilityGroupId the facility group whose inventory is online ATP, or null for every facility
     * @param holdPreOrderPhysicalInventory HotWax's {@code HOLD_PRORD_PHYCL_INV}: online ATP is 0 while the SKU has
     *     pre-orders queued in parking
     * @param errorListener told of every row a source refuses, e.g. to log it
     * @throws IllegalArgumentException naming the setting when one is missing or out of range
     */
    public HotWaxSettings {
        if (skuMapping == null) {
            throw new IllegalArgumentException("skuMapping must not be null");
        }
        if (overlapWindow == null || overlapWindow.isNegative() || overlapWindow.isZero()
                || overlapWindow.compareTo(MAX_OVERLAP) > 0) {
            throw new IllegalArgumentException("overlapWindow must be above 0 and at most " + MAX_OVERLAP
                    + ", was " + overlapWindow);
        }
        if (etaZone == null) {
            throw new IllegalArgumentException("etaZone must not be null");
        }
        OmsIds.require("parkingFacilityId", parkingFacilityId);
        if (channel == null) {
            throw new IllegalArgumentException("channel must not be null");
        }
        if (channelNames == null) {
            throw new IllegalArgumentException("channelNames must not be null");
        }
        channelNames = Map.copyOf(channelNames);
        if (onlineFacilityGroupId != null) {
            OmsIds.require("onlineFacilityGroupId", onlineFacilityGroupId);
        }
        if (errorListener == null) {
            throw new IllegalArgumentException("errorListener must not be null");
        }
    }

    /**
     * A builder with the defaults of a stock HotWax instance.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HotWaxSettings}; {@link #build()} validates and leaves the builder as it was. */
    public static final class Builder {
        private SkuMapping skuMapping = SkuMapping.productId();
        private Duration overlapWindow = Duration.ofMinutes(5);
        private ZoneId etaZone = ZoneOffset.UTC;
        private String parkingFacilityId = "PRE_ORDER_PARKING";
        private Channel channel = Channel.PRODUCT_STORE;
        private Map<String, String> channelNames = Map.of();
        private boolean includeBackorderLines = true;
        private String onlineFacilityGroupId;
        private boolean holdPreOrderPhysicalInventory = true;
        private Consumer<HotWaxRowError> errorListener = error -> { };

        private Builder() {
        }

        /**
         * Which OMS value is the Shopify SKU; default {@link SkuMapping#productId()}.
         *
         * @param value the mapping
         * @return this builder
         */
        public Builder skuMapping(SkuMapping value) {
            this.skuMapping = value;
            return this;
        }

        /**
         * How far below the high-water mark each change read goes back; default 5 minutes.
         *
         * @param value the window, above 0 and at most {@link HotWaxSettings#MAX_OVERLAP}
         * @return this builder
         */
        public Builder overlapWindow(Duration value) {
            this.overlapWindow = value;
            return this;
        }

        /**
         * The zone of {@code estimatedDeliveryDate}; default UTC.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder etaZone(ZoneId value) {
            this.etaZone = value;
            return this;
        }

        /**
         * The pre-order parking facility; default {@code PRE_ORDER_PARKING}.
         *
         * @param value the facility id
         * @return this builder
         */
        public Builder parkingFacilityId(String value) {
            this.parkingFacilityId = value;
            return this;
        }

        /**
         * Which header field names a pre-order's channel; default {@link Channel#PRODUCT_STORE}.
         *
         * @param value the field
         * @return this builder
         */
        public Builder channel(Channel value) {
            this.channel = value;
            return this;
        }

        /**
         * Renames OMS channel values, e.g. {@code Map.of("STORE", "shop.myshopify.com")}; default none.
         *
         * @param value OMS value to SDK channel name
         * @return this builder
         */
        public Builder channelNames(Map<String, String> value) {
            this.channelNames = value;
            return this;
        }

        /**
         * Whether backorder PO lines ({@code isNewProduct = 'N'}) are supply; default true. When false they are
         * read as cancelled: nothing of them is on order for pre-orders.
         *
         * @param value true to include them
         * @return this builder
         */
        public Builder includeBackorderLines(boolean value) {
            this.includeBackorderLines = value;
            return this;
        }

        /**
         * The facility group whose inventory is online ATP; default null, every facility.
         *
         * @param value the facility group id, or null
         * @return this builder
         */
        public Builder onlineFacilityGroupId(String value) {
            this.onlineFacilityGroupId = value;
            return this;
        }

        /**
         * HotWax's {@code HOLD_PRORD_PHYCL_INV}; default true, as in HotWax.
         *
         * @param value whether queued pre-orders hold physical inventory at 0 online
         * @return this builder
         */
        public Builder holdPreOrderPhysicalInventory(boolean value) {
            this.holdPreOrderPhysicalInventory = value;
            return this;
        }

        /**
         * Told of every refused row; default ignores them (each source's {@code errors()} lists them too).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder errorListener(Consumer<HotWaxRowError> value) {
            this.errorListener = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the setting when one is invalid
         */
        public HotWaxSettings build() {
            return new HotWaxSettings(skuMapping, overlapWindow, etaZone, parkingFacilityId, channel, channelNames,
                    includeBackorderLines, onlineFacilityGroupId, holdPreOrderPhysicalInventory, errorListener);
        }
    }
}
