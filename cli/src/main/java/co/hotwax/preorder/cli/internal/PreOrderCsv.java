package co.hotwax.preorder.cli.internal;

import co.hotwax.preorder.cli.source.RowError;
import co.hotwax.preorder.cli.source.SourceUnavailableException;
import co.hotwax.preorder.cli.csv.internal.CsvReader;
import co.hotwax.preorder.cli.csv.internal.CsvRecord;
import co.hotwax.preorder.spi.InvalidInputException;
import co.hotwax.preorder.spi.PreOrder;
import co.hotwax.preorder.spi.PreOrderStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads pre-orders already taken from a CSV file (UTF-8, RFC 4180, through the examples' {@link CsvReader}). The
 * header names the columns in any order and case: {@code order_id, line_id, sku, quantity, placed_at, channel}
 * are required, {@code status} (OPEN, RELEASED, CANCELLED, RETURNED; default OPEN) is optional. A bad row is
 * reported with its line and reason and skipped, or, in strict mode, stops the read.
 */
public final class PreOrderCsv {
    /** Every column the file may have. */
    public static final List<String> COLUMNS = List.of("order_id", "line_id", "sku", "quantity", "placed_at",
            "channel", "status");

    private PreOrderCsv() {
    }

    /**
     * What one read produced.
     *
     * @param preOrders the good rows, in file order
     * @param errors the refused rows, in file order
     */
    public record Rows(List<PreOrder> preOrders, List<RowError> errors) {
        /** Copies both lists. */
        public Rows {
            preOrders = List.copyOf(preOrders);
            errors = List.copyOf(errors);
        }
    }

    /**
     * Reads the file.
     *
     * @param file the CSV file
     * @param strict whether the first bad row throws
     * @return the pre-orders and the refused rows
     * @throws SourceUnavailableException when the file cannot be read or its header is wrong
     * @throws InvalidInputException in strict mode, at the first bad row, naming the file and line
     */
    public static Rows read(Path file, boolean strict) {
        String name = String.valueOf(file.getFileName());
        List<CsvRecord> records;
        try {
            records = CsvReader.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read pre-order file " + file + ": " + e, e);
        }
        if (records.isEmpty()) {
            throw new SourceUnavailableException(name + " has no header row; expected columns " + COLUMNS, null);
        }
        Map<String, Integer> header = header(name, records.get(0));
        List<PreOrder> preOrders = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            try {
                preOrders.add(row(record, header));
            } catch (InvalidInputException | IllegalArgumentException e) {
                if (strict) {
                    throw new InvalidInputException(name + " line " + record.line(), e.getMessage());
                }
                errors.add(new RowError(name, "line " + record.line(), e.getMessage()));
            }
        }
        return new Rows(preOrders, errors);
    }

    private static Map<String, Integer> header(String name, CsvRecord record) {
        String where = name + " line " + record.line() + " (header): ";
        if (record.syntaxError() != null) {
            throw new SourceUnavailableException(where + record.syntaxError(), null);
        }
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < record.fields().size(); i++) {
            String column = record.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                throw new SourceUnavailableException(where + "unknown column \"" + record.fields().get(i)
                        + "\"; known columns are " + COLUMNS, null);
            }
            if (header.putIfAbsent(column, i) != null) {
                throw new SourceUnavailableException(where + "column \"" + column + "\" appears twice", null);
            }
        }
        for (String required : COLUMNS.subList(0, COLUMNS.size() - 1)) {
            if (!header.containsKey(required)) {
                throw new SourceUnavailableException(where + "required column \"" + required + "\" is missing", null);
            }
        }
        return header;
    }

    /** One data row; an {@link IllegalArgumentException} carries a reason alone, without the line. */
    private static PreOrder row(CsvRecord record, Map<String, Integer> header) {
        if (record.syntaxError() != null) {
            throw new IllegalArgumentException(record.syntaxError());
        }
        if (record.fields().size() != header.size()) {
            throw new IllegalArgumentException("has " + record.fields().size() + " fields but the header has "
                    + header.size());
        }
        long units = parsed(text(record, header, "quantity"), Long::parseLong, "quantity", "a whole number");
        Instant placedAt = parsed(text(record, header, "placed_at"), Instant::parse, "placed_at",
                "an instant like 2026-05-01T10:00:00Z");
        String status = header.containsKey("status") ? text(record, header, "status") : "";
        PreOrderStatus state = status.isEmpty() ? PreOrderStatus.OPEN : parsed(status,
                s -> PreOrderStatus.valueOf(s.toUpperCase(Locale.ROOT)), "status", "one of OPEN, RELEASED, CANCELLED, RETURNED");
        // PreOrder's own constructor names the item and the reason for a missing id or a bad quantity.
        return new PreOrder(text(record, header, "order_id"), text(record, header, "line_id"), text(record, header, "sku"),
                units, placedAt, text(record, header, "channel"), state, null, null);
    }

    /** Parses a cell; a failure becomes a reason naming the column, the value and what was expected. */
    private static <T> T parsed(String value, Function<String, T> parser, String column, String expected) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(column + " \"" + value + "\" is not " + expected);
        }
    }

    private static String text(CsvRecord record, Map<String, Integer> header, String column) {
        return record.fields().get(header.get(column)).trim();
    }
}
