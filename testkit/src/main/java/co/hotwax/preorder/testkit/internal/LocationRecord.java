package co.hotwax.preorder.testkit.internal;

/** A location as the schema serves it. Immutable once created. */
public record LocationRecord(String id, long number, String name) {
    /** Always true: the simulator has no deactivated locations. */
    public boolean isActive() {
        return true;
    }

    /** Shopify's numeric REST id. */
    public String legacyResourceId() {
        return Long.toString(number);
    }
}
