package co.hotwax.preorder.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of changes from a change feed: each item is the full new state of one entity (an upsert), in the order
 * the changes happened.
 *
 * @param items the changed items (a copy; may be empty)
 * @param next the checkpoint after the last item; hand it back to continue
 * @param hasMore whether more changes were already available when the page was cut
 * @param <T> the item type
 * @since 0.1.0
 */
public record FeedPage<T>(List<T> items, Checkpoint next, boolean hasMore) {
    /**
     * Validates and copies.
     *
     * @param items the changed items (a copy; may be empty)
     * @param next the checkpoint after the last item; hand it back to continue
     * @param hasMore whether more changes were already available when the page was cut
     * @throws InvalidInputException when a field is missing or an item is null
     */
    public FeedPage {
        items = copyItems("feed page", items);
        if (next == null) {
            throw new InvalidInputException("feed page", "next checkpoint is missing");
        }
    }

    static <T> List<T> copyItems(String item, List<T> items) {
        if (items == null) {
            throw new InvalidInputException(item, "items is missing");
        }
        List<T> copy = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T t = items.get(i);
            if (t == null) {
                throw new InvalidInputException(item, "item " + i + " is null");
            }
            copy.add(t);
        }
        return List.copyOf(copy);
    }
}
