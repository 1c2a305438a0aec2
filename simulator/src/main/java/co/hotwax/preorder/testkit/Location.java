package co.hotwax.preorder.testkit;

import java.util.Objects;

/**
 * A location seeded into the simulator.
 *
 * @param id   the Shopify GID, e.g. {@code gid://shopify/Location/3}
 * @param name the display name
 * @since 0.1.0
 */
public record Location(String id, String name) {
    /**
     * Validates that both parts are present.
     *
     * @param id the Shopify GID, e.g. {@code gid://shopify/Location/3}
     * @param name the display name
     */
    public Location {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
