package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.PoolKey;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.StockLevel;
import co.hotwax.preorder.spi.SupplyLine;

import java.time.LocalDate;

/**
 * The book-level checks on top of the SPI values' own validation (which already refuses negative or overflowing
 * quantities, received + cancelled above ordered and missing fields), and the pool each input belongs to.
 */
final class InputRules {
    /** Earliest plausible ETA; anything before is a data error (e.g. a zero date). */
    static final LocalDate MIN_ETA = LocalDate.of(1900, 1, 1);
    /** Latest plausible ETA; also keeps ETA plus promise buffer days far from date overflow. */
    static final LocalDate MAX_ETA = LocalDate.of(9999, 12, 31);

    private final boolean perFacility;

    InputRules(BookPolicy policy) {
        this.perFacility = policy.perFacility();
    }

    /** Validates the line and returns its pool's key (allocates the key: for bulk loads and rare paths). */
    PoolKey check(SupplyLine line) {
        validate(line);
        return new PoolKey(line.sku(), facility(line));
    }

    /** Validates the line without building its pool's key: the hot path compares the SKU with the entry's pool. */
    void validate(SupplyLine line) {
        if (line == null) {
            throw new InvalidInputException("supply line null", "is missing");
        }
        LocalDate eta = line.eta();
        if (eta.isBefore(MIN_ETA) || eta.isAfter(MAX_ETA)) {
            throw new InvalidInputException(item(line), "eta " + eta + " is not a possible date (expected "
                    + MIN_ETA + ".." + MAX_ETA + ")");
        }
    }

    /** The facility part of the line's pool key: its facility per facility, else null. */
    String facility(SupplyLine line) {
        return perFacility ? line.facilityId() : null;
    }

    /** Validates the pre-order and returns its pool's key (allocates the key: for bulk loads and rare paths). */
    PoolKey check(PreOrder p) {
        validate(p);
        return new PoolKey(p.sku(), facility(p));
    }

    /** Validates the pre-order without building its pool's key. */
    void validate(PreOrder p) {
        if (p == null) {
            throw new InvalidInputException("pre-order null", "is missing");
        }
        if (perFacility && p.facilityId() == null) {
            throw new InvalidInputException(item(p), "facilityId is missing; per-facility pools need the facility"
                    + " the pre-order is routed to");
        }
    }

    /** The facility part of the pre-order's pool key: its facility per facility, else null. */
    String facility(PreOrder p) {
        return perFacility ? p.facilityId() : null;
    }

    PoolKey check(StockLevel level) {
        if (level == null) {
            throw new InvalidInputException("stock level null", "is missing");
        }
        if (perFacility && level.facilityId() == null) {
            throw new InvalidInputException(item(level), "facilityId is missing; per-facility pools need stock per"
                    + " facility");
        }
        if (!perFacility && level.facilityId() != null) {
            throw new InvalidInputException(item(level), "facilityId " + level.facilityId() + " given in pooled"
                    + " mode; send the SKU's online total with facilityId null");
        }
        return new PoolKey(level.sku(), level.facilityId());
    }

    static String item(SupplyLine line) {
        return "supply line " + line.lineId() + " (sku " + line.sku() + ")";
    }

    static String item(PreOrder p) {
        return "pre-order " + p.orderId() + "/" + p.lineId() + " (sku " + p.sku() + ")";
    }

    static String item(StockLevel level) {
        return "stock level of sku " + level.sku() + (level.facilityId() == null ? "" : " at " + level.facilityId());
    }

    static String preOrderItem(String orderId, String lineId) {
        return "pre-order " + orderId + "/" + lineId;
    }
}
