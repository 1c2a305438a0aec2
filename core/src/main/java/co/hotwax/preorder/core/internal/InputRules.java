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
 *
 * <p>Identifiers (SKUs, order, line, PO, facility and channel ids) are at most {@value #MAX_ID_LENGTH} characters
 * with no control or format characters (no NUL, CR/LF, tab, zero-width or bidirectional override): they are sent
 * to Shopify's search and written to logs, where such characters change what is matched or shown. 255 is Shopify's
 * own limit for a variant's SKU field.
 */
final class InputRules {
    /** Earliest plausible ETA; anything before is a data error (e.g. a zero date). */
    static final LocalDate MIN_ETA = LocalDate.of(1900, 1, 1);
    /** Latest date a promise date may take (ETA plus the promise buffer days). */
    static final LocalDate MAX_ETA = LocalDate.of(9999, 12, 31);
    /** The most characters of an identifier. */
    static final int MAX_ID_LENGTH = 255;
    /** The most characters of a value quoted in an error message. */
    private static final int SHOWN_LENGTH = 40;

    private final boolean perFacility;
    private final int promiseBufferDays;
    private final LocalDate maxEta;

    InputRules(BookPolicy policy) {
        this.perFacility = policy.perFacility();
        this.promiseBufferDays = policy.promiseBufferDays();
        this.maxEta = MAX_ETA.minusDays(promiseBufferDays);
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
        if (!validKey(line.lineId()) || !validKey(line.poId()) || !validKey(line.sku())
                || !validKey(line.facilityId())) {
            String item = item(line);
            requireKey(item, "lineId", line.lineId());
            requireKey(item, "poId", line.poId());
            requireKey(item, "sku", line.sku());
            requireKey(item, "facilityId", line.facilityId());
        }
        LocalDate eta = line.eta();
        if (eta.isBefore(MIN_ETA) || eta.isAfter(maxEta)) {
            throw new InvalidInputException(item(line), "eta " + eta + " is not a possible date (expected "
                    + MIN_ETA + ".." + maxEta + (promiseBufferDays == 0 ? "" : ", so that the " + promiseBufferDays
                    + " promise buffer days end by " + MAX_ETA) + ")");
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
        if (!validKey(p.orderId()) || !validKey(p.lineId()) || !validKey(p.sku()) || !validKey(p.channel())
                || !validKey(p.facilityId()) || !validKey(p.pinnedLineId())) {
            String item = item(p);
            requireKey(item, "orderId", p.orderId());
            requireKey(item, "lineId", p.lineId());
            requireKey(item, "sku", p.sku());
            requireKey(item, "channel", p.channel());
            requireKey(item, "facilityId", p.facilityId());
            requireKey(item, "pinnedLineId", p.pinnedLineId());
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
        if (!validKey(level.sku()) || !validKey(level.facilityId())) {
            requireKey(item(level), "sku", level.sku());
            requireKey(item(level), "facilityId", level.facilityId());
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

    /** Whether an identifier (or an absent optional one) passes {@link #requireKey}; allocates nothing. */
    static boolean validKey(String value) {
        if (value == null) {
            return true;
        }
        if (value.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isHidden(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks an identifier the SPI value already found present: length and characters.
     *
     * @param value the identifier, or null when the field is optional and absent
     * @throws InvalidInputException naming the item, the field and what is wrong
     */
    static void requireKey(String item, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(item, field + " has " + value.length() + " characters; at most "
                    + MAX_ID_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isHidden(c)) {
                throw new InvalidInputException(item, field + " contains the control or format character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
    }

    /**
     * A value as an error message may quote it: at most {@value #SHOWN_LENGTH} characters, hidden characters
     * written as {@code <U+XXXX>}, so a bad value cannot flood or forge a log line.
     */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), SHOWN_LENGTH) + 16);
        int end = Math.min(value.length(), SHOWN_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (isHidden(c)) {
                out.append(String.format("<U+%04X>", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < value.length()) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    private static boolean isHidden(char c) {
        if (c < 0x20 || c == 0x7F) {
            return true;
        }
        if (c < 0x80) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    static String item(SupplyLine line) {
        return "supply line " + shown(line.lineId()) + " (sku " + shown(line.sku()) + ")";
    }

    static String item(PreOrder p) {
        return "pre-order " + shown(p.orderId()) + "/" + shown(p.lineId()) + " (sku " + shown(p.sku()) + ")";
    }

    static String item(StockLevel level) {
        return "stock level of sku " + shown(level.sku())
                + (level.facilityId() == null ? "" : " at " + shown(level.facilityId()));
    }

    static String preOrderItem(String orderId, String lineId) {
        return "pre-order " + shown(orderId) + "/" + shown(lineId);
    }
}
