package co.hotwax.preorder.hotwax;

import co.hotwax.preorder.hotwax.internal.StockQueries;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.StockSource;

import javax.sql.DataSource;

/**
 * Online ATP per SKU read from HotWax OMS's own tables, after the formula of HotWax's Moqui service
 * {@code get#ProductOnlineAtp} ({@code hotwax/oms} {@code service/co/hotwax/oms/product/InventoryServices.xml},
 * summarised in the domain notes a6):
 * {@code max(0, sum of InventoryItem.availableToPromiseTotal over the facilities of the online facility group
 * - sum of their ProductFacility.minimumStock)}, and 0 while pre-orders of the product are queued in the parking
 * facility when {@link HotWaxSettings#holdPreOrderPhysicalInventory()} ({@code HOLD_PRORD_PHYCL_INV}) is set.
 * One level per SKU, no facility (the online total). A product with no inventory item is absent: no stock.
 *
 * <p>Differences from the service, on purpose: units reserved in virtual queues when {@code reserveInventory} is
 * not {@code N} are not subtracted (the SDK counts queued pre-orders itself), and fractional ATP is rounded down.
 * Where an OMS computes online ATP some other way, implement {@link StockSource} over its own service instead:
 * this class is the default, not the only way.
 *
 * <p>Entities: {@code InventoryItem}, {@code ProductFacility}, {@code FacilityGroupMember} in
 * {@code hotwax/ofbiz-oms-udm} {@code entity/DatamodelProductEntitymodel.xml}; the parking queue as in
 * {@link HotWaxPreOrderSource}. Change feed by {@code lastUpdatedStamp} of all of them, as in
 * {@link HotWaxPurchaseOrderSource}; refused rows are reported ({@code errors()}) and never stop the feed.
 *
 * @since 0.1.0
 */
public final class HotWaxStockSource extends HotWaxFeed<StockLevel> implements StockSource {

    /**
     * A source over an OMS database.
     *
     * @param dataSource the OMS database (read only)
     * @param settings how to read it
     * @throws IllegalArgumentException when an argument is null
     */
    public HotWaxStockSource(DataSource dataSource, HotWaxSettings settings) {
        super(dataSource, settings, "HotWax online ATP", new StockQueries(require(dataSource, settings)));
    }
}
