package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.spi.DesiredState;

/**
 * What the engine knows about one pool in one publisher's channel. Owned by the loop thread.
 */
final class Slot {
    final PoolKey key;
    /** The last state the publisher applied; null when unknown (never published since start). */
    DesiredState published;
    /** The state the book wants now. */
    DesiredState desired;
    /** The last state the publisher refused for good; not retried until the desired state differs. */
    DesiredState rejected;
    /** The lane it waits in, or null when nothing is to be done. */
    Lane lane;
    /** When the oldest unpublished change was first seen (clock millis), or -1. */
    long dirtySince = -1;
    /** Failed attempts since the last success. */
    int attempts;
    /** Not to be published before this time (clock millis): the retry backoff. */
    long notBefore;
    /** Part of the running full resync and not yet checked. */
    boolean resync;

    /** The owning publisher's lag tracker, which {@link #dirtySince} is also recorded in. */
    final LagTracker storeLag;

    Slot(PoolKey key, LagTracker storeLag) {
        this.key = key;
        this.storeLag = storeLag;
    }
}
