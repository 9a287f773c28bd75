package cn.minzheng.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The content of a backup: a tar archive with a manifest ({@value #MANIFEST}), the database cluster under {@code pg/}
 * and the data folder's files under {@code data/}.
 */
final class BackupArchive implements AutoCloseable {

    static final String MANIFEST = "MINZHENG-BACKUP.properties";
    static final String FORMAT = "minzheng-backup/1";

    private final TarArchiveOutputStream tar;
    private long bytes;

    private BackupArchive(TarArchiveOutputStream tar) {
        this.tar = tar;
    }

    static BackupArchive writing(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return new BackupArchive(tar);
    }

    /** Decides, for a path relative to the tree's root ("a/b"), whether it goes into the archive. */
    interface Filter {
        boolean include(String relative, boolean isDirectory) throws IOException;
    }

    void manifest(Instant createdAt, Path source) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("createdAt", createdAt.toString());
        manifest.setProperty("source", source.toString());
        manifest.setProperty("postgresql", "16");
        java.io.StringWriter text = new java.io.StringWriter();
        manifest.store(text, "Minzheng backup");
        text(MANIFEST, text.toString());
    }

    /** Adds a folder's tree under {@code prefix}; returns the bytes of the files added. Vanished files are skipped. */
    long tree(Path root, String prefix, Filter filter) throws IOException {
        long before = bytes;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                String relative = relative(root, dir);
                if (!relative.isEmpty() && !filter.include(relative, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                TarArchiveEntry entry = new TarArchiveEntry(prefix + (relative.isEmpty() ? "" : "/" + relative) + "/");
                entry.setModTime(attributes.lastModifiedTime().toMillis());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = relative(root, file);
                if (attributes.isRegularFile() && filter.include(relative, false)) {
                    file(file, prefix + "/" + relative);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed while we walked (a temporary file of the server)
                }
                throw e;
            }
        });
        return bytes - before;
    }

    /**
     * Adds a file as large as it was when looked at: a database file that grows or shrinks meanwhile is cut or padded
     * (the log replayed after a restore makes it right, as for pg_basebackup). Returns the bytes added.
     */
    long file(Path path, String name) throws IOException {
        return file(path, name, Long.MAX_VALUE);
    }

    /** Like {@link #file(Path, String)}, with zeros instead of what follows the first {@code keep} bytes. */
    long file(Path path, String name, long keep) throws IOException {
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException gone) {
            return 0;
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setModTime(Files.getLastModifiedTime(path).toMillis());
        tar.putArchiveEntry(entry);
        long copied = 0;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            long wanted = Math.min(size, keep);
            while (copied < wanted) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - copied));
                if (read < 0) {
                    break;
                }
                tar.write(buffer, 0, read);
                copied += read;
            }
        } catch (NoSuchFileException gone) {
            // removed after it was measured: zeros stand for it
        }
        byte[] zeros = new byte[1 << 16];
        while (copied < size) {
            int n = (int) Math.min(zeros.length, size - copied);
            tar.write(zeros, 0, n);
            copied += n;
        }
        tar.closeArchiveEntry();
        bytes += size;
        return size;
    }

    void text(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    long bytesWritten() {
        return bytes;
    }

    /** Ends the archive; the stream underneath stays open (its owner finishes the encryption). */
    @Override
    public void close() throws IOException {
        tar.finish();
        tar.flush();
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
