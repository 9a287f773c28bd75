package cn.minzheng.platform.backup;

import cn.minzheng.platform.database.EmbeddedCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code bin/minzheng restore FILE}: unpacks a backup into an empty data folder ({@code MINZHENG_DATA_DIR}), on this
 * machine or another. Nothing is kept unless the whole file was read and its integrity check holds: a wrong passphrase,
 * a truncated or altered file leaves the folder as empty as it was. The platform started on the folder replays the
 * database's log to the moment of the backup.
 */
final class Restore {

    private Restore() {}

    record Summary(String createdAt, long files) {}

    static Summary into(Path dataDir, Path backup, char[] passphrase) throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> content = Files.list(dataDir)) {
                if (content.findAny().isPresent()) {
                    throw new BackupFile.Refused("数据目录 " + dataDir + " 不是空的：恢复只写入空目录（用 MINZHENG_DATA_DIR 指定一个空目录或新目录）");
                }
            }
        }
        if (!Files.isReadable(backup)) {
            throw new BackupFile.Refused("找不到备份文件 " + backup);
        }
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        EmbeddedCluster cluster = EmbeddedCluster.of(dataDir);
        Path pg = cluster.cluster();
        List<Path> written = new ArrayList<>();
        try (InputStream file = Files.newInputStream(backup)) {
            BackupFile.Opened opened = BackupFile.open(file, passphrase);
            Properties manifest = null;
            long files = 0;
            TarArchiveInputStream tar = new TarArchiveInputStream(opened.content(), "UTF-8");
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(BackupArchive.MANIFEST)) {
                    manifest = new Properties();
                    manifest.load(new java.io.InputStreamReader(
                            new NonClosing(tar), java.nio.charset.StandardCharsets.UTF_8));
                    continue;
                }
                Path target = target(name, pg, dataDir);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.transferTo(out);
                    }
                    files++;
                }
                written.add(target);
            }
            if (manifest == null || !BackupArchive.FORMAT.equals(manifest.getProperty("format"))) {
                throw new BackupFile.Refused("这不是民政平台的备份文件（缺少备份说明）");
            }
            if (!opened.verify()) {
                throw new BackupFile.Refused("备份文件不完整或已被改动（完整性校验未通过），没有恢复任何内容");
            }
            secure(pg, dataDir, cluster);
            return new Summary(manifest.getProperty("createdAt"), files);
        } catch (IOException | RuntimeException e) {
            removeEverythingUnder(dataDir);
            removeEverythingUnder(pg);
            throw e;
        }
    }

    /** Where an archive entry goes: {@code pg/…} into the cluster, {@code data/…} into the data folder, nowhere else. */
    private static Path target(String name, Path pg, Path dataDir) throws IOException {
        Path base;
        String rest;
        if (name.equals("pg/") || name.startsWith("pg/")) {
            base = pg;
            rest = name.substring(3);
        } else if (name.equals("data/") || name.startsWith("data/")) {
            base = dataDir;
            rest = name.substring(5);
        } else {
            throw new BackupFile.Refused("备份中有无法识别的内容：" + name);
        }
        Path target = base.resolve(rest).normalize();
        if (!target.startsWith(base)) {
            throw new BackupFile.Refused("备份中有指向数据目录以外的路径：" + name);
        }
        return target;
    }

    /** Private folders and files; the cluster belongs to the account PostgreSQL runs as. */
    private static void secure(Path pg, Path dataDir, EmbeddedCluster cluster) throws IOException {
        for (Path root : List.of(pg, dataDir.resolve("secrets"))) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path p : tree.toList()) {
                    Files.setPosixFilePermissions(
                            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
                    if (root == pg) {
                        cluster.own(p);
                    }
                }
            }
        }
    }

    private static void removeEverythingUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // what cannot be removed is named by the next attempt's "not empty" message
        }
    }

    /** The tar stream for one entry, which the properties reader must not close. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
