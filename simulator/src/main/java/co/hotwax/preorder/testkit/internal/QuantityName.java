package co.hotwax.preorder.testkit.internal;

import java.util.List;
import java.util.Set;

/** Shopify's inventory quantity names and which of them are stored (on_hand is derived). */
public final class QuantityName {
    /** Sellable now; what checkout decrements. */
    public static final String AVAILABLE = "available";
    /** In placed, unfulfilled orders. */
    public static final String COMMITTED = "committed";
    /** Physically present: the sum of {@link #ON_HAND_PARTS}. */
    public static final String ON_HAND = "on_hand";
    /** Expected, not sellable and not part of on_hand. */
    public static final String INCOMING = "incoming";

    /** The stored states, in Shopify's display order. */
    public static final List<String> STORED = List.of(AVAILABLE, COMMITTED, "reserved", INCOMING, "damaged",
            "safety_stock", "quality_control");
    /** The states whose sum is on_hand (incoming is not one). */
    public static final Set<String> ON_HAND_PARTS = Set.of(AVAILABLE, COMMITTED, "reserved", "damaged",
            "safety_stock", "quality_control");
    /** Every name {@code InventoryLevel.quantities(names:)} answers. */
    public static final Set<String> ALL = Set.of(AVAILABLE, COMMITTED, "reserved", INCOMING, "damaged",
            "safety_stock", "quality_control", ON_HAND);

    private QuantityName() {
    }
}
