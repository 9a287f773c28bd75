package cn.minzheng.verification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.LongToIntFunction;
import javax.sql.DataSource;

/**
 * Work left unfinished by an instance that died: its row still says it is running, but the session-level advisory
 * lock its worker held is free. Shared by the deliveries' loads and the batches, each with its own lock space.
 */
final class AbandonedWork {

    private AbandonedWork() {}

    /**
     * For each candidate whose lock can be taken, calls {@code markFailed} while holding it (so a worker starting it
     * right now waits), then releases the lock; returns the sum of what {@code markFailed} returned.
     */
    static int mark(DataSource dataSource, int lockSpace, List<Long> candidates, LongToIntFunction markFailed)
            throws SQLException {
        int marked = 0;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            for (long id : candidates) {
                if (!tryLock(lock, lockSpace, (int) id)) {
                    continue;
                }
                try {
                    marked += markFailed.applyAsInt(id);
                } finally {
                    Deliveries.advisory(lock, "pg_advisory_unlock", lockSpace, (int) id);
                }
            }
        }
        return marked;
    }

    private static boolean tryLock(Connection connection, int space, int key) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("select pg_try_advisory_lock(" + space + ", " + key + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
