package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.cli.UserError;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a delivered file as the CSV text it holds: a plain {@code .csv}, a gzip-compressed {@code .csv.gz}, or a
 * {@code .zip} archive holding exactly one file. Compressed deliveries are decompressed while they are read, never
 * unpacked to disk (a province's deliveries are tens of gigabytes).
 */
public final class DeliveryStreams {

    /** The endings a delivered file may have, longest first. */
    public static final String[] ENDINGS = {".csv.gz", ".zip", ".csv"};

    private DeliveryStreams() {}

    /** The source code a file name stands for ({@code vehicle.csv.gz} → {@code vehicle}), or null for other files. */
    public static String codeOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ending : ENDINGS) {
            if (lower.endsWith(ending) && lower.length() > ending.length()) {
                return fileName.substring(0, fileName.length() - ending.length());
            }
        }
        return null;
    }

    /** Whether the file is compressed (gzip or zip), judged by its name. */
    public static boolean compressed(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".gz") || lower.endsWith(".zip");
    }

    /** The CSV text of the file as a stream; refuses, naming the file, a damaged archive or one of several files. */
    public static InputStream open(Path file) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            InputStream raw = Files.newInputStream(file);
            try {
                return new GZIPInputStream(raw, 1 << 16);
            } catch (ZipException | java.io.EOFException e) {
                raw.close();
                throw new UserError(file + ": not a gzip file (" + e.getMessage() + ")");
            }
        }
        if (lower.endsWith(".zip")) {
            return zipEntry(file);
        }
        return Files.newInputStream(file);
    }

    private static InputStream zipEntry(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new UserError(file + ": not a zip file (" + e.getMessage() + ")");
        }
        ZipEntry only = null;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            if (only != null) {
                zip.close();
                throw new UserError(file + ": the zip file holds more than one file (" + only.getName() + ", "
                        + entry.getName() + "); deliver one CSV per archive");
            }
            only = entry;
        }
        if (only == null) {
            zip.close();
            throw new UserError(file + ": the zip file holds no file");
        }
        InputStream entry = new BufferedInputStream(zip.getInputStream(only), 1 << 16);
        return new FilterInputStream(entry) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
