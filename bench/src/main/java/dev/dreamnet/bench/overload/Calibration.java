package dev.dreamnet.bench.overload;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The target's unit of work, and its capacity measured in a closed loop: twice as many threads as the pool has
 * connections each run the work back to back for a while, with no HTTP in the way. Stateless.
 */
final class Calibration {

    /** One connection from the pool for 10 ms of database time: the pool bounds what the routes can serve. */
    static final String WORK = "SELECT pg_sleep(0.01)";

    private Calibration() {
    }

    static void work(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(WORK);
        }
    }

    /** Units of work per second the pool sustains with {@code threads} callers for {@code millis}. */
    static double capacity(DataSource pool, int threads, long millis) throws InterruptedException {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + millis * 1_000_000L;
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread caller = new Thread(() -> {
                while (System.nanoTime() - end < 0) {
                    try {
                        work(pool);
                        done.increment();
                    } catch (SQLException e) {
                        throw new IllegalStateException("calibration: " + WORK + " failed", e);
                    }
                }
            }, "calibration-" + i);
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return done.sum() * 1000.0 / millis;
    }
}
