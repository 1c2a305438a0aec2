package co.hotwax.preorder.spi;

/**
 * A source of items with a full snapshot and a change feed that resumes from a checkpoint the caller keeps. The
 * shape every input of the SDK shares; the sub-interfaces name what flows through it.
 *
 * <p>Contract (checked by the testkit's compatibility kit):
 * <ul>
 *   <li>{@link #snapshot()} returns every current item and a checkpoint; applying the snapshot and then every page
 *       from {@link #changesSince} in order yields the source's current state, with no change lost.</li>
 *   <li>A page carries the full new state of each changed item (an upsert); the same item may appear again later.
 *       Repeating a page is harmless: the SDK applies upserts idempotently.</li>
 *   <li>{@code changesSince(c, n)} returns at most {@code n} items and is repeatable: the same checkpoint gives
 *       the same changes until the caller moves on.</li>
 *   <li>An unknown or expired checkpoint throws {@link CheckpointExpiredException}; the caller then takes a new
 *       snapshot. Feeds written before that type existed threw a plain {@link InvalidInputException}, which it
 *       extends: the engine still reloads for those, but only after three refusals in a row, because a plain
 *       {@code InvalidInputException} may also mean one bad row.</li>
 *   <li>Any other exception (a lost connection, a bad row, a plain {@code InvalidInputException}) fails that
 *       read only: the engine reports it, keeps its last good state, and calls again from the same checkpoint
 *       after a back-off. Publishing does not wait for feeds.</li>
 *   <li>A page with {@code hasMore} must move the checkpoint on; a feed that answers {@code hasMore} with the
 *       checkpoint it was given is not followed (reported as a failed read).</li>
 *   <li>Methods may be called from any single thread at a time; implementations need not be thread-safe.</li>
 * </ul>
 *
 * @param <T> the item type
 */
public interface ChangeFeed<T> {

    /**
     * Everything the source holds now.
     *
     * @return the items and the checkpoint to continue from
     */
    FeedSnapshot<T> snapshot();

    /**
     * Changes after a checkpoint.
     *
     * @param checkpoint a checkpoint from {@link #snapshot()} or from a previous page's {@link FeedPage#next()}
     * @param maxItems the most items to return, at least 1
     * @return the next changes, possibly none
     * @throws CheckpointExpiredException when the checkpoint is unknown or expired
     */
    FeedPage<T> changesSince(Checkpoint checkpoint, int maxItems);

    /**
     * The SPI version this implementation was compiled against. Implement it as
     * {@code return SpiVersion.CURRENT;} so the constant is compiled into your class.
     *
     * @return {@link SpiVersion#CURRENT} at the implementation's compile time
     */
    int spiVersion();
}
