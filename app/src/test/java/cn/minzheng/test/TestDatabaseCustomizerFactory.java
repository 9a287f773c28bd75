package cn.minzheng.test;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points every Spring test context at its own database on the JVM's embedded PostgreSQL. */
public class TestDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPostgres postgres = TestPostgres.get();
            String database = postgres.createDatabase();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "minzheng-test-database",
                            Map.of(
                                    "minzheng.db.url",
                                    postgres.jdbcUrl(database),
                                    "minzheng.db.user",
                                    TestPostgres.OWNER,
                                    "minzheng.db.password",
                                    postgres.ownerPassword(),
                                    "minzheng.db.app-user",
                                    TestPostgres.APP,
                                    "minzheng.db.app-password",
                                    postgres.appPassword(),
                                    "minzheng.db.allow-pool-suspension",
                                    "true")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
