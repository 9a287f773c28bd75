package cn.minzheng.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server's life cycle: start, drop privileges when root, stop without leftovers, clean up after a crash. */
class EmbeddedPostgresTest {

    private Path base;

    @BeforeEach
    void setUp() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        base = Files.createTempDirectory(target, "embedded-pg-test-");
        Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private EmbeddedPostgres.Settings settings(String password, boolean attach) {
        return new EmbeddedPostgres.Settings(
                base.resolve("pg"),
                Path.of("target/pg-dist").toAbsolutePath(),
                base.resolve("logs/postgres.log"),
                password,
                0,
                "nobody",
                "nogroup",
                false,
                attach);
    }

    @Test
    void startsRunsAsAnUnprivilegedAccountWhenRootAndStopsWithoutLeavingAProcess() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start(settings("Pw" + System.nanoTime(), false));
        long pid;
        try (Connection connection = server.superuserConnection("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version(), pg_backend_pid()")) {
            rows.next();
            assertThat(rows.getString(1)).startsWith("PostgreSQL 16");
        }
        pid = EmbeddedPostgres.Postmaster.read(base.resolve("pg")).orElseThrow().pid();
        String user = ProcessHandle.of(pid).flatMap(h -> h.info().user()).orElse("?");
        if (EmbeddedPostgres.RunAs.currentUid() == 0) {
            assertThat(user).as("PostgreSQL refuses root; we run it as nobody").isEqualTo("nobody");
        } else {
            assertThat(user).isEqualTo(System.getProperty("user.name"));
        }
        server.close();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(base.resolve("pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void keepsItsDataBetweenRuns() throws Exception {
        String password = "Pw" + System.nanoTime();
        EmbeddedPostgres first = EmbeddedPostgres.start(settings(password, false));
        try (Connection c = first.superuserConnection("postgres");
                Statement s = c.createStatement()) {
            s.execute("create table kept (value text)");
            s.execute("insert into kept values ('还在')");
        }
        first.close();
        EmbeddedPostgres second = EmbeddedPostgres.start(settings(password, false));
        try (Connection c = second.superuserConnection("postgres");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select value from kept")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("还在");
        } finally {
            second.close();
        }
    }

    @Test
    void findsAndStopsAServerOrphanedByACrash() throws Exception {
        String password = "Pw" + System.nanoTime();
        EmbeddedPostgres.start(settings(password, false)).close();
        // Simulate a crashed platform: a server whose parent is gone (re-parented to init), started by a shell
        // that exits at once. Without a parent-death signal it keeps running, as after a crash of an older version.
        Path dist = Files.list(Path.of("target/pg-dist").toAbsolutePath())
                .filter(p -> p.getFileName().toString().startsWith("pg16-"))
                .findFirst()
                .orElseThrow();
        String run = EmbeddedPostgres.RunAs.currentUid() == 0
                ? "setpriv --reuid=nobody --regid=nogroup --clear-groups "
                : "";
        String command = "(" + run + dist + "/bin/postgres -D " + base.resolve("pg") + " -p " + freePort()
                + " -c listen_addresses=127.0.0.1" + " -c unix_socket_directories= >> "
                + base.resolve("logs/orphan.log") + " 2>&1 &) ; exit 0";
        new ProcessBuilder("bash", "-c", command).start().waitFor();
        Optional<EmbeddedPostgres.Postmaster> orphan = Optional.empty();
        for (int i = 0; i < 100 && orphan.isEmpty(); i++) {
            Thread.sleep(100);
            orphan = EmbeddedPostgres.Postmaster.read(base.resolve("pg"));
        }
        assertThat(orphan)
                .as("the orphan server is running: %s", EmbeddedPostgres.tail(base.resolve("logs/orphan.log")))
                .isPresent();
        assertThat(orphan.get().ownedByLivePlatform()).isFalse();
        long orphanPid = orphan.get().pid();

        EmbeddedPostgres restarted = EmbeddedPostgres.start(settings(password, false));
        try {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan was stopped")
                    .isFalse();
            try (Connection c = restarted.superuserConnection("postgres")) {
                assertThat(c.isValid(2)).isTrue();
            }
        } finally {
            restarted.close();
        }
    }

    @Test
    void refusesADataDirectoryInUseByAnotherLivePlatformButACommandMayAttach() throws Exception {
        String password = "Pw" + System.nanoTime();
        EmbeddedPostgres running = EmbeddedPostgres.start(settings(password, false));
        try {
            assertThatThrownBy(() -> EmbeddedPostgres.start(settings(password, false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("另一个运行中的民政平台实例");
            EmbeddedPostgres attached = EmbeddedPostgres.start(settings(password, true));
            assertThat(attached.port()).isEqualTo(running.port());
            attached.close();
            try (Connection c = running.superuserConnection("postgres")) {
                assertThat(c.isValid(2))
                        .as("closing an attached handle leaves the server running")
                        .isTrue();
            }
        } finally {
            running.close();
        }
    }

    /**
     * Issue 14 A1: root clones the repository into its home (mode 0700) and starts the platform. PostgreSQL, run as
     * nobody, cannot reach the data folder there; its binaries and cluster are kept under the relocation root instead,
     * the data folder links to them, and the next start finds them again.
     */
    @Test
    void startsAsRootFromAPrivateFolder() throws Exception {
        Assumptions.assumeTrue(EmbeddedPostgres.RunAs.currentUid() == 0, "只有以 root 运行时才有这个问题");
        Path home = Files.createDirectories(base.resolve("root-home"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path dataDir = home.resolve("minzheng/data");
        Path relocationRoot = base.resolve("var-lib-minzheng");
        DatabaseProperties properties = new DatabaseProperties(
                null,
                null,
                null,
                null,
                null,
                2,
                false,
                java.time.Duration.ofSeconds(5),
                new DatabaseProperties.Embedded(0, "nobody", "nogroup", "minzheng", relocationRoot.toString()));
        try (DatabaseServer server = DatabaseServer.open(properties, dataDir, false)) {
            try (Connection c = java.sql.DriverManager.getConnection(
                            server.access().jdbcUrl(),
                            server.access().appUser(),
                            server.access().appPassword());
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select current_user")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("minzheng_app");
            }
            assertThat(dataDir.resolve("pg")).isSymbolicLink();
            assertThat(Files.readSymbolicLink(dataDir.resolve("pg"))).startsWith(relocationRoot);
            assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
            long pid = EmbeddedPostgres.Postmaster.read(dataDir.resolve("pg"))
                    .orElseThrow()
                    .pid();
            assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().user())).contains("nobody");
        }
        // the next start finds the cluster through the link
        try (DatabaseServer again = DatabaseServer.open(properties, dataDir, false)) {
            assertThat(again.access().jdbcUrl()).contains("/minzheng");
        }
        assertThat(relocationRoot.resolve("clusters")).isDirectoryContaining(p -> Files.isDirectory(p));
    }

    /** Issue 14 B13: the superuser password never lies in a file, and what a killed initdb left is removed. */
    @Test
    void whatAKilledInitdbLeftIsRemovedAndThePasswordNeverLiesInAFile() throws Exception {
        Files.createDirectories(base);
        Path oldPasswordFile = base.resolve(".initdb-pw-4242");
        Files.writeString(oldPasswordFile, "Old-Superuser-Secret\n");
        Path halfMadeCluster = Files.createDirectories(base.resolve(".initdb-cluster-4242/global"));
        EmbeddedPostgres server = EmbeddedPostgres.start(settings("Pw" + System.nanoTime(), false));
        try {
            assertThat(oldPasswordFile).doesNotExist();
            assertThat(halfMadeCluster.getParent()).doesNotExist();
            try (Stream<Path> files = Files.list(base)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".initdb-"));
            }
        } finally {
            server.close();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void thePostmasterPidFileIsReadAsTheServerWritesIt() throws Exception {
        Path dir = Files.createDirectories(base.resolve("fake"));
        Files.write(
                dir.resolve("postmaster.pid"),
                List.of(Long.toString(ProcessHandle.current().pid()), dir.toString(), "0", "5432"));
        assertThat(EmbeddedPostgres.Postmaster.read(dir))
                .as("a pid that is not a postgres process is not a server")
                .isEmpty();
        assertThat(Duration.ofSeconds(1)).isPositive();
    }
}
