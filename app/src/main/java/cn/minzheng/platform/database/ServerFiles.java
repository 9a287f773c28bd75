package cn.minzheng.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded server's binaries and cluster live. Normally under the data folder ({@code pg-dist},
 * {@code pg}). Started as root, PostgreSQL runs as an unprivileged account, which must be able to reach both: a data
 * folder under a private directory (root's home, mode 0700 — where a newcomer clones the repository on a fresh
 * server) cannot be reached, and initdb fails with a missing shared library. Then both are kept under
 * {@code /var/lib/minzheng} (configurable) in a folder named after the data folder, the data folder gets a symbolic
 * link {@code pg} to the cluster, and the start-up says where. If even that cannot be reached, the start is refused at
 * once with one line that says what to do.
 */
record ServerFiles(Path binariesRoot, Path cluster, boolean relocated) {

    private static final Logger log = LoggerFactory.getLogger(ServerFiles.class);

    static ServerFiles of(Path dataDir, EmbeddedPostgres.RunAs runAs, Path relocationRoot) {
        Path link = dataDir.resolve("pg");
        if (runAs.root() && Files.isSymbolicLink(link)) {
            // relocated on an earlier start (or linked there by the operator)
            return new ServerFiles(relocationRoot.resolve("pg-dist"), resolveLink(link), true);
        }
        if (!runAs.root() || Files.exists(link.resolve("PG_VERSION")) || reachable(dataDir, runAs)) {
            return new ServerFiles(dataDir.resolve("pg-dist"), link, false);
        }
        Path home = relocationRoot.resolve("clusters").resolve(folderName(dataDir));
        if (!reachable(relocationRoot, runAs)) {
            throw new IllegalStateException("以 root 运行时内置 PostgreSQL 以 " + runAs.user() + " 账号运行，但它进入不了数据目录 "
                    + dataDir + "（上级目录权限不允许），也进入不了 " + relocationRoot + "：请用 MINZHENG_DATA_DIR 指定一个 "
                    + runAs.user() + " 可以进入的目录（如 /var/lib/minzheng/data）后重新启动。");
        }
        try {
            createReachable(home);
            Path cluster = home.resolve("pg");
            Files.createDirectories(dataDir);
            if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(link); // left empty by an initdb that failed here (a non-empty one is refused)
            }
            Files.createSymbolicLink(link, cluster);
            log.warn(
                    "数据目录 {} 的上级目录不允许 {} 进入，内置 PostgreSQL 的程序和数据库文件改放在 {}（{} 是指向它的链接）",
                    dataDir,
                    runAs.user(),
                    home,
                    link);
            return new ServerFiles(relocationRoot.resolve("pg-dist"), cluster, true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "无法在 " + home + " 建立内置 PostgreSQL 的目录：" + e.getMessage() + "。请用 MINZHENG_DATA_DIR 指定一个 "
                            + runAs.user() + " 可以进入的目录后重新启动。",
                    e);
        }
    }

    /**
     * Whether the unprivileged account can reach {@code dir}: every existing directory on the way must let it search
     * (x for others, or for the owner or group when they are its own). Directories still to be created will be made
     * reachable.
     */
    static boolean reachable(Path dir, EmbeddedPostgres.RunAs runAs) {
        Path absolute = dir.toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                PosixFileAttributes attributes =
                        Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    if (!reachable(p.toRealPath(), runAs)) {
                        return false;
                    }
                    continue;
                }
                Set<PosixFilePermission> permissions = attributes.permissions();
                boolean searchable = attributes.owner().getName().equals(runAs.user())
                        ? permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                        : attributes.group().getName().equals(runAs.group())
                                ? permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                                : permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
                if (!searchable) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** A readable folder name for a data folder: its path with separators as dashes, and a hash against clashes. */
    static String folderName(Path dataDir) {
        String path = dataDir.toAbsolutePath().normalize().toString();
        String readable = path.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        if (readable.length() > 60) {
            readable = readable.substring(readable.length() - 60);
        }
        return readable + "-"
                + Hashes.sha256Hex(path.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    private static void createReachable(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (absolute.getParent() != null && !Files.exists(absolute.getParent())) {
            createReachable(absolute.getParent());
        }
        if (!Files.exists(absolute)) {
            Files.createDirectory(absolute);
            Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static Path resolveLink(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            return target.isAbsolute()
                    ? target
                    : link.getParent().resolve(target).normalize();
        } catch (IOException e) {
            throw new IllegalStateException("无法读取链接 " + link + "：" + e.getMessage(), e);
        }
    }
}
