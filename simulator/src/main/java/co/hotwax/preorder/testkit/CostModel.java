package co.hotwax.preorder.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulator computes a request's query cost. Shopify's documented calculation
 * (shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits, "Cost calculation"): scalars and enums 0, every
 * object 1 (a connection's nodes too), interfaces and unions the maximum of their possible selections, a
 * connection sized by its {@code first}/{@code last} argument plus 2, a mutation 10 plus its selection, and the
 * documented dynamic mutation costs ({@code productVariantsBulkUpdate}: 10 + 0.2 per variant). Requests above
 * 1,000 points are refused with {@code MAX_COST_EXCEEDED}.
 *
 * @param chargesNodeObjects whether each node of a connection or {@code nodes(ids:)} list costs 1 on top of its
 *                           selection (documented) rather than max(1, its selection) (the simulator's first model)
 * @param connections        linear (documented) or logarithmic (observed) growth with page size
 * @param overrides          root field name to a fixed cost, e.g. one measured on a real store
 * @since 0.1.0
 */
public record CostModel(boolean chargesNodeObjects, Connections connections, Map<String, Integer> overrides) {
    /** How a connection's cost grows with its page size. */
    public enum Connections {
        /** Page size x one node's cost: the documented "sized by first and last". */
        LINEAR,
        /**
         * max(1, ceil(log2(page size))) x one node's cost: Shopify staff describe logarithmic growth, and a
         * {@code variants(first: 250)} check was observed at 25 points (issue #13). A fitted approximation.
         */
        LOGARITHMIC
    }

    /**
     * Copies the overrides and checks them.
     *
     * @param chargesNodeObjects whether each node of a connection or {@code nodes(ids:)} list costs 1 on top of its
     *     selection (documented) rather than max(1, its selection) (the simulator's first model)
     * @param connections linear (documented) or logarithmic (observed) growth with page size
     * @param overrides root field name to a fixed cost, e.g. one measured on a real store
     */
    public CostModel {
        Objects.requireNonNull(connections, "connections");
        overrides = Map.copyOf(overrides);
        overrides.forEach((field, cost) -> {
            if (cost < 0) {
                throw new IllegalArgumentException("cost override for " + field + " must be >= 0, got " + cost);
            }
        });
    }

    /**
     * Shopify's documented calculation.
     *
     * @return the documented model
     */
    public static CostModel documented() {
        return new CostModel(true, Connections.LINEAR, Map.of());
    }

    /**
     * The documented calculation with connections growing logarithmically, as observed on real stores.
     *
     * @return the observed model
     */
    public static CostModel observedLogarithmic() {
        return new CostModel(true, Connections.LOGARITHMIC, Map.of());
    }

    /**
     * The simulator's first model (a node costs max(1, its selection), linear connections): the default, because
     * existing callers were tuned against it; it undercharges reads of many nodes compared with the documented one.
     *
     * @return the first model
     */
    public static CostModel firstSimulator() {
        return new CostModel(false, Connections.LINEAR, Map.of());
    }

    /**
     * This model with a root field's cost fixed to {@code cost} (requested and actual), e.g. measured on a store.
     *
     * @param rootField the root field
     * @param cost the points it costs
     * @return a copy of this model with the override
     */
    public CostModel withOverride(String rootField, int cost) {
        Map<String, Integer> copy = new LinkedHashMap<>(overrides);
        copy.put(Objects.requireNonNull(rootField, "rootField"), cost);
        return new CostModel(chargesNodeObjects, connections, copy);
    }
}
