package co.hotwax.preorder.cli.csv.internal;

import java.util.List;

/**
 * One CSV record as read, before any meaning is given to it.
 *
 * @param line the 1-based line of the file where the record starts (a quoted field may span lines)
 * @param fields the fields, unquoted
 * @param syntaxError why the record is malformed, or null when it is well formed
 */
public record CsvRecord(int line, List<String> fields, String syntaxError) {
    /**
     * Copies the fields.
     *
     * @throws IllegalArgumentException when fields is null or line is not positive
     */
    public CsvRecord {
        if (line < 1 || fields == null) {
            throw new IllegalArgumentException("a record needs a positive line and fields");
        }
        fields = List.copyOf(fields);
    }

    /**
     * Whether this record swallowed the rest of the file: a quoted field opened in it is never closed.
     *
     * @return true for that structural error
     */
    public boolean swallowsTheRest() {
        return CsvReader.UNCLOSED_QUOTE.equals(syntaxError);
    }
}
