package co.hotwax.preorder.core.engine.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One publisher's outcome counters. Written by the loop thread, read from any thread.
 */
final class EngineCounters {
    final AtomicLong published = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong driftCorrected = new AtomicLong();
}
