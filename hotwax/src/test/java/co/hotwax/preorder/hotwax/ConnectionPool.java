package co.hotwax.preorder.hotwax;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps closed connections open for reuse, as the OMS's own pool does: opening a PostgreSQL connection (TCP,
 * SCRAM) costs far more than the queries under test. A returned connection is rolled back and set to
 * auto-commit. Test-only and minimal: no limits, no validation.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private final DataSource target;
    private final Deque<Connection> idle = new ArrayDeque<>();

    ConnectionPool(DataSource target) {
        this.target = target;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        Connection real = idle.isEmpty() ? target.getConnection() : idle.pop();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        giveBack(real);
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private synchronized void giveBack(Connection real) throws SQLException {
        if (!real.getAutoCommit()) {
            real.rollback();
            real.setAutoCommit(true);
        }
        idle.push(real);
    }

    @Override
    public synchronized void close() throws SQLException {
        while (!idle.isEmpty()) {
            idle.pop().close();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one user per pool");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the target's
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
