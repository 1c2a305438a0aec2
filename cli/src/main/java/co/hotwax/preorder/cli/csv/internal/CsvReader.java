package co.hotwax.preorder.cli.csv.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC-4180 text into records: comma separated, fields optionally in double quotes, a quote inside a quoted
 * field doubled, line breaks (LF or CRLF) allowed inside quotes. Blank lines are skipped. A malformed record is
 * returned with its error instead of stopping the read, so one typo costs one row, not the file.
 */
public final class CsvReader {
    /**
     * The error of a record whose quoted field is never closed: the reader took every later line into it, so the
     * records after it are lost, not just this one.
     */
    public static final String UNCLOSED_QUOTE = "a quoted field is not closed";

    private final String text;
    private int pos;
    private int line = 1;

    private CsvReader(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Reads every record.
     *
     * @param text the whole file
     * @return the records in file order, each with its starting line
     */
    public static List<CsvRecord> read(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        return new CsvReader(text).readAll();
    }

    private List<CsvRecord> readAll() {
        List<CsvRecord> records = new ArrayList<>();
        while (pos < text.length()) {
            int start = line;
            List<String> fields = new ArrayList<>();
            String error = readRecord(fields);
            boolean blank = error == null && fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                records.add(new CsvRecord(start, fields, error));
            }
        }
        return records;
    }

    /** Reads fields up to and including the end of the record; returns the syntax error, if any. */
    private String readRecord(List<String> fields) {
        while (true) {
            String error = pos < text.length() && text.charAt(pos) == '"' ? readQuoted(fields) : readPlain(fields);
            if (error != null) {
                skipRestOfLine();
                return error;
            }
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            endOfLine();
            return null;
        }
    }

    private String readPlain(List<String> fields) {
        int from = pos;
        while (pos < text.length() && !isSeparator(text.charAt(pos))) {
            if (text.charAt(pos) == '"') {
                return "a field containing a quote must itself be quoted, with the quote doubled";
            }
            pos++;
        }
        fields.add(text.substring(from, pos));
        return null;
    }

    private String readQuoted(List<String> fields) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                return UNCLOSED_QUOTE;
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
        }
        if (pos < text.length() && !isSeparator(text.charAt(pos))) {
            return "unexpected text after a closing quote";
        }
        fields.add(value.toString());
        return null;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private void endOfLine() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
            line++;
        }
    }

    private void skipRestOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
        endOfLine();
    }
}
