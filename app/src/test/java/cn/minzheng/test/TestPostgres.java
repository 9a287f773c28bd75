package cn.minzheng.test;

import cn.minzheng.platform.database.EmbeddedPostgres;
import cn.minzheng.platform.database.Secrets;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL per test JVM (architecture §4). Each Spring context gets its own database; before each test
 * class that database is dropped and re-created from a template taken right after the context started (migrated,
 * reference data loaded), so every test class starts from the same state.
 */
public final class TestPostgres {

    public static final String OWNER = "mz_owner";
    public static final String APP = "mz_app";

    private static TestPostgres instance;

    private final EmbeddedPostgres server;
    private final String ownerPassword = Secrets.generate(24);
    private final String appPassword = Secrets.generate(24);
    private final AtomicInteger databases = new AtomicInteger();
    private final Set<String> templated = new HashSet<>();

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPostgres start() {
        Path target = Path.of("target").toAbsolutePath();
        Path dataDir = target.resolve("test-pg/" + ProcessHandle.current().pid());
        try {
            deleteTree(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        EmbeddedPostgres server = EmbeddedPostgres.start(new EmbeddedPostgres.Settings(
                dataDir,
                target.resolve("pg-dist"),
                target.resolve("test-logs/postgres-" + ProcessHandle.current().pid() + ".log"),
                Secrets.generate(24),
                0,
                "nobody",
                "nogroup",
                false,
                false));
        TestPostgres postgres = new TestPostgres(server);
        postgres.provisionRoles();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                deleteTree(dataDir);
            } catch (IOException ignored) {
                // left for the next run's clean-up
            }
        }));
        return postgres;
    }

    private void provisionRoles() {
        try (Connection admin = server.superuserConnection("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("create role " + OWNER + " login password '" + ownerPassword + "'");
            statement.execute("create role " + APP + " login password '" + appPassword + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public EmbeddedPostgres server() {
        return server;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appPassword() {
        return appPassword;
    }

    public String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    /** A new empty database owned by the owner role, for one Spring context. */
    public String createDatabase() {
        String name = "mz_test_" + databases.incrementAndGet();
        execute("postgres", "create database " + name + " owner " + OWNER);
        return name;
    }

    public Connection superuser(String database) throws SQLException {
        return server.superuserConnection(database);
    }

    /**
     * Before a test class: the first time, keep the context's freshly started database as the template; afterwards,
     * replace the database by a copy of the template. The pool is suspended meanwhile, so no request sees a half-made
     * database.
     */
    public synchronized void freshDatabase(String database, HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        bean.suspendPool();
        try {
            bean.softEvictConnections();
            String template = database + "_template";
            if (templated.add(database)) {
                execute(
                        "postgres",
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                                + "' and pid <> pg_backend_pid()");
                execute("postgres", "create database " + template + " template " + database + " owner " + OWNER);
            } else {
                execute("postgres", "drop database " + database + " with (force)");
                execute("postgres", "create database " + database + " template " + template + " owner " + OWNER);
            }
            // The pool may have opened connections to the old database meanwhile (it keeps its minimum idle).
            bean.softEvictConnections();
        } finally {
            bean.resumePool();
        }
    }

    private void execute(String database, String sql) {
        try (Connection connection = server.superuserConnection(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
