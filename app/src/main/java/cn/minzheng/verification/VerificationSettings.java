package cn.minzheng.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the module keeps its files and how much it may use. The store and the incoming deliveries hold personal data of
 * many people: their folders are readable by the platform's account only.
 */
@Component
class VerificationSettings {

    private final Path root;
    private final long deliveryMaxBytes;
    private final long evidenceMaxBytes;
    private final String duckdbMemory;
    private final int duckdbThreads;
    private final int loadWorkers;

    VerificationSettings(
            @Value("${minzheng.data-dir}") Path dataDir,
            @Value("${minzheng.verification.delivery.max-bytes:52428800}") long deliveryMaxBytes,
            @Value("${minzheng.verification.evidence.max-bytes:10485760}") long evidenceMaxBytes,
            @Value("${minzheng.verification.duckdb.memory:1GB}") String duckdbMemory,
            @Value("${minzheng.verification.duckdb.threads:2}") int duckdbThreads,
            @Value("${minzheng.verification.load.workers:2}") int loadWorkers) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("verification");
        this.deliveryMaxBytes = deliveryMaxBytes;
        this.evidenceMaxBytes = evidenceMaxBytes;
        this.duckdbMemory = duckdbMemory;
        this.duckdbThreads = duckdbThreads;
        this.loadWorkers = loadWorkers;
    }

    /** {@code <data>/verification/store}: one folder per generation of the columnar store. */
    Path storeRoot() {
        return privateDirectory(root.resolve("store"));
    }

    /** {@code <data>/verification/incoming}: delivered files between their check and their load. */
    Path incoming() {
        return privateDirectory(root.resolve("incoming"));
    }

    long deliveryMaxBytes() {
        return deliveryMaxBytes;
    }

    long evidenceMaxBytes() {
        return evidenceMaxBytes;
    }

    String duckdbMemory() {
        return duckdbMemory;
    }

    int duckdbThreads() {
        return duckdbThreads;
    }

    int loadWorkers() {
        return loadWorkers;
    }

    static Path privateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the folder keeps the platform's defaults
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
