package cn.minzheng.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code database} part of {@code /actuator/health} (instead of Spring Boot's, switched off): DOWN at once while the
 * embedded server is dead or restarting, otherwise whether a pooled connection answers within the pool's timeout.
 * Also stops the platform when the embedded server cannot be restarted, with the reason in the log.
 */
@Component
class DatabaseHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealthIndicator.class);

    private final DatabaseServer server;
    private final DataSource dataSource;

    DatabaseHealthIndicator(DatabaseServer server, DataSource dataSource) {
        this.server = server;
        this.dataSource = dataSource;
        server.onLost(() -> {
            log.error("平台因内置 PostgreSQL 无法恢复而停止（退出码 3）");
            System.exit(3);
        });
    }

    @Override
    public Health health() {
        if (!server.available()) {
            return Health.down()
                    .withDetail("database", "内置 PostgreSQL 已停止，正在重新启动")
                    .build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2)
                    ? Health.up().build()
                    : Health.down().withDetail("database", "数据库没有应答").build();
        } catch (SQLException e) {
            return Health.down().withDetail("database", "数据库无法连接").build();
        }
    }
}
