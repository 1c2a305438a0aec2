package co.hotwax.preorder.shopify.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Units of a pre-order SKU committed at a location other than the pre-order location: orders Shopify routed to
 * another location where the SKU is stocked (routing may pick any such location, "if an item is oversold, then
 * assign the order to the priority location where the item is stocked"), or that a merchant assigned there. The
 * in-flight count at the pre-order location misses them, so they are read and counted as in flight
 * ({@link QuantityTarget}), and each SKU and location with such units is logged at WARN once (again after it went
 * back to none).
 *
 * <p>Which SKUs are stocked elsewhere comes from the preflight's own per-SKU read (before a SKU is first listed and
 * at every re-check), so a SKU stocked only at the pre-order location, the setup preflight asks for, costs nothing
 * extra. A SKU stocked at {@code k} other locations costs, on each publish of it, {@code k} level reads of 3
 * requested points per item (250 items per request, {@link LevelReader}) and is always read at the pre-order
 * location too (3 points per item) instead of being written from the remembered on_hand. A SKU that gets stocked
 * elsewhere after its last check is found at its next re-check ({@code ShopifyPublisherConfig.preflightRecheck()}); with preflight off
 * nothing is known and nothing is read. Dedicated pre-order location only: at a shared location the SKU's units
 * elsewhere are ordinary stock. These reads are never answered by the catalog's bulk export (unlike the
 * preflight's): units committed elsewhere after the export are in flight, and a count that missed them would offer
 * them again at the pre-order location. Units committed at a location that does not sell online (a store's pick-up orders)
 * are counted too: the pre-order location then sells less, never more.
 *
 * <p>Which locations count: by default only the other locations that are active and fulfil online orders, the
 * ones routing can commit an online order at. In a store set up as the preflight asks none of them stocks a listed
 * pre-order SKU (the SKU would not be listed), so this costs nothing; it catches a SKU stocked at such a location
 * after it was listed, found at its next re-check. Locations that do not sell online are where released pre-orders
 * go to be fulfilled ({@code preOrderReleased}, then the fulfilment moves there): their units are committed there
 * too, the OMS no longer counts them as open, and the adapter cannot tell them from routed orders (a desired state
 * carries no count of released units), so counting them would stop the SKU from selling. With
 * {@code allowUnsafeListing}, the setup in which Shopify is known to take pre-orders at other locations, every other
 * location counts.
 *
 * <p>Units <em>available</em> at the other locations that are active and fulfil online orders are read in the same
 * request and recorded too ({@link BatchItem#availableElsewhere}): Shopify makes such a location's inventory
 * "available for online purchases", and checkout sums their available with the pre-order location's, so Shopify would
 * sell them as pre-orders; the pre-order location offers that much less ({@link QuantityTarget}). They are not
 * double counted: the OMS counts neither them (not pre-orders, not on order) nor, at a location that sells online,
 * anything that moves them (its released pre-orders are committed units, counted above only at locations that sell
 * online, never available ones). The available units of locations that do not sell online never count, even with
 * {@code allowUnsafeListing}: checkout does not sell them (the OMS's warehouse, a POS-only store). Such a location
 * switched to fulfil online orders after the SKU was checked is seen by {@link PreflightGate}, which has the SKU
 * checked again at its next publish, so it is learned here from then on.
 *
 * @see <a href="https://help.shopify.com/en/manual/locations/managing-orders">Shopify: managing orders with locations</a>
 * @see <a href="https://help.shopify.com/en/manual/fulfillment/setup/order-routing">Shopify: order routing</a>
 * @see <a href="https://help.shopify.com/en/manual/locations/setting-up-your-locations">Shopify: setting up your
 *      locations ("If you want the inventory at this location to be available for online purchases, then check Fulfill
 *      online orders from this location")</a>
 */
public final class CommittedElsewhere {
    private static final Logger LOG = LoggerFactory.getLogger(CommittedElsewhere.class);
    /** Warned SKU-location pairs kept at most; beyond it a pair may be warned about again. */
    private static final int MAX_WARNED = 10_000;

    private final LevelReader reader;
    private final String shop;
    private final boolean enabled;
    private final boolean everyLocation;
    private final Map<String, Set<String>> stockedElsewhere = new HashMap<>();
    private final Map<String, Set<String>> sellingOnline = new HashMap<>();
    private final Set<String> warned = new HashSet<>();

    /**
     * Creates the tracker.
     *
     * @param reader reads levels at a location
     * @param shop the shop domain, for log lines
     * @param enabled whether units elsewhere are counted at all (the preflight runs); when false nothing is
     *                learned, so nothing is read
     * @param everyLocation whether every other location counts ({@code allowUnsafeListing}) or only those that
     *                      are active and fulfil online orders
     */
    public CommittedElsewhere(LevelReader reader, String shop, boolean enabled, boolean everyLocation) {
        this.reader = reader;
        this.shop = shop;
        this.enabled = enabled;
        this.everyLocation = everyLocation;
    }

    /**
     * Takes what a preflight read: per SKU, the other locations it is stocked at (empty: only the pre-order ones).
     *
     * @param checked a preflight's result
     */
    public void learn(StorePreflight.Checked checked) {
        if (!enabled) {
            return;
        }
        (everyLocation ? checked.otherLocations() : checked.otherOnlineLocations()).forEach((sku, locations) -> {
            if (locations.isEmpty()) {
                stockedElsewhere.remove(sku);
            } else {
                stockedElsewhere.put(sku, Set.copyOf(locations));
            }
        });
        checked.otherOnlineLocations().forEach((sku, locations) -> {
            if (locations.isEmpty()) {
                sellingOnline.remove(sku);
            } else {
                sellingOnline.put(sku, Set.copyOf(locations));
            }
        });
    }

    /**
     * Whether the SKU was last seen stocked at a location other than the pre-order locations.
     *
     * @param sku the SKU
     * @return true when its units may be committed elsewhere
     */
    public boolean stockedElsewhere(String sku) {
        return stockedElsewhere.containsKey(sku);
    }

    /**
     * Reads the committed units at the other locations of the items' SKUs and records their sum on each item, and
     * the available units at those of them that fulfil online orders (checkout sells them beside the pre-order
     * location's); items whose SKU is stocked only at the pre-order location are left alone. A failed read decides the items it
     * concerns as RETRY (or REJECTED for the shop when access is denied): a target that ignores units it could not
     * read might sell them again.
     *
     * @param items open, resolved items of one pre-order location
     * @throws InterruptedException when interrupted
     */
    public void read(List<BatchItem> items) throws InterruptedException {
        Map<String, List<BatchItem>> byLocation = new LinkedHashMap<>();
        for (BatchItem item : items) {
            for (String location : stockedElsewhere.getOrDefault(item.state().sku(), Set.of())) {
                if (!location.equals(item.locationId())) {
                    byLocation.computeIfAbsent(location, k -> new ArrayList<>()).add(item);
                }
            }
        }
        Map<BatchItem, Long> sums = new HashMap<>();
        Map<BatchItem, Long> sellable = new HashMap<>();
        for (Map.Entry<String, List<BatchItem>> entry : byLocation.entrySet()) {
            List<BatchItem> open = entry.getValue().stream().filter(BatchItem::open).toList();
            if (open.isEmpty()) {
                continue;
            }
            Map<String, LevelQuantities> levels;
            try {
                // Always a read now, never an export's: units committed elsewhere since the export are in flight,
                // and a count that misses them would offer them again at the pre-order location.
                levels = reader.read(open.stream().map(i -> i.variant().inventoryItemId()).distinct().toList(),
                        entry.getKey());
            } catch (CallFailedException e) {
                open.forEach(i -> i.fail(e, "reading committed units at " + entry.getKey() + " failed"));
                continue;
            }
            for (BatchItem item : open) {
                LevelQuantities level = levels.getOrDefault(item.variant().inventoryItemId(), LevelQuantities.NOT_STOCKED);
                long committed = Math.max(0, level.committed());
                sums.merge(item, committed, Long::sum);
                report(item.state().sku(), entry.getKey(), committed);
                if (sellingOnline.getOrDefault(item.state().sku(), Set.of()).contains(entry.getKey())) {
                    long available = Math.max(0, level.available());
                    sellable.merge(item, available, Long::sum);
                    reportAvailable(item.state().sku(), entry.getKey(), available);
                }
            }
        }
        sums.forEach((item, units) -> {
            if (item.open()) {
                item.committedElsewhere(units);
                item.availableElsewhere(sellable.getOrDefault(item, 0L));
            }
        });
    }

    private void reportAvailable(String sku, String location, long available) {
        if (firstSeen(sku + "#available@" + location, available)) {
            LOG.warn("shop {}: sku {}: {} unit(s) available at location {}, which fulfils online orders: checkout sells "
                    + "them as pre-orders, so the pre-order location offers that much less. Stop stocking the SKU there "
                    + "(Products > Inventory), or turn off 'Fulfill online orders' there", shop, sku, available, location);
        }
    }

    private void report(String sku, String location, long committed) {
        if (firstSeen(sku + '@' + location, committed)) {
            LOG.warn("shop {}: sku {}: {} unit(s) committed at location {}, not the pre-order location (an order routed "
                    + "or assigned there); counted as in flight so the pre-order location sells that much less. Stop "
                    + "stocking the SKU there (Products > Inventory)", shop, sku, committed, location);
        }
    }

    /** Whether units under this key are to be warned about now: some, and none warned since it last had none. */
    private boolean firstSeen(String key, long units) {
        if (units == 0) {
            warned.remove(key);
            return false;
        }
        if (warned.size() >= MAX_WARNED) {
            warned.clear();
        }
        return warned.add(key);
    }
}
