package co.hotwax.preorder.hotwax.internal;

import co.hotwax.preorder.hotwax.HotWaxRowError;

import java.time.Instant;

/**
 * One item as read from the OMS tables: either mapped or refused, with the newest {@code lastUpdatedStamp} of the
 * rows it was built from.
 *
 * @param key the item's key within its feed, e.g. {@code orderId/orderItemSeqId}
 * @param stamp the newest stamp among the rows that make the item
 * @param item the mapped item, or null when refused
 * @param error why it was refused, or null when mapped
 * @param <T> the item type
 */
public record FeedRow<T>(String key, Instant stamp, T item, HotWaxRowError error) {
    /**
     * Validates the row.
     *
     * @throws IllegalArgumentException when not exactly one of item and error is present
     */
    public FeedRow {
        if ((item == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of item and error for " + key);
        }
    }

    /**
     * What the consumer has seen of this row: the item, or the refusal.
     *
     * @return a stable text of the content
     */
    String content() {
        return item != null ? item.toString() : "refused: " + error.reason();
    }
}
