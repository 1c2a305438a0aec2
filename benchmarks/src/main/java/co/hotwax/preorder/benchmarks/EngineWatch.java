package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.engine.SyncEvent;
import co.hotwax.preorder.core.engine.SyncListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the real-time harnesses watch of the engine's events: the end of the initial resync, writes made during it,
 * retries and rejections (printed).
 */
final class EngineWatch implements SyncListener {
    final CountDownLatch resynced = new CountDownLatch(1);
    final AtomicLong retrying = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong writesInResync = new AtomicLong();

    @Override
    public void onEvent(SyncEvent event) {
        if (event instanceof SyncEvent.ResyncCompleted) {
            resynced.countDown();
        } else if (event instanceof SyncEvent.Retrying) {
            retrying.incrementAndGet();
        } else if (event instanceof SyncEvent.Rejected r) {
            rejected.incrementAndGet();
            System.out.println("rejected: " + r);
        } else if (event instanceof SyncEvent.Published p && p.wrote() && resynced.getCount() > 0) {
            writesInResync.incrementAndGet();
        }
    }
}
