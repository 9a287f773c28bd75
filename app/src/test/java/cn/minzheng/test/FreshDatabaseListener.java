package cn.minzheng.test;

import cn.minzheng.platform.database.DatabaseAccess;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Gives every test class a fresh copy of its context's database (see {@link TestPostgres#freshDatabase}). */
public class FreshDatabaseListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestClass(TestContext testContext) {
        var context = testContext.getApplicationContext();
        DatabaseAccess access = context.getBean(DatabaseAccess.class);
        String url = access.jdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1);
        TestPostgres.get().freshDatabase(database, context.getBean(HikariDataSource.class));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
