package cn.minzheng.test;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs SQL as the superuser on the test's own database: for arranging what the application role may not do. */
public final class TestPostgresSql {

    private TestPostgresSql() {}

    public static void execute(JdbcTemplate appJdbc, String sql) {
        String database = databaseOf(appJdbc.getDataSource());
        try (Connection connection = TestPostgres.get().superuser(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A single value read as the superuser, outside row-level security. */
    public static <T> T queryForObject(JdbcTemplate appJdbc, String sql, Class<T> type, Object... args) {
        String database = databaseOf(appJdbc.getDataSource());
        try (Connection connection = TestPostgres.get().superuser(database);
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row: " + sql);
                }
                return rows.getObject(1, type);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static String databaseOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getCatalog();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
