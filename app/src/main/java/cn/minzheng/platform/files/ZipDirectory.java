package cn.minzheng.platform.files;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What a workbook's ZIP directory declares, read before any part is inflated, so that an obvious bomb gets a clear
 * refusal at once: the number of parts, their declared total, and the first part that claims to inflate more than
 * POI allows (its guard's own ratio, for parts beyond 1 MB). The declared sizes may lie; POI's guard, which stays on,
 * measures the real ones while a sheet is read. Each module words its refusal and sets its own limits.
 *
 * @param suspectSize the declared size of the first suspect part, 0 when there is none (the reading stops there)
 */
public record ZipDirectory(int entries, long declaredBytes, long suspectSize, long suspectCompressed) {

    private static final long GRACE_BYTES = 1024 * 1024;

    public boolean hasSuspectPart() {
        return suspectSize > 0;
    }

    /** How many times its compressed size the suspect part claims to inflate. */
    public long suspectRatio() {
        return suspectSize / Math.max(1, suspectCompressed);
    }

    public static ZipDirectory read(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            return read(zip);
        }
    }

    public static ZipDirectory read(byte[] content) throws IOException {
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .get()) {
            return read(zip);
        }
    }

    private static ZipDirectory read(ZipFile zip) {
        double minRatio = ZipSecureFile.getMinInflateRatio();
        long total = 0;
        int entries = 0;
        var all = zip.getEntries();
        while (all.hasMoreElements()) {
            ZipArchiveEntry entry = all.nextElement();
            entries++;
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > 0) {
                total += size;
            }
            if (size > GRACE_BYTES && compressed >= 0 && (double) compressed / size < minRatio) {
                return new ZipDirectory(entries, total, size, compressed);
            }
        }
        return new ZipDirectory(entries, total, 0, 0);
    }
}
