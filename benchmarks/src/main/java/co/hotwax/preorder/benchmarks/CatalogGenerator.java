package co.hotwax.preorder.benchmarks;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a catalog of open supply lines and open pre-orders of a chosen size, the same for the same seed, so
 * every benchmark run measures the same data.
 *
 * <p>Shape: lines and pre-orders are spread evenly over the SKUs (1,000,000 lines over 200,000 SKUs is 5 lines per
 * SKU); quantities are drawn so that most SKUs have P above zero and a few run a deficit, which exercises the
 * uncovered path; one pre-order in a hundred is pinned to a line of its SKU.
 */
public final class CatalogGenerator {
    private static final LocalDate FIRST_ETA = LocalDate.of(2027, 1, 1);
    private static final Instant FIRST_ORDER = Instant.parse("2026-11-01T00:00:00Z");

    private final List<SupplyLine> lines;
    private final List<PreOrder> preOrders;
    private final List<StockLevel> stock;
    private final int skuCount;

    /**
     * Generates the catalog.
     *
     * @param seed the random seed
     * @param skus number of SKUs
     * @param lineCount number of open supply lines
     * @param preOrderCount number of open pre-orders
     */
    public CatalogGenerator(long seed, int skus, int lineCount, int preOrderCount) {
        if (skus <= 0 || lineCount < skus || preOrderCount < 0) {
            throw new IllegalArgumentException("need skus > 0 and at least one line per sku");
        }
        this.skuCount = skus;
        SplittableRandom random = new SplittableRandom(seed);
        lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            int sku = i % skus;
            int po = i / skus;
            lines.add(new SupplyLine(lineId(i), "PO-" + po + "-" + (sku % 1000), sku(sku), "WH-1",
                    10 + random.nextInt(91), 0, 0, FIRST_ETA.plusDays(random.nextInt(180)), SupplyStatus.OPEN,
                    random.nextInt(10) == 0 ? 5 : 0));
        }
        preOrders = new ArrayList<>(preOrderCount);
        int linesPerSku = lineCount / skus;
        for (int i = 0; i < preOrderCount; i++) {
            int sku = i % skus;
            String pin = random.nextInt(100) == 0 ? lineId(sku + skus * random.nextInt(linesPerSku)) : null;
            preOrders.add(new PreOrder("SO-" + i, "1", sku(sku), 1 + random.nextInt(random.nextInt(50) == 0 ? 60 : 3),
                    FIRST_ORDER.plusSeconds(i), i % 7 == 0 ? "pos" : "shop.myshopify.com", PreOrderStatus.OPEN,
                    pin, null));
        }
        stock = new ArrayList<>(skus / 20);
        for (int sku = 0; sku < skus; sku += 20) {
            stock.add(new StockLevel(sku(sku), null, random.nextInt(3)));
        }
    }

    /**
     * The SKU name of an index.
     *
     * @param index the SKU's index
     * @return e.g. {@code SKU-000042}
     */
    public static String sku(int index) {
        return String.format("SKU-%06d", index);
    }

    /**
     * The supply line id of an index.
     *
     * @param index the line's index
     * @return e.g. {@code L-42}
     */
    public static String lineId(int index) {
        return "L-" + index;
    }

    /**
     * The generated supply lines.
     *
     * @return the lines, in generation order
     */
    public List<SupplyLine> lines() {
        return lines;
    }

    /**
     * The generated pre-orders.
     *
     * @return the pre-orders, in generation order
     */
    public List<PreOrder> preOrders() {
        return preOrders;
    }

    /**
     * The generated stock levels (one SKU in twenty has a stock level, a third of them positive).
     *
     * @return the levels
     */
    public List<StockLevel> stock() {
        return stock;
    }

    /**
     * The number of SKUs.
     *
     * @return the SKU count
     */
    public int skuCount() {
        return skuCount;
    }
}
