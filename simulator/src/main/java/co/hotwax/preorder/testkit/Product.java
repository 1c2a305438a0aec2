package co.hotwax.preorder.testkit;

import java.util.Objects;

/**
 * A product seeded into the simulator.
 *
 * @param id    the Shopify GID, e.g. {@code gid://shopify/Product/1}
 * @param title the title
 * @since 0.1.0
 */
public record Product(String id, String title) {
    /**
     * Validates that both parts are present.
     *
     * @param id the Shopify GID, e.g. {@code gid://shopify/Product/1}
     * @param title the title
     */
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
