package co.hotwax.preorder.examples.simulation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The locations of one simulated store besides the two every store has (the pre-order location the engine writes to,
 * and the warehouse that fulfils released pre-orders and does not sell online): its physical locations, the
 * in-stock SKUs they carry, and the fulfilment priority list Shopify routes online orders by. Pre-order SKUs are
 * stocked only at the pre-order location and the warehouse, as the store preflight asks (README, "Store setup"), so
 * the physical locations sell in-stock SKUs online (mixed carts) and at their POS.
 *
 * @param locations the physical locations, 0 to 3
 * @param inStockSkus the SKUs the physical locations stock (not pre-order SKUs), empty when there are no physical
 *                    locations
 * @param priority the fulfilment priority list, highest first: {@link #PREORDER} and every physical location's
 *                 name, once each
 */
public record StoreLayout(List<PhysicalLocation> locations, List<String> inStockSkus, List<String> priority) {
    /** The name of the pre-order location in {@link #priority()}. */
    public static final String PREORDER = "Pre-order";

    /**
     * One physical location (a retail store or a stockroom) with its Shopify setting and its stock of in-stock SKUs.
     *
     * @param name the location's name, unique in the store
     * @param fulfilsOnlineOrders Shopify's "Fulfill online orders from this location" at the start of the run
     * @param stock available units of each in-stock SKU (0 is stocked at 0)
     */
    public record PhysicalLocation(String name, boolean fulfilsOnlineOrders, Map<String, Integer> stock) {
        /** Validates the location and copies the stock. */
        public PhysicalLocation {
            if (name == null || name.isBlank() || PREORDER.equals(name) || stock == null
                    || stock.values().stream().anyMatch(q -> q == null || q < 0)) {
                throw new IllegalArgumentException("invalid physical location " + name + ": needs a name other than "
                        + PREORDER + " and stock >= 0, got " + stock);
            }
            stock = Map.copyOf(stock);
        }
    }

    /** Validates the layout and copies the lists. */
    public StoreLayout {
        locations = List.copyOf(locations);
        inStockSkus = List.copyOf(inStockSkus);
        priority = List.copyOf(priority);
        Set<String> names = new HashSet<>();
        names.add(PREORDER);
        for (PhysicalLocation l : locations) {
            if (!names.add(l.name()) || !inStockSkus.containsAll(l.stock().keySet())) {
                throw new IllegalArgumentException("location " + l.name() + " is named twice or stocks a SKU not in "
                        + inStockSkus);
            }
        }
        if (priority.size() != names.size() || !names.containsAll(priority)) {
            throw new IllegalArgumentException("priority " + priority + " must list each of " + names + " once");
        }
    }

    /**
     * A store with no physical location: the pre-order location and the warehouse only.
     *
     * @return the layout
     */
    public static StoreLayout preorderOnly() {
        return new StoreLayout(List.of(), List.of(), List.of(PREORDER));
    }
}
