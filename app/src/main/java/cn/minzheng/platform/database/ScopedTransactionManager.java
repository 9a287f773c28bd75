package cn.minzheng.platform.database;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.shared.DataScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Hands the current data scope to PostgreSQL at the start of every transaction ({@code set_config(..., true)} is
 * {@code SET LOCAL}: it ends with the transaction, so a pooled connection never carries one user's scope to the next).
 * Row-level security policies read it; outside a transaction, or with no scope, scoped tables show no rows.
 */
class ScopedTransactionManager extends JdbcTransactionManager {

    static final String SCOPE_SETTING = "minzheng.scope";

    ScopedTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        String scope = DataScopes.current().map(DataScope::code).orElse("");
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
            statement.setString(1, SCOPE_SETTING);
            statement.setString(2, scope);
            statement.execute();
        }
    }
}
