package cn.minzheng.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 16 run from the binaries published on Maven Central (io.zonky.test.postgres), as a child process of the
 * platform.
 *
 * <p>Why not a library: PostgreSQL refuses to run as root, and the platform is often started as root (containers,
 * CI). When we are root, initdb and the server run under an unprivileged account through {@code setpriv}, the way the
 * official PostgreSQL images do it. The server is also started with a parent-death signal, so that a platform killed
 * with SIGKILL does not leave an orphan server behind; one left by an older crash is found through
 * {@code postmaster.pid} and stopped on the next start.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";
    public static final String SUPERUSER = "postgres";
    static final String PASSWORD_PIPE_PREFIX = ".initdb-pw-";
    static final String STAGING_PREFIX = ".initdb-cluster-";

    private final Path dataDir;
    private final int port;
    private final String superuserPassword;
    private final Path binaries;
    private final RunAs runAs;
    private final Settings settings;
    private volatile Process process;
    private volatile boolean closing;
    private volatile java.util.function.IntConsumer onUnexpectedExit = code -> {};

    private EmbeddedPostgres(Path dataDir, int port, String superuserPassword, Process process) {
        this(dataDir, port, superuserPassword, null, null, null);
        this.process = process;
    }

    private EmbeddedPostgres(
            Path dataDir, int port, String superuserPassword, Path binaries, RunAs runAs, Settings settings) {
        this.dataDir = dataDir;
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.binaries = binaries;
        this.runAs = runAs;
        this.settings = settings;
    }

    /** Where the server keeps its files and how it is run. */
    public record Settings(
            Path dataDir,
            Path binariesRoot,
            Path logFile,
            String superuserPassword,
            int port,
            String unprivilegedUser,
            String unprivilegedGroup,
            boolean durable,
            boolean attachToRunning) {}

    public static EmbeddedPostgres start(Settings settings) {
        try {
            Path binaries = Binaries.unpack(settings.binariesRoot());
            RunAs runAs = RunAs.detect(settings.unprivilegedUser(), settings.unprivilegedGroup());
            Files.createDirectories(settings.logFile().getParent());
            Optional<Postmaster> running = Postmaster.read(settings.dataDir());
            if (settings.attachToRunning()
                    && running.isPresent()
                    && running.get().ownedByLivePlatform()) {
                // A command-line tool next to a running platform uses that platform's server and leaves it running.
                log.info(
                        "使用正在运行的内置 PostgreSQL（pid {}，端口 {}）",
                        running.get().pid(),
                        running.get().port());
                return new EmbeddedPostgres(
                        settings.dataDir(), running.get().port(), settings.superuserPassword(), null);
            }
            stopStaleServer(settings.dataDir());
            removeLeftovers(settings.dataDir());
            if (!Files.exists(settings.dataDir().resolve("PG_VERSION"))) {
                initdb(binaries, runAs, settings);
            } else {
                runAs.checkOwns(settings.dataDir());
            }
            int port = settings.port() > 0 ? settings.port() : freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(
                    settings.dataDir(), port, settings.superuserPassword(), binaries, runAs, settings);
            server.process = launch(binaries, runAs, settings, port, server::exited);
            server.awaitReady(settings.logFile());
            log.info("内置 PostgreSQL 已启动: 127.0.0.1:{}，数据目录 {}", port, settings.dataDir());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("内置 PostgreSQL 无法启动: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Called with the exit code when the server exits without {@link #close()} having been asked for (killed, out of
     * memory, its data gone): the platform's supervisor restarts it ({@link #restart()}) or stops the platform.
     */
    public void onUnexpectedExit(java.util.function.IntConsumer listener) {
        this.onUnexpectedExit = listener;
    }

    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Starts the server again on the same port and data directory, after an unexpected exit. Waits for the old
     * server's processes to be gone (a killed postmaster's backends still hold its shared memory for a moment).
     */
    public void restart() throws IOException {
        if (settings == null) {
            throw new IllegalStateException("attached to a server this process did not start");
        }
        if (closing) {
            return;
        }
        Optional<Postmaster> leftover = Postmaster.read(dataDir);
        if (leftover.isPresent()) {
            leftover.get().awaitExit(Duration.ofSeconds(10));
        }
        process = launch(binaries, runAs, settings, port, this::exited);
        awaitReady(settings.logFile());
        log.info("内置 PostgreSQL 已重新启动: 127.0.0.1:{}", port);
    }

    private void exited(Process which, int code) {
        if (!closing && which == process) {
            onUnexpectedExit.accept(code);
        }
    }

    /** Fast shutdown (SIGINT): active sessions are rolled back, the server checkpoints and exits. */
    @Override
    public void close() {
        closing = true;
        Process process = this.process;
        if (process == null || !process.isAlive()) {
            return;
        }
        log.info("正在停止内置 PostgreSQL（pid {}）", process.pid());
        signal(process.pid(), "INT");
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                signal(process.pid(), "QUIT");
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Makes the cluster in a staging folder beside it and moves it into place when complete: a kill during initdb
     * leaves no half-made cluster that later starts would take for a real one (the staging folder is removed at the
     * next start).
     */
    private static void initdb(Path binaries, RunAs runAs, Settings settings) throws IOException {
        Path target = settings.dataDir();
        Path staging =
                target.resolveSibling(STAGING_PREFIX + ProcessHandle.current().pid());
        Files.createDirectories(staging);
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
        runAs.own(staging);
        runInitdb(binaries, runAs, settings, staging);
        if (Files.isDirectory(target)) {
            try (Stream<Path> content = Files.list(target)) {
                if (content.findAny().isPresent()) {
                    throw new IOException("数据库目录 " + target + " 不是空的，但没有 PG_VERSION：请检查后删除它再启动");
                }
            }
            Files.delete(target);
        }
        Files.move(staging, target);
    }

    private static void runInitdb(Path binaries, RunAs runAs, Settings settings, Path dataDir) throws IOException {
        // initdb reads the superuser password from a file. The "file" is a named pipe: the password passes through
        // memory only, and a kill during initdb leaves at most an empty pipe, removed at the next start.
        Path pwfile = dataDir.getParent()
                .resolve(PASSWORD_PIPE_PREFIX + ProcessHandle.current().pid());
        Files.deleteIfExists(pwfile);
        namedPipe(pwfile);
        runAs.own(pwfile);
        Thread writer = new Thread(
                () -> {
                    try (var out = Files.newOutputStream(pwfile)) {
                        out.write((settings.superuserPassword() + "\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException ignored) {
                        // initdb ended without reading it: nothing to hand over
                    }
                },
                "initdb-password");
        writer.setDaemon(true);
        writer.start();
        try {
            List<String> command = runAs.wrap(List.of(
                    binaries.resolve("bin/initdb").toString(),
                    "-D",
                    dataDir.toString(),
                    "-U",
                    SUPERUSER,
                    "--auth-host=scram-sha-256",
                    "--auth-local=scram-sha-256",
                    "--pwfile=" + pwfile,
                    "-E",
                    "UTF8",
                    "--no-locale"));
            Process initdb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                    .start();
            if (initdb.waitFor() != 0) {
                throw new IOException("initdb 失败，详见 " + settings.logFile() + "：" + tail(settings.logFile()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("initdb interrupted", e);
        } finally {
            if (writer.isAlive()) {
                // nobody read the pipe: open its other end so that the writer gives up
                try (var ignored = Files.newInputStream(pwfile)) {
                    // closing at once
                } catch (IOException ignored) {
                    // already gone
                }
            }
            Files.deleteIfExists(pwfile);
        }
    }

    /**
     * Removes what an interrupted initdb of an earlier process may have left beside the cluster: its password pipe
     * (older versions wrote the password itself into a plain file of that name) and its unfinished cluster.
     */
    static void removeLeftovers(Path dataDir) throws IOException {
        Path parent = dataDir.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> files = Files.list(parent)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PASSWORD_PIPE_PREFIX)
                            || f.getFileName().toString().startsWith(STAGING_PREFIX))
                    .toList()) {
                try (Stream<Path> tree = Files.walk(file)) {
                    for (Path p :
                            tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                log.warn("已删除上次中断的初始化遗留的 {}", file.getFileName());
            }
        }
    }

    private static void namedPipe(Path path) throws IOException {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", path.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo 失败：" + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("mkfifo interrupted", e);
        }
    }

    private interface ExitListener {
        void exited(Process process, int code);
    }

    private static Process launch(Path binaries, RunAs runAs, Settings settings, int port, ExitListener onExit)
            throws IOException {
        List<String> server = new ArrayList<>(List.of(
                binaries.resolve("bin/postgres").toString(),
                "-D",
                settings.dataDir().toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_connections=200",
                "-c",
                "shared_buffers=256MB",
                "-c",
                "logging_collector=off"));
        if (!settings.durable()) {
            // Test databases are thrown away: trade crash safety for speed.
            server.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        ProcessBuilder builder = new ProcessBuilder(runAs.wrapWithParentDeathSignal(server))
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
        // The parent-death signal fires when the thread that started the child ends, not the JVM: start it from a
        // thread that lives exactly as long as the server.
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread keeper = new Thread(
                () -> {
                    try {
                        Process process = builder.start();
                        started.complete(process);
                        int code = process.waitFor();
                        onExit.exited(process, code);
                    } catch (IOException e) {
                        started.completeExceptionally(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "embedded-postgres-" + port);
        keeper.setDaemon(true);
        keeper.start();
        try {
            return started.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL 进程无法启动: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Path logFile) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IOException("PostgreSQL 启动后立即退出（退出码 " + process.exitValue() + "）：" + tail(logFile));
            }
            try (Connection ignored = superuserConnection("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(150);
        }
        close();
        throw new IOException("PostgreSQL 在 60 秒内没有就绪：" + (last == null ? "" : last.getMessage()));
    }

    /**
     * A {@code postmaster.pid} whose process is still alive belongs either to another running platform (its parent is
     * a live JVM: refuse to share the data directory) or to a server orphaned by a crash (stop it).
     */
    private static void stopStaleServer(Path dataDir) throws IOException {
        Optional<Postmaster> running = Postmaster.read(dataDir);
        if (running.isEmpty()) {
            return;
        }
        Postmaster postmaster = running.get();
        if (postmaster.ownedByLivePlatform()) {
            throw new IllegalStateException("数据目录 " + dataDir + " 正被另一个运行中的民政平台实例使用（PostgreSQL 进程 " + postmaster.pid()
                    + "）。请先停止该实例，或用 MINZHENG_DATA_DIR 指定另一个数据目录。");
        }
        log.warn("发现上次异常退出遗留的 PostgreSQL 进程 {}，正在停止它", postmaster.pid());
        signal(postmaster.pid(), "INT");
        if (!postmaster.awaitExit(Duration.ofSeconds(30))) {
            signal(postmaster.pid(), "QUIT");
            if (!postmaster.awaitExit(Duration.ofSeconds(10))) {
                signal(postmaster.pid(), "KILL");
                postmaster.awaitExit(Duration.ofSeconds(5));
            }
        }
    }

    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("无法向进程 {} 发送信号 {}: {}", pid, signal, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(日志不可读)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server process recorded in {@code postmaster.pid} (first line: pid, fourth line: port). */
    record Postmaster(long pid, int port) {

        static Optional<Postmaster> read(Path dataDir) throws IOException {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.isReadable(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            try {
                Postmaster postmaster = new Postmaster(
                        Long.parseLong(lines.get(0).trim()),
                        Integer.parseInt(lines.get(3).trim()));
                return postmaster.isPostgres() ? Optional.of(postmaster) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean isPostgres() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(handle -> handle.info().command())
                    .map(command -> command.endsWith("/postgres"))
                    .orElse(false);
        }

        boolean ownedByLivePlatform() {
            return ProcessHandle.of(pid)
                    .flatMap(ProcessHandle::parent)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(parent -> parent.info().command())
                    .map(command -> command.endsWith("/java"))
                    .orElse(false);
        }

        boolean awaitExit(Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                    return true;
                }
                sleep(100);
            }
            return false;
        }
    }

    /** How server processes are started: as ourselves, or — when we are root — as an unprivileged account. */
    record RunAs(boolean root, String user, String group, boolean setprivAvailable) {

        static RunAs detect(String user, String group) {
            boolean setpriv =
                    Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv"));
            boolean root = currentUid() == 0;
            if (root && !setpriv) {
                throw new IllegalStateException("以 root 运行时需要 setpriv（util-linux）来以非特权账号运行 PostgreSQL");
            }
            return new RunAs(root, user, group, setpriv);
        }

        List<String> wrap(List<String> command) {
            List<String> wrapped = new ArrayList<>();
            if (root) {
                wrapped.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--clear-groups"));
            }
            wrapped.addAll(command);
            return wrapped;
        }

        /** Like {@link #wrap}, and the server gets SIGINT (fast shutdown) when the platform dies. */
        List<String> wrapWithParentDeathSignal(List<String> command) {
            if (!setprivAvailable) {
                return command;
            }
            List<String> wrapped = new ArrayList<>(List.of("setpriv", "--pdeathsig=INT"));
            if (root) {
                wrapped.addAll(List.of("--reuid=" + user, "--regid=" + group, "--clear-groups"));
            }
            wrapped.addAll(command);
            return wrapped;
        }

        void own(Path path) throws IOException {
            if (!root) {
                return;
            }
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = lookup.lookupPrincipalByName(user);
            GroupPrincipal ownerGroup = lookup.lookupPrincipalByGroupName(group);
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(ownerGroup);
        }

        void checkOwns(Path dataDir) throws IOException {
            String owner = Files.getOwner(dataDir).getName();
            String expected = root ? user : System.getProperty("user.name");
            if (!owner.equals(expected)) {
                throw new IllegalStateException("数据目录 " + dataDir + " 属于用户 " + owner + "，而 PostgreSQL 将以 " + expected
                        + " 运行，无法使用它（以 root 运行时 PostgreSQL 以 " + user + " 运行）。请以创建它的用户运行，或删除该目录重新初始化。");
            }
        }

        static int currentUid() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
                return lines.filter(line -> line.startsWith("Uid:"))
                        .map(line -> Integer.parseInt(line.split("\\s+")[2]))
                        .findFirst()
                        .orElse(-1);
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /** Unpacks the PostgreSQL distribution from the binaries jar once per content hash. */
    static final class Binaries {

        private Binaries() {}

        static Path unpack(Path root) throws IOException {
            byte[] archive;
            try (InputStream in = EmbeddedPostgres.class.getResourceAsStream(BINARIES_RESOURCE)) {
                if (in == null) {
                    throw new IOException("classpath 中没有 PostgreSQL 二进制包 " + BINARIES_RESOURCE);
                }
                archive = in.readAllBytes();
            }
            Path target = root.resolve("pg16-" + Hashes.sha256Hex(archive).substring(0, 12));
            if (Files.exists(target.resolve(".complete"))) {
                return target;
            }
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, ".unpack-");
            TarXz.extract(archive, staging);
            Files.createFile(staging.resolve(".complete"));
            makeWorldReadable(root);
            makeWorldReadable(staging);
            try {
                Files.move(staging, target);
            } catch (IOException raced) {
                // Another process unpacked the same version at the same time: use theirs.
                if (!Files.exists(target.resolve(".complete"))) {
                    throw raced;
                }
                Files.walk(staging)
                        .sorted((a, b) -> b.compareTo(a))
                        .forEach(p -> p.toFile().delete());
            }
            return target;
        }

        private static void makeWorldReadable(Path tree) throws IOException {
            try (Stream<Path> paths = Files.walk(tree)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    if (Files.isSymbolicLink(path)) {
                        continue;
                    }
                    var permissions = Files.getPosixFilePermissions(path);
                    permissions.add(PosixFilePermission.OTHERS_READ);
                    permissions.add(PosixFilePermission.GROUP_READ);
                    if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
                        permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                        permissions.add(PosixFilePermission.GROUP_EXECUTE);
                    }
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }
}
