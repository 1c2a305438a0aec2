package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared test data: dates, and bulk pre-orders placed one second apart. */
final class Fixtures {
    static final LocalDate JUN_01 = LocalDate.of(2026, 6, 1);
    static final LocalDate JUL_01 = LocalDate.of(2026, 7, 1);
    static final LocalDate JUL_15 = LocalDate.of(2026, 7, 15);
    static final LocalDate AUG_15 = LocalDate.of(2026, 8, 15);
    /** "Now" in every test unless moved: well before every ETA. */
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final String SHOP = "shop.myshopify.com";

    private Fixtures() {
    }

    static Instant placed(int second) {
        return NOW.minusSeconds(100_000).plusSeconds(second);
    }

    static SupplyLine po(String lineId, String sku, long ordered, LocalDate eta) {
        return SupplyLine.open(lineId, "PO-" + lineId, sku, "WH", ordered, eta);
    }

    static PreOrder order(String orderId, String sku, long quantity, int second) {
        return PreOrder.open(orderId, "1", sku, quantity, placed(second), SHOP);
    }

    /** {@code count} one-unit pre-orders named {@code prefix1..prefixN}, placed at seconds {@code first..}. */
    static List<PreOrder> orders(String prefix, String sku, int count, int first) {
        List<PreOrder> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(order(prefix + i, sku, 1, first + i));
        }
        return out;
    }

    /** An hour into a day (UTC): where a test moves a {@code VirtualClock} to make "today" that date. */
    static Instant hourIntoDay(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
    }

    /** Collects every event of a book. */
    static final class EventLog implements BookListener {
        final List<BookEvent> events = new ArrayList<>();

        @Override
        public void onEvent(BookEvent event) {
            events.add(event);
        }

        <T extends BookEvent> List<T> ofType(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (BookEvent e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
            return out;
        }

        List<BookEvent> drain() {
            List<BookEvent> out = List.copyOf(events);
            events.clear();
            return out;
        }
    }
}
