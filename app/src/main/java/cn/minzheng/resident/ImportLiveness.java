package cn.minzheng.resident;

import cn.minzheng.shared.AdvisoryLocks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which RUNNING imports still have a live instance behind them: the instance that queues an import holds a session
 * lock on it (on one connection, kept while it has imports queued or running) until its worker is done. A sweeper on
 * any instance that can take the lock knows the import's instance is gone — at once, however long the import waited
 * in a queue (issue 14 B13: they used to stay RUNNING for up to five minutes).
 */
@Component
class ImportLiveness {

    private static final Logger log = LoggerFactory.getLogger(ImportLiveness.class);

    private final DataSource dataSource;
    private final Set<Long> held = new HashSet<>();
    private Connection connection;

    ImportLiveness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized void hold(long importId) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            execute(
                    connection,
                    "select pg_advisory_lock(" + AdvisoryLocks.RESIDENT_IMPORT_LIVENESS + ", " + (int) importId + ")");
            held.add(importId);
        } catch (SQLException e) {
            // without the lock the import may be taken for dead by a sweeper: it then fails with a clear message
            log.warn("居民导入 {} 的运行标记未能设置：{}", importId, e.getMessage());
        }
    }

    synchronized void release(long importId) {
        if (!held.remove(importId) || connection == null) {
            return;
        }
        try {
            execute(
                    connection,
                    "select pg_advisory_unlock(" + AdvisoryLocks.RESIDENT_IMPORT_LIVENESS + ", " + (int) importId
                            + ")");
            if (held.isEmpty()) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            log.warn("居民导入 {} 的运行标记未能解除：{}", importId, e.getMessage());
        }
    }

    /** True when no instance holds the import (tried on a connection of its own, then let go again). */
    boolean abandoned(Connection probe, long importId) throws SQLException {
        try (Statement statement = probe.createStatement();
                var rs = statement.executeQuery("select pg_try_advisory_lock(" + AdvisoryLocks.RESIDENT_IMPORT_LIVENESS
                        + ", " + (int) importId + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
        }
        execute(
                probe,
                "select pg_advisory_unlock(" + AdvisoryLocks.RESIDENT_IMPORT_LIVENESS + ", " + (int) importId + ")");
        return true;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
