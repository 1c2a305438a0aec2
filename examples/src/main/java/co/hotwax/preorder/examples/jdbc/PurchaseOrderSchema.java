package co.hotwax.preorder.examples.jdbc;

import co.hotwax.preorder.cli.source.SourceUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The example purchase-order schema ({@code schema.sql} in this package): {@code purchase_order},
 * {@code purchase_order_item} and the {@code po_change_seq} sequence, each name with an optional prefix.
 */
public final class PurchaseOrderSchema {
    private static final String RESOURCE = "schema.sql";

    private PurchaseOrderSchema() {
    }

    /**
     * The schema's statements with the prefix applied.
     *
     * @param tablePrefix letters, digits and underscores, or empty
     * @return the DDL statements, in order
     */
    public static List<String> statements(String tablePrefix) {
        String prefix = TablePrefix.require(tablePrefix);
        String script;
        try (InputStream in = PurchaseOrderSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1).replace("${prefix}", prefix));
                current.setLength(0);
            }
        }
        return statements;
    }

    /**
     * Creates the tables and the sequence.
     *
     * @param dataSource where to create them
     * @param tablePrefix letters, digits and underscores, or empty
     * @throws SourceUnavailableException when the database refuses a statement
     */
    public static void install(DataSource dataSource, String tablePrefix) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements(tablePrefix)) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new SourceUnavailableException("cannot create the purchase-order schema: " + e.getMessage(), e);
        }
    }
}
