package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PreorderBook;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Incremental events applied one at a time to a book holding the full catalog, on one thread: the engine's steady
 * state. The events are an {@link EventCycle} (60% pre-order take/cancel, 30% supply-line receipt/quantity change,
 * 10% stock, random SKUs), generated up front and replayed round and round; one round is applied before measuring,
 * after which every command changes the book's inputs. The book has a {@link DirtyPoolListener}, as in the engine.
 * The heap is capped at the 1.5 GB target, so the
 * figure also shows the full state fits in it.
 *
 * <p>The JVM runs with {@code -XX:+UseTransparentHugePages}, the setting README recommends for a book of this size:
 * an event touches a dozen objects scattered over the heap, and with 4 KB pages nearly each is a TLB miss on top of
 * the cache miss (BENCHMARKS.md measures both settings side by side). Setup prints the kernel's THP mode, because
 * the flag does nothing when it is {@code never}. To measure without huge pages, replace the flags:
 * {@code -jvmArgsAppend "-Xms1536m -Xmx1536m"}.
 *
 * <p>On a shared machine the wall-clock score drops when other processes take the cores, so each iteration also
 * prints events per CPU-second: of the benchmark thread, and of the whole JVM (which charges the collector's and
 * the compiler's threads to the events too, the conservative figure).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1536m", "-Xmx1536m", "-XX:+UseTransparentHugePages"})
public class BookEventBenchmark {
    private static final int COMMANDS = 1 << 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final DirtyPoolListener listener = new DirtyPoolListener();
    private PreorderBook book;
    private BookCommand[] commands;
    private int next;
    private long applied;
    private long threadCpuStart;
    private long processCpuStart;
    private long poolChangesStart;

    /** Builds the full catalog into a book, generates the event cycle and applies one round; none is measured. */
    @Setup(Level.Trial)
    public void build() {
        System.out.printf("[JVM huge pages: %s; kernel THP mode: %s]%n", hugePagesFlag(), kernelThpMode());
        CatalogGenerator catalog = new CatalogGenerator(42, 200_000, 1_000_000, 2_000_000);
        book = PreorderBook.builder().policy(BookPolicy.defaults()).listener(listener).build();
        book.rebuild(catalog.lines(), catalog.preOrders(), catalog.stock());
        EventCycle cycle = new EventCycle(catalog, new SplittableRandom(7), COMMANDS);
        cycle.warmUp(book);
        commands = cycle.commands();
    }

    /** Starts the iteration's CPU clocks. */
    @Setup(Level.Iteration)
    public void startClocks() {
        applied = 0;
        threadCpuStart = THREADS.getCurrentThreadCpuTime();
        processCpuStart = processCpuNanos();
        poolChangesStart = listener.poolChanges();
    }

    /** Prints the iteration's events per CPU-second. */
    @TearDown(Level.Iteration)
    public void printCpuRate() {
        double threadSeconds = (THREADS.getCurrentThreadCpuTime() - threadCpuStart) / 1e9;
        double processSeconds = (processCpuNanos() - processCpuStart) / 1e9;
        System.out.printf(" [cpu: %,.0f events/thread-CPU-s, %,.0f events/process-CPU-s; %,d events, %,d"
                + " PoolChanged]", applied / threadSeconds, applied / processSeconds, applied,
                listener.poolChanges() - poolChangesStart);
    }

    private static String hugePagesFlag() {
        boolean on = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:+UseTransparentHugePages");
        return on ? "-XX:+UseTransparentHugePages" : "off";
    }

    /** The selected value of the kernel's THP setting ({@code [madvise]} etc.), or why it is unknown. */
    private static String kernelThpMode() {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        try {
            String line = Files.readString(setting).trim();
            int open = line.indexOf('[');
            int close = line.indexOf(']');
            return open >= 0 && close > open ? line.substring(open + 1, close) : line;
        } catch (IOException | RuntimeException e) {
            return "unknown (" + setting + " not readable)";
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Applies the next command of the cycle. */
    @Benchmark
    public void applyOne() {
        applied++;
        BookCommand c = commands[next];
        if (++next == commands.length) {
            next = 0;
        }
        EventCycle.apply(book, c);
    }
}
