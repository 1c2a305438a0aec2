package co.hotwax.preorder.testkit.internal;

import java.util.List;

/**
 * A selling-plan group: a named set of plans attached to variants (Shopify's {@code SellingPlanGroup}).
 *
 * @param id           the group GID
 * @param name         the buyer-facing name
 * @param merchantCode the merchant-facing code
 * @param plans        its plans
 * @param variantIds   the variants it applies to
 */
public record SellingPlanGroupRecord(String id, String name, String merchantCode, List<SellingPlanRecord> plans,
        List<String> variantIds) {
    /** Copies the lists. */
    public SellingPlanGroupRecord {
        plans = List.copyOf(plans);
        variantIds = List.copyOf(variantIds);
    }
}
