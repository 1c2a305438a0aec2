package co.hotwax.preorder.testkit;

import java.util.Objects;

/**
 * A selling-plan group seeded into the simulator with its one plan.
 *
 * @param id     the group GID, e.g. {@code gid://shopify/SellingPlanGroup/9}
 * @param planId the plan GID, e.g. {@code gid://shopify/SellingPlan/10}
 * @since 0.1.0
 */
public record SellingPlanGroup(String id, String planId) {
    /**
     * Validates that both parts are present.
     *
     * @param id the group GID, e.g. {@code gid://shopify/SellingPlanGroup/9}
     * @param planId the plan GID, e.g. {@code gid://shopify/SellingPlan/10}
     */
    public SellingPlanGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(planId, "planId");
    }
}
