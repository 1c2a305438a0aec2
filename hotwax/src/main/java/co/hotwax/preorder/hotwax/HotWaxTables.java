package co.hotwax.preorder.hotwax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The HotWax tables the sources read, reduced to the columns they use, as one SQL script (H2 and PostgreSQL
 * accept it as it is): for tests, demos and a seeded database. A real OMS has these tables already; its script's
 * last statements are the {@code LAST_UPDATED_STAMP} indexes the change feeds want there too.
 *
 * @since 0.1.0
 */
public final class HotWaxTables {
    private static final String RESOURCE = "hotwax-tables.sql";

    private HotWaxTables() {
    }

    /**
     * The script, without its comment lines: {@code CREATE TABLE} and {@code CREATE INDEX} statements separated by
     * semicolons.
     *
     * @return the script
     * @throws UncheckedIOException when the resource cannot be read (a broken jar)
     */
    public static String script() {
        try (InputStream in = HotWaxTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
