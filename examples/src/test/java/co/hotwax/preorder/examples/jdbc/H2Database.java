package co.hotwax.preorder.examples.jdbc;

import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh in-memory H2 database per test, with the purchase-order schema installed. */
final class H2Database implements AutoCloseable {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    H2Database(String name, String tablePrefix) {
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        PurchaseOrderSchema.install(dataSource, tablePrefix);
    }

    JdbcDataSource dataSource() {
        return dataSource;
    }

    /** Runs raw SQL, the way a careless writer might, to put bad rows in. */
    void execute(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
