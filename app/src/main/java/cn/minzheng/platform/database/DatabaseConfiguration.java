package cn.minzheng.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/** The two ways into the database: the owner for Flyway, the application role (pooled) for everything else. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(
            DatabaseProperties properties,
            @Value("${minzheng.data-dir}") Path dataDir,
            @Value("${minzheng.command:}") String command) {
        return DatabaseServer.open(properties, dataDir.toAbsolutePath().normalize(), !command.isEmpty());
    }

    @Bean
    DatabaseAccess databaseAccess(DatabaseServer server) {
        return server.access();
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseAccess access, DatabaseProperties properties) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("minzheng");
        config.setJdbcUrl(access.jdbcUrl());
        config.setUsername(access.appUser());
        config.setPassword(access.appPassword());
        config.setMaximumPoolSize(properties.poolSize());
        config.setAllowPoolSuspension(properties.allowPoolSuspension());
        // A database that does not answer costs a request a few seconds and a clear message, not half a minute.
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "minzheng");
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection()) {
            Roles.assertCannotBypassRowSecurity(connection, access.ownerUser());
        } catch (RuntimeException | SQLException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseAccess access) {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(), access.jdbcUrl(), access.ownerUser(), access.ownerPassword());
    }

    /** Migrations grant table rights to the application role by name: {@code ${appRole}}. */
    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(DatabaseAccess access) {
        return configuration -> configuration.placeholders(Map.of("appRole", access.appUser()));
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new ScopedTransactionManager(dataSource);
    }
}
