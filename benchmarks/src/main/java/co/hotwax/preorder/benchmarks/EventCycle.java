package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.core.BookCommand;
import co.hotwax.preorder.core.PreorderBook;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A pre-generated cycle of incremental events over a {@link CatalogGenerator} catalog in which every command changes
 * the book's inputs, however many times the cycle is replayed: no measured call is a no-op.
 *
 * <p>Mix: 60% pre-order changes (an extra pre-order of a random SKU is taken, then cancelled, then taken again...),
 * 30% supply-line changes (a receipt or a quantity change of a random line, then back to the catalog's line...) and
 * 10% stock changes (a random SKU's online ATP moves away from its catalog value and back). Each entity's commands
 * alternate between two different values and every entity gets an even number of commands, so the state at the end
 * of the cycle is the state at its start and the first command of the next round differs from it too. The first
 * round is the exception for new pre-orders (they are inserted, still a change); {@link #warmUp} applies one round.
 */
public final class EventCycle {
    private static final Instant FIRST_EXTRA_ORDER = Instant.parse("2026-11-20T00:00:00Z");
    /** Extra pre-orders per SKU that the cycle takes and cancels. */
    private static final int EXTRAS_PER_SKU = 4;

    private final BookCommand[] commands;

    /**
     * Generates the cycle.
     *
     * @param catalog the catalog the book was rebuilt from
     * @param random the seeded generator
     * @param size the number of random commands; a few closing commands are appended to even out each entity
     */
    public EventCycle(CatalogGenerator catalog, RandomGenerator random, int size) {
        List<SupplyLine> lines = catalog.lines();
        HashMap<String, Long> catalogStock = new HashMap<>();
        for (StockLevel level : catalog.stock()) {
            catalogStock.put(level.sku(), level.onlineAtp());
        }
        int skus = catalog.skuCount();
        int linesPerSku = lines.size() / skus;
        // Per entity: how many commands so far, and for pre-orders the open record (its placedAt is fixed).
        HashMap<String, int[]> counts = new HashMap<>();
        HashMap<String, PreOrder> openOrders = new HashMap<>();
        ArrayList<BookCommand> out = new ArrayList<>(size + size / 4);
        for (int i = 0; i < size; i++) {
            int roll = random.nextInt(10);
            int sku = random.nextInt(skus);
            if (roll < 6) {
                String orderId = "X-" + sku + "-" + random.nextInt(EXTRAS_PER_SKU);
                boolean take = counts.computeIfAbsent(orderId, k -> new int[1])[0]++ % 2 == 0;
                PreOrder open = openOrders.computeIfAbsent(orderId, id -> PreOrder.open(id, "1",
                        CatalogGenerator.sku(sku), 1, FIRST_EXTRA_ORDER.plusSeconds(openOrders.size()),
                        "shop.myshopify.com"));
                out.add(new BookCommand.UpsertPreOrder(take
                        ? withQuantity(open, 1 + random.nextInt(3)) : open.withStatus(PreOrderStatus.CANCELLED)));
            } else if (roll < 9) {
                SupplyLine line = lines.get(sku + skus * random.nextInt(linesPerSku));
                boolean away = counts.computeIfAbsent(line.lineId(), k -> new int[1])[0]++ % 2 == 0;
                out.add(new BookCommand.UpsertSupplyLine(away ? changed(line, random) : line));
            } else {
                String skuName = CatalogGenerator.sku(sku);
                long base = catalogStock.getOrDefault(skuName, 0L);
                boolean away = counts.computeIfAbsent("stock " + skuName, k -> new int[1])[0]++ % 2 == 0;
                long atp = away ? base + 1 + random.nextInt(3) - (random.nextBoolean() ? 4 : 0) : base;
                out.add(new BookCommand.SetStock(new StockLevel(skuName, null, atp)));
            }
        }
        close(out, counts, openOrders, lines, catalogStock);
        this.commands = out.toArray(new BookCommand[0]);
    }

    /** Appends, for every entity left on its changed value, the command that brings it back. */
    private static void close(List<BookCommand> out, HashMap<String, int[]> counts,
                              HashMap<String, PreOrder> openOrders, List<SupplyLine> lines,
                              HashMap<String, Long> catalogStock) {
        // Walk the commands, not the map, so the closing order is deterministic.
        int n = out.size();
        for (int i = 0; i < n; i++) {
            BookCommand c = out.get(i);
            String entity;
            BookCommand back;
            if (c instanceof BookCommand.UpsertPreOrder u) {
                entity = u.preOrder().orderId();
                back = new BookCommand.UpsertPreOrder(openOrders.get(entity).withStatus(PreOrderStatus.CANCELLED));
            } else if (c instanceof BookCommand.UpsertSupplyLine s) {
                entity = s.line().lineId();
                int index = Integer.parseInt(entity.substring(2));
                back = new BookCommand.UpsertSupplyLine(lines.get(index));
            } else {
                String sku = ((BookCommand.SetStock) c).level().sku();
                entity = "stock " + sku;
                back = new BookCommand.SetStock(new StockLevel(sku, null, catalogStock.getOrDefault(sku, 0L)));
            }
            int[] count = counts.get(entity);
            if (count[0] % 2 == 1) {
                count[0]++;
                out.add(back);
            }
        }
    }

    private static PreOrder withQuantity(PreOrder p, long quantity) {
        return new PreOrder(p.orderId(), p.lineId(), p.sku(), quantity, p.placedAt(), p.channel(), p.status(),
                p.pinnedLineId(), p.facilityId());
    }

    /** A receipt or a quantity change; never equal to the catalog's line. */
    private static SupplyLine changed(SupplyLine line, RandomGenerator random) {
        if (random.nextBoolean()) {
            return line.withReceived(1 + random.nextInt((int) line.ordered()));
        }
        int delta = random.nextInt(19) - 5;
        return line.withOrdered(line.ordered() + (delta >= 0 ? delta + 1 : delta));
    }

    /**
     * The commands, in order; the caller replays them round and round.
     *
     * @return the commands (the array itself, not a copy: the benchmark reads it in its hot loop)
     */
    public BookCommand[] commands() {
        return commands;
    }

    /**
     * Applies one round to the book so that every later round changes the state with every command.
     *
     * @param book the book rebuilt from the same catalog
     */
    public void warmUp(PreorderBook book) {
        for (BookCommand c : commands) {
            apply(book, c);
        }
    }

    /**
     * Applies one command through the book's single-change API (not {@link PreorderBook#apply}, which wraps it in a
     * batch report).
     *
     * @param book the book
     * @param c the command
     */
    public static void apply(PreorderBook book, BookCommand c) {
        if (c instanceof BookCommand.UpsertPreOrder u) {
            book.upsertPreOrder(u.preOrder());
        } else if (c instanceof BookCommand.UpsertSupplyLine s) {
            book.upsertSupplyLine(s.line());
        } else if (c instanceof BookCommand.SetStock s) {
            book.setStock(s.level());
        } else {
            throw new IllegalArgumentException("the cycle holds no " + c);
        }
    }
}
