package co.hotwax.preorder.testkit.internal;

/**
 * A location as the schema serves it, with the two settings that decide where online orders may be fulfilled:
 * {@code fulfillsOnlineOrders} (Shopify's "Fulfill online orders from this location") and {@code isActive}
 * (deactivated locations neither sell nor appear in {@code locations} unless {@code includeInactive}).
 * Sources: help.shopify.com/en/manual/locations/setting-up-your-locations and
 * help.shopify.com/en/manual/fulfillment/setup/locations/setting-up-location-fulfillments. Guarded by the shop lock.
 */
public final class LocationRecord {
    private final String id;
    private final long number;
    private final String name;
    private boolean fulfillsOnlineOrders;
    private boolean active = true;

    LocationRecord(String id, long number, String name, boolean fulfillsOnlineOrders) {
        this.id = id;
        this.number = number;
        this.name = name;
        this.fulfillsOnlineOrders = fulfillsOnlineOrders;
    }

    /** The location GID. */
    public String id() {
        return id;
    }

    /** The number in the GID. */
    public long number() {
        return number;
    }

    /** The display name. */
    public String name() {
        return name;
    }

    /** Whether the location is active. */
    public boolean isActive() {
        return active;
    }

    void active(boolean active) {
        this.active = active;
    }

    /** Whether its inventory is available to online orders. */
    public boolean fulfillsOnlineOrders() {
        return fulfillsOnlineOrders;
    }

    void fulfillsOnlineOrders(boolean fulfillsOnlineOrders) {
        this.fulfillsOnlineOrders = fulfillsOnlineOrders;
    }

    /** Whether online checkout may sell from and route to this location: active and fulfilling online orders. */
    public boolean sellsOnline() {
        return active && fulfillsOnlineOrders;
    }

    /** Shopify's numeric REST id. */
    public String legacyResourceId() {
        return Long.toString(number);
    }
}
