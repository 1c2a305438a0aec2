package co.hotwax.preorder.testkit.internal;

import java.util.Optional;

/** Shopify global ids ({@code gid://shopify/Type/N}, with an optional query string on InventoryLevel ids). */
public final class Gid {
    private static final String PREFIX = "gid://shopify/";

    private Gid() {
    }

    /** Formats {@code gid://shopify/type/number}. */
    public static String of(String type, long number) {
        return PREFIX + type + "/" + number;
    }

    /** The type part of a Shopify GID, or empty when {@code gid} is not one. */
    public static Optional<String> type(String gid) {
        if (gid == null || !gid.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int slash = gid.indexOf('/', PREFIX.length());
        return slash < 0 ? Optional.empty() : Optional.of(gid.substring(PREFIX.length(), slash));
    }

    /** Drops a query string, so {@code InventoryLevel/5?inventory_item_id=2} compares as {@code InventoryLevel/5}. */
    public static String withoutQuery(String gid) {
        int q = gid.indexOf('?');
        return q < 0 ? gid : gid.substring(0, q);
    }

    /** The numeric part of a GID, or -1 when absent or not a number. */
    public static long number(String gid) {
        String plain = withoutQuery(gid);
        int slash = plain.lastIndexOf('/');
        try {
            return Long.parseLong(plain.substring(slash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
