package co.hotwax.preorder.examples.jdbc;

import java.util.regex.Pattern;

/** Checks a table prefix before it is pasted into SQL: letters, digits and underscores only. */
final class TablePrefix {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*|");

    private TablePrefix() {
    }

    static String require(String prefix) {
        if (prefix == null || !SAFE.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix \"" + prefix
                    + "\" must be empty or a letter followed by letters, digits and underscores");
        }
        return prefix;
    }
}
