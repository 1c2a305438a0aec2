package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.Instant;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Incremental events applied one at a time to a book holding the full catalog, on one thread: the engine's steady
 * state. The mix is 60% pre-order changes (a new pre-order or its cancellation, as upserts), 30% supply-line changes
 * (a receipt or a quantity change) and 10% stock changes, each on a random SKU. The commands are generated up front
 * and cycle, and each is an upsert, so replaying them keeps the state bounded and every call does real work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class BookEventBenchmark {
    private static final int COMMANDS = 1 << 20;

    private PreorderBook book;
    private BookCommand[] commands;
    private int next;

    /** Builds the full catalog into a book and generates the event stream; neither is measured. */
    @Setup(Level.Trial)
    public void build() {
        CatalogGenerator catalog = new CatalogGenerator(42, 200_000, 1_000_000, 2_000_000);
        book = PreorderBook.builder().policy(BookPolicy.defaults()).build();
        book.rebuild(catalog.lines(), catalog.preOrders(), catalog.stock());
        commands = generate(catalog, new SplittableRandom(7));
    }

    static BookCommand[] generate(CatalogGenerator catalog, SplittableRandom random) {
        List<SupplyLine> lines = catalog.lines();
        BookCommand[] out = new BookCommand[COMMANDS];
        Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < COMMANDS; i++) {
            int roll = random.nextInt(10);
            int sku = random.nextInt(catalog.skuCount());
            if (roll < 6) {
                // A small set of extra orders per SKU, taken and cancelled in turn.
                int extra = random.nextInt(4);
                PreOrder p = PreOrder.open("X-" + sku + "-" + extra, "1", CatalogGenerator.sku(sku),
                        1 + random.nextInt(3), t0.plusSeconds(i), "shop.myshopify.com");
                out[i] = new BookCommand.UpsertPreOrder(random.nextBoolean() ? p
                        : p.withStatus(PreOrderStatus.CANCELLED));
            } else if (roll < 9) {
                SupplyLine line = lines.get(sku + catalog.skuCount() * random.nextInt(lines.size() / catalog.skuCount()));
                long ordered = Math.max(0, line.ordered() + random.nextInt(20) - 5);
                out[i] = new BookCommand.UpsertSupplyLine(random.nextBoolean()
                        ? line.withReceived(random.nextInt((int) line.ordered() + 1))
                        : line.withOrdered(ordered));
            } else {
                out[i] = new BookCommand.SetStock(new StockLevel(CatalogGenerator.sku(sku), null,
                        random.nextInt(4) - 2));
            }
        }
        return out;
    }

    /** Applies the next command. */
    @Benchmark
    public void applyOne() {
        BookCommand c = commands[next];
        next = (next + 1) & (COMMANDS - 1);
        if (c instanceof BookCommand.UpsertPreOrder u) {
            book.upsertPreOrder(u.preOrder());
        } else if (c instanceof BookCommand.UpsertSupplyLine s) {
            book.upsertSupplyLine(s.line());
        } else if (c instanceof BookCommand.SetStock s) {
            book.setStock(s.level());
        }
    }
}
