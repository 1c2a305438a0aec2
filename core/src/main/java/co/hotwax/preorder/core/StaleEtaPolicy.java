package co.hotwax.preorder.core;

/**
 * What to do with a pool whose next expected arrival date has passed without an update.
 *
 * @since 0.1.0
 */
public enum StaleEtaPolicy {
    /** Delist the pool until the ETA is updated (the default, and what HotWax does today). */
    DELIST,
    /** Keep the pool listed, but flag it ({@link PoolState#etaStale()}, {@link BookEvent.Listed#flagged()}). */
    KEEP_AND_FLAG
}
