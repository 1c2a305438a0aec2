package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.SellingPlanReserve;
import java.util.Map;

/**
 * A selling plan as the schema serves it: name, category ({@code PRE_ORDER}, ...) and inventory policy.
 *
 * @param id       the plan GID
 * @param name     the buyer-facing name
 * @param category Shopify's {@code SellingPlanCategory} value
 * @param reserve  when the plan takes units from inventory
 */
public record SellingPlanRecord(String id, String name, String category, SellingPlanReserve reserve) {
    /** The {@code SellingPlanInventoryPolicy} object. */
    public Map<String, Object> inventoryPolicy() {
        return Map.of("reserve", reserve.name());
    }
}
