package co.hotwax.preorder.examples.wiring;

import co.hotwax.preorder.core.BookEvent;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PoolState;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain core on its own, without Shopify: two POs, a few pre-orders, a PO cut. The README's "The domain
 * core" sample is copied from {@link #run}; {@code ReadmeSnippetsTest} fails when they differ.
 */
public final class BookExample {
    private BookExample() {
    }

    /**
     * Runs the sample and returns what it observed.
     *
     * @param clock today, for stale ETAs
     * @return the events the book reported and the final state of the SKU
     */
    public static Result run(Clock clock) {
        List<BookEvent> events = new ArrayList<>();
        PreorderBook book = PreorderBook.builder()
                .policy(BookPolicy.builder().promiseBufferDays(2).build())
                .listener(events::add)
                .clock(clock)
                .build();
        book.upsertSupplyLine(SupplyLine.open("PO-A/1", "PO-A", "LAMP-OAK", "WH-1", 50, LocalDate.of(2027, 7, 1)));
        book.upsertSupplyLine(SupplyLine.open("PO-B/1", "PO-B", "LAMP-OAK", "WH-1", 100, LocalDate.of(2027, 8, 15)));
        for (int i = 1; i <= 60; i++) {
            book.upsertPreOrder(PreOrder.open("SO-" + i, "1", "LAMP-OAK", 1, Instant.parse("2027-05-01T10:00:00Z")
                    .plusSeconds(i), "my-store.myshopify.com"));
        }
        PoolState lamp = book.pool("LAMP-OAK", null).orElseThrow();
        // P = 150 - 60 = 90; the next unit comes from PO-B: 2027-08-15 + 2 buffer days.
        book.upsertSupplyLine(SupplyLine.open("PO-A/1", "PO-A", "LAMP-OAK", "WH-1", 30, LocalDate.of(2027, 7, 1)));
        // PO-A cut to 30: the 20 orders it no longer covers move to PO-B, with PromiseDateChanged events.
        return new Result(lamp, book.pool("LAMP-OAK", null).orElseThrow(), events);
    }

    /**
     * What the sample observed.
     *
     * @param beforeCut the SKU before PO-A was cut
     * @param afterCut the SKU after the cut
     * @param events every event the book reported
     */
    public record Result(PoolState beforeCut, PoolState afterCut, List<BookEvent> events) {
    }
}
