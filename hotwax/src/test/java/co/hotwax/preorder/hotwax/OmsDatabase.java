package co.hotwax.preorder.hotwax;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A database holding the HotWax tables ({@link HotWaxTables}), empty when made: an in-memory H2 one, or a
 * schema of its own on the PostgreSQL server .ci/run starts (system properties {@code hotwax.pg.url},
 * {@code hotwax.pg.user}, {@code hotwax.pg.password}, set by the module's pom). A PostgreSQL test is skipped,
 * saying why, when no server answers there.
 */
final class OmsDatabase implements AutoCloseable {
    private final DataSource dataSource;
    private final String kind;
    private final Runnable dropper;

    private OmsDatabase(DataSource dataSource, String kind, Runnable dropper) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.dropper = dropper;
        execute(List.of(HotWaxTables.script()));
    }

    /** A new, empty in-memory H2 database. */
    static OmsDatabase h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:hotwax-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new OmsDatabase(ds, "H2", () -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new, empty schema on the PostgreSQL server; skips the test when none answers. */
    static OmsDatabase postgres() {
        String url = System.getProperty("hotwax.pg.url", "jdbc:postgresql://localhost:5432/preorder_sync_test");
        String schema = "hotwax_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setSslMode("disable");
        admin.setUser(System.getProperty("hotwax.pg.user", "preorder_sync"));
        admin.setPassword(System.getProperty("hotwax.pg.password", "preorder_sync"));
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL server at " + url + " (" + e.getMessage() + "); .ci/run starts one,"
                    + " or start yours and create the role and database it creates");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(admin.getUser());
        ds.setPassword(admin.getPassword());
        ds.setCurrentSchema(schema);
        ds.setSslMode("disable");
        ConnectionPool pool = new ConnectionPool(ds);
        return new OmsDatabase(pool, "PostgreSQL", () -> {
            try (pool; Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    DataSource dataSource() {
        return dataSource;
    }

    String kind() {
        return kind;
    }

    void execute(List<String> statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(kind + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dropper.run();
    }
}
