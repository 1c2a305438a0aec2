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
 * @see <a href="https://help.shopify.com/en/manual/locations/managing-orders">Shopify: managing orders with locations</a>
 * @see <a href="https://help.shopify.com/en/manual/fulfillment/setup/order-routing">Shopify: order routing</a>
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
     * Reads the committed units at the other locations of the items' SKUs and records their sum on each item;
     * items whose SKU is stocked only at the pre-order location are left alone. A failed read decides the items it
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
            }
        }
        sums.forEach((item, units) -> {
            if (item.open()) {
                item.committedElsewhere(units);
            }
        });
    }

    private void report(String sku, String location, long committed) {
        String key = sku + '@' + location;
        if (committed == 0) {
            warned.remove(key);
            return;
        }
        if (warned.size() >= MAX_WARNED) {
            warned.clear();
        }
        if (warned.add(key)) {
            LOG.warn("shop {}: sku {}: {} unit(s) committed at location {}, not the pre-order location (an order routed "
                    + "or assigned there); counted as in flight so the pre-order location sells that much less. Stop "
                    + "stocking the SKU there (Products > Inventory)", shop, sku, committed, location);
        }
    }
}
