package cn.minzheng.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The embedded database's files, for the tools that work on a data folder beside or instead of the platform (backup
 * and restore): where the cluster and the binaries are, who must own them, and the running server to attach to (or a
 * server started for the tool alone). The settings come from the same environment variables as the platform's.
 */
public final class EmbeddedCluster {

    private final Path dataDir;
    private final EmbeddedPostgres.RunAs runAs;
    private final ServerFiles files;

    private EmbeddedCluster(Path dataDir, EmbeddedPostgres.RunAs runAs, ServerFiles files) {
        this.dataDir = dataDir;
        this.runAs = runAs;
        this.files = files;
    }

    /** The data folder of {@code MINZHENG_DATA_DIR} (default {@code ./data}), absolute. */
    public static Path dataDirFromEnvironment() {
        String configured = System.getenv("MINZHENG_DATA_DIR");
        return Path.of(configured == null || configured.isBlank() ? "data" : configured)
                .toAbsolutePath()
                .normalize();
    }

    /** The cluster of a data folder (placed, for a new one, where the unprivileged account can reach it). */
    public static EmbeddedCluster of(Path dataDir) {
        EmbeddedPostgres.RunAs runAs = EmbeddedPostgres.RunAs.detect(
                env("MINZHENG_DB_EMBEDDED_OSUSER", "nobody"), env("MINZHENG_DB_EMBEDDED_OSGROUP", "nogroup"));
        Path relocationRoot = Path.of(env("MINZHENG_DB_EMBEDDED_RELOCATIONROOT", "/var/lib/minzheng"));
        return new EmbeddedCluster(dataDir, runAs, ServerFiles.of(dataDir, runAs, relocationRoot));
    }

    public Path cluster() {
        return files.cluster();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Gives a restored file or folder to the account PostgreSQL runs as (nobody, when started as root). */
    public void own(Path path) throws IOException {
        runAs.own(path);
    }

    /**
     * The platform's running server (left running when done), or one started for the caller (stopped on close). The
     * superuser's password is the data folder's own, from {@code secrets/embedded-db.properties}.
     */
    public EmbeddedPostgres attachOrStart() throws IOException {
        Path credentials = dataDir.resolve("secrets/embedded-db.properties");
        if (!Files.exists(credentials) || !Files.exists(files.cluster().resolve("PG_VERSION"))) {
            throw new IllegalStateException("数据目录 " + dataDir + " 中没有内置数据库（设置 MINZHENG_DATA_DIR 指向平台的数据目录）");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(credentials)) {
            properties.load(in);
        }
        return EmbeddedPostgres.start(new EmbeddedPostgres.Settings(
                files.cluster(),
                files.binariesRoot(),
                dataDir.resolve("logs/postgres.log"),
                properties.getProperty("superuser"),
                0,
                runAs.user(),
                runAs.group(),
                true,
                true));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
