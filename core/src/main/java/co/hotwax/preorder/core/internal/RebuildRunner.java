package co.hotwax.preorder.core.internal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one job per pool of a rebuild, in chunks on an injected executor, and waits for all of them. Pools are
 * independent during a rebuild (each job writes only its own pool's entries and reads the finished line index), so
 * chunks may run in parallel; the wait gives the caller's thread a happens-before edge on every write.
 */
final class RebuildRunner {
    /** Enough chunks to balance uneven pools across a few threads, few enough to keep the overhead small. */
    private static final int CHUNKS = 64;
    /** Below this many pools, handing work to other threads costs more than it saves. */
    private static final int MIN_POOLS_TO_SPLIT = 4_096;

    private final Executor executor;

    RebuildRunner(Executor executor) {
        this.executor = executor;
    }

    /**
     * Applies the job to every pool and returns when all are done.
     *
     * @param pools the pools
     * @param job what to do with each; must touch only that pool
     * @throws RuntimeException the first failure of a job, after all chunks have finished
     */
    void forEach(List<Pool> pools, Consumer<Pool> job) {
        int n = pools.size();
        if (n < MIN_POOLS_TO_SPLIT) {
            for (int i = 0; i < n; i++) {
                job.accept(pools.get(i));
            }
            return;
        }
        int chunk = (n + CHUNKS - 1) / CHUNKS;
        int chunks = (n + chunk - 1) / chunk;
        CountDownLatch done = new CountDownLatch(chunks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 0; c < chunks; c++) {
            int from = c * chunk;
            int to = Math.min(n, from + chunk);
            try {
                executor.execute(() -> {
                    try {
                        for (int i = from; i < to; i++) {
                            job.accept(pools.get(i));
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        done.countDown();
                    }
                });
            } catch (RuntimeException rejected) {
                failure.compareAndSet(null, rejected);
                done.countDown();
            }
        }
        awaitUninterruptibly(done);
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("rebuild job failed", t);
        }
    }

    /** The book must not be left half-rebuilt, so an interrupt is remembered and re-asserted after the wait. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
