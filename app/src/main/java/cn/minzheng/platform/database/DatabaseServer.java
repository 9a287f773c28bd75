package cn.minzheng.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the platform runs on: its own embedded PostgreSQL (default) or an external server. Either way it
 * yields a {@link DatabaseAccess} whose application role exists and cannot bypass row-level security.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
    static final String EMBEDDED_OWNER = "minzheng_owner";
    static final String EMBEDDED_APP = "minzheng_app";

    private final DatabaseAccess access;
    private final EmbeddedPostgres embedded;
    private volatile boolean restarting;
    private volatile Runnable onLost = () -> {};

    private DatabaseServer(DatabaseAccess access, EmbeddedPostgres embedded) {
        this.access = access;
        this.embedded = embedded;
        if (embedded != null) {
            embedded.onUnexpectedExit(this::restartAfter);
        }
    }

    public DatabaseAccess access() {
        return access;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * False from the moment the embedded server is found dead until it runs again: requests are answered at once
     * instead of waiting for connections that cannot come. Always true for an external server (its outages show as
     * connection errors after the pool's short timeout).
     */
    public boolean available() {
        return embedded == null || (!restarting && embedded.running());
    }

    /** What to do when the embedded server cannot be restarted: the platform stops (see EmbeddedDatabaseWatch). */
    public void onLost(Runnable action) {
        this.onLost = action;
    }

    /**
     * The embedded server died (issue 14 B10): said at once in the log, reported by the health check, restarted on the
     * same port — a few tries, a little longer apart — after which the connection pool reconnects by itself.
     */
    private void restartAfter(int exitCode) {
        restarting = true;
        log.error("内置 PostgreSQL 意外退出（退出码 {}），正在重新启动；期间的请求将得到“数据库暂时不可用”的答复", exitCode);
        Thread restarter = new Thread(
                () -> {
                    long wait = 500;
                    for (int attempt = 1; attempt <= 5; attempt++) {
                        try {
                            embedded.restart();
                            restarting = false;
                            log.warn("内置 PostgreSQL 已在第 {} 次尝试后恢复运行", attempt);
                            return;
                        } catch (RuntimeException | java.io.IOException e) {
                            log.error("内置 PostgreSQL 第 {} 次重新启动失败：{}", attempt, e.getMessage());
                        }
                        try {
                            Thread.sleep(wait);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        wait *= 2;
                    }
                    log.error("内置 PostgreSQL 无法重新启动（详见 postgres.log），平台将停止；请检查数据目录和磁盘空间后再启动");
                    onLost.run();
                },
                "embedded-postgres-restart");
        restarter.setDaemon(true);
        restarter.start();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    static DatabaseServer open(DatabaseProperties properties, Path dataDir, boolean commandLine) {
        return properties.external() ? external(properties) : embedded(properties, dataDir, commandLine);
    }

    private static DatabaseServer embedded(DatabaseProperties properties, Path dataDir, boolean commandLine) {
        EmbeddedPostgres.RunAs runAs = EmbeddedPostgres.RunAs.detect(
                properties.embedded().osUser(), properties.embedded().osGroup());
        ServerFiles files =
                ServerFiles.of(dataDir, runAs, Path.of(properties.embedded().relocationRoot()));
        Path pgData = files.cluster();
        Properties credentials = embeddedCredentials(dataDir, pgData);
        EmbeddedPostgres server = EmbeddedPostgres.start(new EmbeddedPostgres.Settings(
                pgData,
                files.binariesRoot(),
                dataDir.resolve("logs/postgres.log"),
                credentials.getProperty("superuser"),
                properties.embedded().port(),
                properties.embedded().osUser(),
                properties.embedded().osGroup(),
                true,
                commandLine));
        String database = Roles.checkedName(properties.embedded().database());
        try (Connection admin = server.superuserConnection("postgres")) {
            Roles.ensureLoginRole(admin, EMBEDDED_OWNER, credentials.getProperty("owner"));
            Roles.ensureLoginRole(admin, EMBEDDED_APP, credentials.getProperty("app"));
            if (!databaseExists(admin, database)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("create database " + database + " owner " + EMBEDDED_OWNER
                            + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("内置数据库初始化失败: " + e.getMessage(), e);
        }
        DatabaseAccess access = new DatabaseAccess(
                server.jdbcUrl(database),
                EMBEDDED_OWNER,
                credentials.getProperty("owner"),
                EMBEDDED_APP,
                credentials.getProperty("app"));
        return new DatabaseServer(access, server);
    }

    /**
     * External server: the configured user owns the schema and runs migrations. The application role is either given
     * (MINZHENG_DB_APP_USER/MINZHENG_DB_APP_PASSWORD, for several instances) or created by the owner with a fresh
     * password on every start (the owner then needs CREATEROLE).
     */
    private static DatabaseServer external(DatabaseProperties properties) {
        String appUser = properties.appUser();
        String appPassword = properties.appPassword();
        if (appUser == null || appUser.isBlank()) {
            appUser = Roles.checkedName(properties.user().toLowerCase() + "_app");
            appPassword = Secrets.generate(32);
            try (Connection owner =
                    DriverManager.getConnection(properties.url(), properties.user(), properties.password())) {
                Roles.ensureLoginRole(owner, appUser, appPassword);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "无法创建应用数据库账号 " + appUser + "：" + e.getMessage()
                                + "。请为 MINZHENG_DB_USER 授予 CREATEROLE，或设置 MINZHENG_DB_APP_USER 和 MINZHENG_DB_APP_PASSWORD。",
                        e);
            }
            log.info("应用数据库账号 {} 已就绪（密码随本次启动生成）", appUser);
        }
        return new DatabaseServer(
                new DatabaseAccess(properties.url(), properties.user(), properties.password(), appUser, appPassword),
                null);
    }

    private static boolean databaseExists(Connection admin, String database) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Passwords of the embedded server's roles, generated on first start and kept (mode 600) beside the data, never
     * in the repository.
     */
    private static Properties embeddedCredentials(Path dataDir, Path pgData) {
        Path file = dataDir.resolve("secrets/embedded-db.properties");
        Properties credentials = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    credentials.load(in);
                }
                return credentials;
            }
            if (Files.exists(pgData.resolve("PG_VERSION"))) {
                throw new IllegalStateException(
                        "数据目录 " + pgData + " 已存在，但其口令文件 " + file + " 不见了。请恢复该文件，或删除 " + pgData + " 重新初始化（数据将丢失）。");
            }
            Files.createDirectories(file.getParent());
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
            credentials.setProperty("superuser", Secrets.generate(32));
            credentials.setProperty("owner", Secrets.generate(32));
            credentials.setProperty("app", Secrets.generate(32));
            try (OutputStream out = Files.newOutputStream(file)) {
                credentials.store(out, "Minzheng embedded PostgreSQL credentials - generated, keep private");
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
