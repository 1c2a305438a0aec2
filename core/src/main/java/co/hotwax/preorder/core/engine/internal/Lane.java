package co.hotwax.preorder.core.engine.internal;

/** The publish lanes, most urgent first. A lower ordinal always goes first. */
public enum Lane {
    /** Decreases and delistings: every moment they wait, the channel may oversell. */
    URGENT,
    /** Increases, first listings and changes of marks. */
    NORMAL,
    /** Reconciliation of pools the engine believes are right. */
    RESYNC
}
