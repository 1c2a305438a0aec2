package co.hotwax.preorder.core.engine;

/**
 * Receives what the sync engine does: publications, retries, rejections, drift and resync progress.
 *
 * <p>Callbacks run on the engine's loop thread (or the thread calling {@link PreorderSync#step()} in manual mode).
 * They must return quickly and must not block; an exception thrown by a listener is logged and otherwise ignored.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SyncListener {

    /** A listener that ignores every event. */
    SyncListener NO_OP = event -> { };

    /**
     * Called once per event, in the order the engine produced them.
     *
     * @param event what happened
     */
    void onEvent(SyncEvent event);
}
