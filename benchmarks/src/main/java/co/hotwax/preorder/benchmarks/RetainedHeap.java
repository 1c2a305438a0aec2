package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PreorderBook;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the heap a book retains once it holds the full catalog: heap in use after a full GC with only the book
 * alive, minus heap in use before anything was generated. The book keeps the input records it needs, so they are
 * part of the figure; the generator's lists are dropped first.
 *
 * <p>Run: {@code java -Xmx3g -cp <classpath> co.hotwax.preorder.benchmarks.RetainedHeap [lines skus preOrders]}
 * (BENCHMARKS.md has the Maven command).
 */
public final class RetainedHeap {
    private RetainedHeap() {
    }

    /**
     * Entry point.
     *
     * @param args optional {@code lines skus preOrders}
     */
    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int skus = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int preOrders = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        CatalogGenerator catalog = new CatalogGenerator(42, skus, lines, preOrders);
        PreorderBook book = PreorderBook.builder().policy(BookPolicy.defaults()).build();
        long start = System.nanoTime();
        book.rebuild(catalog.lines(), catalog.preOrders(), catalog.stock());
        long rebuildMillis = (System.nanoTime() - start) / 1_000_000;
        catalog = null;
        long after = usedAfterGc(memory);
        System.out.printf("catalog: %,d lines, %,d SKUs, %,d pre-orders; pools: %,d%n", lines, skus, preOrders,
                book.poolCount());
        System.out.printf("retained heap of the book: %,d MB (one cold rebuild took %,d ms)%n",
                (after - before) / (1024 * 1024), rebuildMillis);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        // Several rounds: one System.gc() may leave garbage that a concurrent or generational pass has not reached.
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
