package dev.dreamnet.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real {@link DataSource} (an embedded database, say) whose connections can be lost on cue, as a
 * pool's connections are when {@code pg_terminate_backend} ends their backends: {@link #loseNext}
 * hands out connections whose every statement and commit fails with SQLState 57P01, and
 * {@link #loseNextCommitAnswer} lets the next commit happen and then fails it, the case where only
 * the answer is lost. Counts the connections handed out. Thread-safe.
 */
public final class LosingDataSource implements DataSource {

    /** What PostgreSQL answers on a terminated backend. */
    public static final String TERMINATED = "57P01";
    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final DataSource real;
    private final AtomicInteger toLose = new AtomicInteger();
    private final AtomicBoolean loseCommitAnswer = new AtomicBoolean();
    private final AtomicInteger handedOut = new AtomicInteger();

    public LosingDataSource(DataSource real) {
        this.real = real;
    }

    /** The next {@code count} connections handed out are lost already. */
    public void loseNext(int count) {
        toLose.set(count);
    }

    /** The next commit is made, and then fails as if the connection had been lost before its answer came. */
    public void loseNextCommitAnswer() {
        loseCommitAnswer.set(true);
    }

    /** Connections handed out so far. */
    public int handedOut() {
        return handedOut.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = real.getConnection();
        handedOut.incrementAndGet();
        boolean lost = toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Handler(connection, lost));
    }

    private final class Handler implements InvocationHandler {
        private final Connection real;
        private final boolean lost;

        Handler(Connection real, boolean lost) {
            this.real = real;
            this.lost = lost;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (lost && (STATEMENTS.contains(name) || name.equals("commit") || name.equals("rollback"))) {
                throw terminated();
            }
            Object result = call(method, args);
            if (name.equals("commit") && loseCommitAnswer.compareAndSet(true, false)) {
                throw terminated();
            }
            return result;
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static SQLException terminated() {
        return new SQLException("FATAL: terminating connection due to administrator command", TERMINATED);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("LosingDataSource hands out its own connections only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("LosingDataSource wraps nothing it can hand out");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
