package cn.minzheng.verification.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens a finished store file for reading only, as a long-running process (the platform) does: several runs share one
 * database instance through {@code duplicate()}d connections, each with its own temp tables, while the file itself is
 * never changed. A new store is built beside it ({@link StoreBuilder}) and opened in its turn.
 */
public final class ReadOnlyStore {

    private ReadOnlyStore() {}

    /**
     * @param memoryLimit DuckDB's memory cap (e.g. {@code 512MB}), or null for the engine's default
     * @param threads DuckDB's worker threads, or 0 for one per processor
     */
    public static Connection open(Path databaseFile, String memoryLimit, int threads) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DuckDB JDBC driver missing from the class path", e);
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit='"
                    + (memoryLimit == null ? Store.memoryLimit() : memoryLimit.replace("'", "")) + "'");
            statement.execute("SET threads="
                    + (threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
            statement.execute("SET preserve_insertion_order=false");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
