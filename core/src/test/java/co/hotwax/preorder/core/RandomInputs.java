package co.hotwax.preorder.core;

import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Random but small inputs over a few SKUs, facilities, lines and orders, so that random commands collide often:
 * the same line or pre-order is upserted again and again, pins hit lines of other pools, ETAs fall on both sides
 * of today, and ids and placement times tie.
 */
final class RandomInputs {
    static final String[] SKUS = {"S1", "S2", "S3"};
    static final String[] FACILITIES = {"F1", "F2"};
    static final String[] CHANNELS = {"shop-a", "shop-b", "pos"};
    static final int LINES = 6;
    static final int ORDERS = 12;

    private final RandomGenerator rng;
    private final LocalDate today;
    private final boolean perFacility;

    RandomInputs(RandomGenerator rng, LocalDate today, boolean perFacility) {
        this.rng = rng;
        this.today = today;
        this.perFacility = perFacility;
    }

    static BookPolicy policy(RandomGenerator rng) {
        return BookPolicy.builder()
                .perFacility(rng.nextInt(3) == 0)
                .safetyUnits(rng.nextInt(4) == 0 ? rng.nextInt(6) : 0)
                .safetyPercent(rng.nextInt(4) == 0 ? rng.nextInt(30) : 0)
                .promiseBufferDays(rng.nextInt(3) == 0 ? rng.nextInt(5) : 0)
                .staleEtaPolicy(rng.nextBoolean() ? StaleEtaPolicy.DELIST : StaleEtaPolicy.KEEP_AND_FLAG)
                .build();
    }

    private <T> T pick(T[] values) {
        return values[rng.nextInt(values.length)];
    }

    String lineId() {
        return "L" + (1 + rng.nextInt(LINES));
    }

    String orderId() {
        return "O" + (1 + rng.nextInt(ORDERS));
    }

    String orderLineId() {
        return rng.nextInt(4) == 0 ? "2" : "1";
    }

    SupplyLine line() {
        long ordered = rng.nextInt(31);
        long received = rng.nextInt(3) == 0 ? rng.nextLong(ordered + 1) : 0;
        long cancelled = rng.nextInt(4) == 0 ? rng.nextLong(ordered - received + 1) : 0;
        int s = rng.nextInt(10);
        SupplyStatus status = s < 7 ? SupplyStatus.OPEN : s < 9 ? SupplyStatus.CLOSED : SupplyStatus.CANCELLED;
        long buffer = rng.nextInt(4) == 0 ? rng.nextInt(6) : 0;
        LocalDate eta = today.plusDays(rng.nextInt(-5, 40));
        return new SupplyLine(lineId(), "P" + rng.nextInt(3), pick(SKUS), pick(FACILITIES), ordered, received,
                cancelled, eta, status, buffer);
    }

    PreOrder preOrder() {
        int s = rng.nextInt(10);
        PreOrderStatus status = s < 7 ? PreOrderStatus.OPEN : s < 8 ? PreOrderStatus.RELEASED
                : s < 9 ? PreOrderStatus.CANCELLED : PreOrderStatus.RETURNED;
        String pin = rng.nextInt(4) == 0 ? lineId() : null;
        String facility = perFacility ? (rng.nextInt(10) == 0 ? null : pick(FACILITIES))
                : (rng.nextBoolean() ? null : pick(FACILITIES));
        Instant placed = Fixtures.NOW.minusSeconds(1000).plusSeconds(rng.nextInt(20));
        return new PreOrder(orderId(), orderLineId(), pick(SKUS), 1 + rng.nextInt(8), placed, pick(CHANNELS),
                status, pin, facility);
    }

    StockLevel stock() {
        boolean wrongMode = rng.nextInt(10) == 0;
        String facility = perFacility != wrongMode ? pick(FACILITIES) : null;
        long atp = rng.nextInt(3) == 0 ? rng.nextInt(-3, 6) : 0;
        return new StockLevel(pick(SKUS), facility, atp);
    }
}
