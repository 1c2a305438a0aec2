package co.hotwax.preorder.spi;

import java.util.List;

/**
 * Everything a feed holds at one instant, and the checkpoint from which its change feed continues without a gap.
 *
 * @param items all current items (a copy; never null)
 * @param checkpoint where {@link ChangeFeed#changesSince} resumes after this snapshot
 * @param <T> the item type
 * @since 0.1.0
 */
public record FeedSnapshot<T>(List<T> items, Checkpoint checkpoint) {
    /**
     * Validates and copies.
     *
     * @param items all current items (a copy; never null)
     * @param checkpoint where {@link ChangeFeed#changesSince} resumes after this snapshot
     * @throws InvalidInputException when a field is missing or an item is null
     */
    public FeedSnapshot {
        items = FeedPage.copyItems("feed snapshot", items);
        if (checkpoint == null) {
            throw new InvalidInputException("feed snapshot", "checkpoint is missing");
        }
    }
}
