package co.hotwax.preorder.spi;

/**
 * A {@link ChangeFeed} cannot continue from a checkpoint: it is unknown, expired, or from before a reset of the
 * source. The caller takes a new {@link ChangeFeed#snapshot()}.
 *
 * <p>It extends {@link InvalidInputException} so that feeds written before it existed, and callers catching the
 * parent, keep working. New feeds should throw this type for a checkpoint they cannot continue from, and a plain
 * {@code InvalidInputException} (or another exception) for anything else: the engine reloads every feed only on
 * this type, and treats any other exception as a failure of that read, retried with back-off.
 *
 * @since 0.1.0
 */
public class CheckpointExpiredException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param checkpoint the checkpoint the feed cannot continue from (may be null when none was given)
     * @param reason why, e.g. {@code "older than the 7-day change log"}
     */
    public CheckpointExpiredException(Checkpoint checkpoint, String reason) {
        super(String.valueOf(checkpoint), reason);
    }
}
