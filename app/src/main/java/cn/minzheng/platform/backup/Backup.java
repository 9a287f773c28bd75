package cn.minzheng.platform.backup;

import cn.minzheng.platform.database.EmbeddedCluster;
import cn.minzheng.platform.database.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/minzheng backup FILE}: one consistent, compressed, encrypted file of everything a district's platform
 * keeps, taken while the platform runs (issue 14 A3).
 *
 * <p>The database is copied file by file between {@code pg_backup_start} and {@code pg_backup_stop}, with the write-ahead
 * log of that interval (kept from being recycled by a temporary replication slot), as {@code pg_basebackup} would: a
 * server started on the copy replays the log to the moment the copy ended. The data folder's own files follow —
 * uploads, the verification store, the field-encryption key and any other key material — after the database: files
 * are written before the rows that name them commit, so every file the restored database names is in the copy. The
 * audit chain's anchors ({@code data/audit}) go the other way — written after the entries they name commit — and are
 * copied before the database. Left out: the binaries, the logs and half-delivered verification files.
 */
final class Backup {

    /** Folders of the data folder that are not backed up (rebuilt, transient, or the cluster copied separately). */
    private static final Set<String> NOT_COPIED = Set.of("pg", "pg-dist", "logs", "verification/incoming", "backups");

    /** The audit chain's anchors ({@code minzheng.audit.anchor-file}'s default folder): copied before the database. */
    private static final String ANCHORS = "audit";

    /** Cluster folders whose content is transient (their folders are kept, empty), as pg_basebackup skips them. */
    private static final Set<String> CLUSTER_EMPTIED = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");

    private static final Set<String> CLUSTER_SKIPPED_FILES =
            Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init", "backup_label.old", "tablespace_map.old");

    private static final long WAL_PAGE = 8192;

    private Backup() {}

    record Summary(long databaseBytes, long fileCount, long fileBytes, long backupBytes) {}

    static Summary write(EmbeddedCluster cluster, Path target, char[] passphrase) throws IOException, SQLException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Summary summary;
        try (OutputStream file = Files.newOutputStream(partial);
                EmbeddedPostgres server = cluster.attachOrStart();
                Connection connection = server.superuserConnection("postgres")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            try (OutputStream encrypted = BackupFile.encrypting(file, passphrase);
                    BackupArchive archive = BackupArchive.writing(encrypted)) {
                archive.manifest(Instant.now(), cluster.dataDir());
                // the audit chain's anchors before the database: an anchor names entries already committed, so every
                // anchor in the copy is of an entry the restored database holds (one written after the database copy
                // would name entries it lacks, and audit-verify would rightly call the chain cut off)
                long[] anchors = copyAnchors(cluster.dataDir(), archive);
                long databaseBytes = copyDatabase(connection, cluster.cluster(), archive);
                long[] files = copyDataFolder(cluster.dataDir(), archive);
                summary = new Summary(databaseBytes, files[0] + anchors[0], files[1] + anchors[1], 0);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(summary.databaseBytes(), summary.fileCount(), summary.fileBytes(), Files.size(target));
    }

    private static long copyDatabase(Connection connection, Path cluster, BackupArchive archive)
            throws SQLException, IOException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            // keeps the log from the start of the copy on, until this session ends
            statement.execute("select pg_create_physical_replication_slot('minzheng_backup_"
                    + ProcessHandle.current().pid() + "', true, true)");
            String startLsn = single(statement, "select pg_backup_start('minzheng backup', true)::text");
            String firstSegment = single(statement, "select pg_walfile_name('" + startLsn + "'::pg_lsn)");
            long bytes = archive.tree(cluster, "pg", (relative, isDirectory) -> {
                String[] parts = relative.split("/");
                if (parts.length >= 2 && CLUSTER_EMPTIED.contains(parts[0])) {
                    // the folder itself is kept, empty (the log's archive_status folder too), its content is not:
                    // a replication slot copied without its state file would stop the restored server
                    return isDirectory && relative.equals("pg_wal/archive_status");
                }
                if (isDirectory) {
                    return true;
                }
                String name = parts[parts.length - 1];
                return !CLUSTER_SKIPPED_FILES.contains(name) && !name.startsWith("pgsql_tmp");
            });
            String label;
            String tablespaceMap;
            String stopLsn;
            try (ResultSet stop =
                    statement.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                stopLsn = stop.getString(1);
                label = stop.getString(2);
                tablespaceMap = stop.getString(3);
            }
            String lastSegment;
            long endOffset;
            try (ResultSet end = statement.executeQuery(
                    "select file_name, file_offset from pg_walfile_name_offset('" + stopLsn + "'::pg_lsn)")) {
                end.next();
                lastSegment = end.getString(1);
                endOffset = end.getLong(2);
            }
            archive.text("pg/backup_label", label);
            if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                archive.text("pg/tablespace_map", tablespaceMap);
            }
            // the log from the start of the copy to its end: what a server replays to reach a consistent state
            List<Path> segments;
            try (var wal = Files.list(cluster.resolve("pg_wal"))) {
                segments = wal.filter(p -> p.getFileName().toString().matches("[0-9A-F]{24}"))
                        .filter(p -> {
                            String name = p.getFileName().toString();
                            return name.compareTo(firstSegment) >= 0 && name.compareTo(lastSegment) <= 0;
                        })
                        .sorted()
                        .toList();
            }
            if (segments.isEmpty() || !segments.get(0).getFileName().toString().equals(firstSegment)) {
                throw new IOException("数据库日志文件 " + firstSegment + " 不见了，备份不完整；请重试");
            }
            for (Path segment : segments) {
                String name = segment.getFileName().toString();
                // the last segment only up to the end of the backup (whole pages): what follows is an old segment's
                // leftovers, which replay never reads (it stops at the first invalid record) and would not compress
                long keep = name.equals(lastSegment) ? (endOffset / WAL_PAGE + 1) * WAL_PAGE : Long.MAX_VALUE;
                bytes += archive.file(segment, "pg/pg_wal/" + name, keep);
            }
            return bytes;
        }
    }

    /** @return the number of files and their bytes */
    private static long[] copyAnchors(Path dataDir, BackupArchive archive) throws IOException {
        long[] counted = new long[2];
        Path anchors = dataDir.resolve(ANCHORS);
        if (Files.isDirectory(anchors)) {
            counted[1] = archive.tree(anchors, "data/" + ANCHORS, (relative, isDirectory) -> {
                if (!isDirectory) {
                    counted[0]++;
                }
                return true;
            });
        }
        return counted;
    }

    /** @return the number of files and their bytes */
    private static long[] copyDataFolder(Path dataDir, BackupArchive archive) throws IOException {
        long[] counted = new long[2];
        counted[1] = archive.tree(dataDir, "data", (relative, isDirectory) -> {
            if (NOT_COPIED.contains(relative) || relative.equals(ANCHORS) || relative.startsWith(".")) {
                return false;
            }
            for (String skipped : NOT_COPIED) {
                if (relative.startsWith(skipped + "/")) {
                    return false;
                }
            }
            if (!isDirectory) {
                counted[0]++;
            }
            return true;
        });
        return counted;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
