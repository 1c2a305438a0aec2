package co.hotwax.preorder.cli.csv.internal;

import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.cli.source.SourceUnavailableException;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the records of a receipts file into supply lines. The header names the columns (any order, any case);
 * without a {@code receipt_id} column each row is a manual cap and its id is made from sku, facility and date.
 */
public final class ReceiptParser {
    /** Every column the file may have. */
    public static final List<String> COLUMNS = List.of("receipt_id", "document", "sku", "facility", "quantity",
            "expected_date", "received", "cancelled", "status", "buffer");
    private static final List<String> REQUIRED = List.of("sku", "quantity", "expected_date");

    private final String fileName;
    private final boolean strict;
    private final String defaultFacility;

    /**
     * Creates a parser.
     *
     * @param fileName the file's name, put in every message
     * @param strict whether the first bad row throws instead of being reported
     * @param defaultFacility the facility of rows without one, or null to require one
     */
    public ReceiptParser(String fileName, boolean strict, String defaultFacility) {
        this.fileName = fileName;
        this.strict = strict;
        this.defaultFacility = defaultFacility;
    }

    /**
     * Parses a whole file.
     *
     * @param records the file's records, header first
     * @return the good lines and the refused rows
     * @throws SourceUnavailableException when the header is missing or wrong: no row can be read
     * @throws InvalidInputException in strict mode, at the first bad row
     */
    public ReceiptRows parse(List<CsvRecord> records) {
        if (records.isEmpty()) {
            throw new SourceUnavailableException(fileName + " has no header row; expected columns from "
                    + COLUMNS, null);
        }
        Map<String, Integer> header = header(records.get(0));
        Map<String, SupplyLine> lines = new LinkedHashMap<>();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            Row row = new Row(record, header);
            try {
                SupplyLine line = row.toLine();
                Integer first = firstLineOfId.putIfAbsent(line.lineId(), record.line());
                if (first != null) {
                    throw new RowException("receipt \"" + line.lineId() + "\" already appears on line " + first);
                }
                lines.put(line.lineId(), line);
            } catch (RowException | InvalidInputException e) {
                refuse(errors, record, e.getMessage());
            }
        }
        return new ReceiptRows(lines, errors);
    }

    private void refuse(List<RowError> errors, CsvRecord record, String reason) {
        RowError error = new RowError(fileName, "line " + record.line(), reason);
        if (strict) {
            throw new InvalidInputException(fileName + " line " + record.line(), reason);
        }
        errors.add(error);
    }

    private Map<String, Integer> header(CsvRecord record) {
        String where = fileName + " line " + record.line() + " (header): ";
        if (record.syntaxError() != null) {
            throw new SourceUnavailableException(where + record.syntaxError(), null);
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < record.fields().size(); i++) {
            String name = record.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new SourceUnavailableException(where + "unknown column \"" + record.fields().get(i)
                        + "\"; known columns are " + COLUMNS, null);
            }
            if (header.putIfAbsent(name, i) != null) {
                throw new SourceUnavailableException(where + "column \"" + name + "\" appears twice", null);
            }
        }
        for (String required : REQUIRED) {
            if (!header.containsKey(required)) {
                throw new SourceUnavailableException(where + "required column \"" + required + "\" is missing",
                        null);
            }
        }
        return header;
    }

    /** A row problem found before a supply line could be built; its message is the reason alone. */
    private static final class RowException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One data record read through the header. */
    private final class Row {
        private final CsvRecord record;
        private final Map<String, Integer> header;

        Row(CsvRecord record, Map<String, Integer> header) {
            this.record = record;
            this.header = header;
        }

        SupplyLine toLine() {
            if (record.syntaxError() != null) {
                throw new RowException(record.syntaxError());
            }
            if (record.fields().size() != headerSize()) {
                throw new RowException("has " + record.fields().size() + " fields but the header has "
                        + headerSize());
            }
            String sku = text("sku");
            if (sku == null) {
                throw new RowException("sku is missing");
            }
            String facility = facility();
            if (facility == null) {
                throw new RowException("facility is missing and no default facility is configured");
            }
            long quantity = quantity("quantity", null);
            LocalDate eta = date();
            String id = header.containsKey("receipt_id") ? text("receipt_id") : capId(sku, facility, eta);
            if (id == null) {
                throw new RowException("receipt_id is missing");
            }
            String document = text("document");
            return new SupplyLine(id, document == null ? id : document, sku, facility, quantity,
                    quantity("received", 0L), quantity("cancelled", 0L), eta, status(), quantity("buffer", 0L));
        }

        private int headerSize() {
            return header.size();
        }

        private String text(String column) {
            Integer index = header.get(column);
            if (index == null) {
                return null;
            }
            String value = record.fields().get(index).trim();
            return value.isEmpty() ? null : value;
        }

        private String facility() {
            String facility = text("facility");
            return facility == null ? defaultFacility : facility;
        }

        private long quantity(String column, Long absent) {
            String value = text(column);
            if (value == null) {
                if (absent == null) {
                    throw new RowException(column + " is missing");
                }
                return absent;
            }
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new RowException(column + " \"" + value + "\" is not a whole number");
            }
            if (parsed < 0) {
                throw new RowException(column + " \"" + value + "\" must not be negative");
            }
            return parsed;
        }

        private LocalDate date() {
            String value = text("expected_date");
            if (value == null) {
                throw new RowException("expected_date is missing");
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new RowException("expected_date \"" + value + "\" is not a date in yyyy-MM-dd form");
            }
        }

        private SupplyStatus status() {
            String value = text("status");
            if (value == null) {
                return SupplyStatus.OPEN;
            }
            try {
                return SupplyStatus.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowException("status \"" + value + "\" must be one of OPEN, CLOSED, CANCELLED");
            }
        }
    }

    /**
     * The id of a manual-cap row, which has no receipt id of its own. Moving the date makes a new cap and cancels
     * the old one, which is what moving a cap means.
     */
    static String capId(String sku, String facility, LocalDate eta) {
        return "cap:" + sku + "/" + facility + "/" + eta;
    }
}
