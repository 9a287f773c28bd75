package cn.minzheng.procedure;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each test, retires the idle connections of the context's pool. The shared test support replaces a context's
 * database before every test class (drop … with (force) and re-create from the template); a connection the pool opened
 * to the old database during the swap is dead, and Hikari hands out a connection used within the last 500 ms without
 * checking it. Retiring idle connections makes the first query of a class open a fresh one. (A fix belongs in
 * {@code cn.minzheng.test.TestPostgres#freshDatabase}: soft-evict after the new database exists, before resuming.)
 */
class FreshPool implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context)
                .getBean(HikariDataSource.class)
                .getHikariPoolMXBean()
                .softEvictConnections();
    }
}
