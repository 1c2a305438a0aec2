package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PreorderBook;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's honesty: after the warm-up round, every command of every later round changes the book. */
class EventCycleTest {
    @Test
    void everyCommandOfEveryRoundChangesTheBook() {
        for (long seed = 1; seed <= 5; seed++) {
            CatalogGenerator catalog = new CatalogGenerator(seed, 40, 200, 400);
            int[] poolChanges = new int[1];
            PreorderBook book = PreorderBook.builder().policy(BookPolicy.defaults())
                    .listener(e -> {
                        if (e instanceof BookEvent.PoolChanged) {
                            poolChanges[0]++;
                        }
                    }).build();
            book.rebuild(catalog.lines(), catalog.preOrders(), catalog.stock());
            EventCycle cycle = new EventCycle(catalog, new SplittableRandom(seed), 2_000);
            cycle.warmUp(book);
            BookCommand[] commands = cycle.commands();
            assertThat(commands.length).as("seed %d", seed).isGreaterThanOrEqualTo(2_000);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < commands.length; i++) {
                    int before = poolChanges[0];
                    EventCycle.apply(book, commands[i]);
                    assertThat(poolChanges[0]).as("seed %d round %d command %d %s changed nothing", seed, round,
                            i, commands[i]).isGreaterThan(before);
                }
            }
        }
    }
}
