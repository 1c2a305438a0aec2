package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BatchReport;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PreorderBook;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full rebuild of the book from a catalog snapshot: what the engine does at start and after a crash.
 * Single-shot: each measured iteration builds a fresh book from the same generated inputs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class BookRebuildBenchmark {
    /** Catalog size as {@code lines/skus/preOrders}; the target is the first. */
    @Param({"1000000/200000/2000000"})
    public String size;

    private CatalogGenerator catalog;

    /** Generates the inputs once per trial; generation is not measured. */
    @Setup(Level.Trial)
    public void generate() {
        String[] parts = size.split("/");
        catalog = new CatalogGenerator(42, Integer.parseInt(parts[1]), Integer.parseInt(parts[0]),
                Integer.parseInt(parts[2]));
    }

    /**
     * Rebuilds a new book from the whole catalog.
     *
     * @return the report, so the work is not optimised away
     */
    @Benchmark
    public BatchReport rebuild() {
        PreorderBook book = PreorderBook.builder().policy(BookPolicy.defaults()).build();
        BatchReport report = book.rebuild(catalog.lines(), catalog.preOrders(), catalog.stock());
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException("generated catalog was rejected: " + report.rejected().get(0));
        }
        return report;
    }
}
