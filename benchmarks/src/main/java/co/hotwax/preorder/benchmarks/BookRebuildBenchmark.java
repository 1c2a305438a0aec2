package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BatchReport;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PreorderBook;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full rebuild of the book from a catalog snapshot: what the engine does at start and after a crash.
 * Single-shot: each measured iteration builds a fresh book from the same generated inputs. The per-pool recompute
 * runs on the book's {@code rebuildExecutor} with {@link #threads} threads (the machine's cores by default). The book
 * has a {@link DirtyPoolListener}, as in the engine, so the rebuild derives its events; the heap is capped at the
 * issue's 1.5 GB target (the generated inputs, about 0.6 GB, are live throughout and count against it).
 *
 * <p>ParallelGC: a rebuild allocates close to a gigabyte that all stays live, which G1 copies between regions at
 * length (7.5 s against 2.1 s with ParallelGC at 1.5 GB, see BENCHMARKS.md). Before each iteration the previous
 * iteration's book is collected, outside the measurement, so every rebuild starts like a process start or a
 * restart after a crash and does not pay for a garbage book that a real rebuild never leaves behind.
 *
 * <p>{@code -XX:+UseTransparentHugePages}, as README recommends for a book of this size and as
 * {@link BookEventBenchmark} runs (about 10% faster here; BENCHMARKS.md has both settings). To measure without:
 * {@code -jvmArgsAppend "-Xms1536m -Xmx1536m -XX:+UseParallelGC"}.
 *
 * <p>Each iteration also prints the CPU time it took, of the benchmark thread and of the whole JVM. With
 * {@code -p threads=1} the whole recompute runs on the benchmark thread, so its thread-CPU time is the rebuild's own
 * work, which other processes on a shared machine do not stretch the way they stretch wall-clock time; the JVM's
 * figure adds the collector's threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1536m", "-Xmx1536m", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
public class BookRebuildBenchmark {
    /** Catalog size as {@code lines/skus/preOrders}; the target is the first. */
    @Param({"1000000/200000/2000000"})
    public String size;

    /** Threads of the rebuild executor; 1 runs the recompute on the calling thread. */
    @Param({"2"})
    public int threads;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CatalogGenerator catalog;
    private ExecutorService executor;
    private long threadCpuStart;
    private long processCpuStart;

    /** Generates the inputs once per trial; generation is not measured. */
    @Setup(Level.Trial)
    public void generate() {
        String[] parts = size.split("/");
        catalog = new CatalogGenerator(42, Integer.parseInt(parts[1]), Integer.parseInt(parts[0]),
                Integer.parseInt(parts[2]));
        executor = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    }

    /** Collects the previous iteration's book, so the measured rebuild does not pay for it. */
    @Setup(Level.Iteration)
    public void collectPreviousBook() {
        System.gc();
        threadCpuStart = THREADS.getCurrentThreadCpuTime();
        processCpuStart = processCpuNanos();
    }

    /** Prints the iteration's CPU time: the benchmark thread's and the whole JVM's. */
    @TearDown(Level.Iteration)
    public void printCpuTime() {
        System.out.printf(" [cpu: %,.0f ms thread, %,.0f ms process]",
                (THREADS.getCurrentThreadCpuTime() - threadCpuStart) / 1e6, (processCpuNanos() - processCpuStart) / 1e6);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Stops the rebuild threads. */
    @TearDown(Level.Trial)
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * Rebuilds a new book from the whole catalog.
     *
     * @return the report, so the work is not optimised away
     */
    @Benchmark
    public BatchReport rebuild() {
        DirtyPoolListener listener = new DirtyPoolListener();
        PreorderBook.Builder builder = PreorderBook.builder().policy(BookPolicy.defaults()).listener(listener);
        if (executor != null) {
            builder.rebuildExecutor(executor);
        }
        PreorderBook book = builder.build();
        BatchReport report = book.rebuild(catalog.lines(), catalog.preOrders(), catalog.stock());
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException("generated catalog was rejected: " + report.rejected().get(0));
        }
        if (listener.poolChanges() != book.poolCount()) {
            throw new IllegalStateException("expected one PoolChanged per pool, got " + listener.poolChanges());
        }
        return report;
    }
}
