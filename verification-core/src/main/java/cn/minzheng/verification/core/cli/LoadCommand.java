package cn.minzheng.verification.core.cli;

import cn.minzheng.verification.core.link.RunReport;
import cn.minzheng.verification.core.store.DeliveryStreams;
import cn.minzheng.verification.core.store.LoadResult;
import cn.minzheng.verification.core.store.Reject;
import cn.minzheng.verification.core.store.Source;
import cn.minzheng.verification.core.store.SourceLoader;
import cn.minzheng.verification.core.store.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code load --sources <dir> --store <dir> [--encoding GB18030]}: checks every delivered file's name and header
 * first, then normalises all of them into a fresh store, which replaces the old one only when everything loaded.
 */
public final class LoadCommand {

    private LoadCommand() {}

    public static void run(Options options, PrintStream out) throws Exception {
        Path sourcesDir = options.existingDirectory("sources");
        Path storeDir = Path.of(options.required("store"));
        Charset charset = charset(options.optional("encoding", "UTF-8"));
        Map<Source, Path> files = deliveredFiles(sourcesDir);
        for (Map.Entry<Source, Path> entry : files.entrySet()) {
            SourceLoader.readHeader(entry.getValue(), charset); // encoding of the header line
            checkHeader(entry.getKey(), entry.getValue(), charset);
        }
        Files.createDirectories(storeDir.resolve("rejects"));
        Path loading = storeDir.resolve(Store.FILE_NAME + ".loading");
        Files.deleteIfExists(loading);
        Files.deleteIfExists(storeDir.resolve(Store.FILE_NAME + ".loading.wal"));
        long started = System.nanoTime();
        long totalRead = 0;
        long totalAccepted = 0;
        long totalRejected = 0;
        boolean success = false;
        double clusterSeconds = 0;
        double normaliseSeconds = 0;
        double checkpointSeconds = 0;
        double[] cpu = new double[4];
        cpu[0] = RunReport.cpuSeconds();
        try (Connection connection = Store.open(loading)) {
            Store.createSchema(connection);
            SourceLoader loader = new SourceLoader(
                    connection,
                    charset,
                    Integer.getInteger(
                            "minzheng.load.workers", Runtime.getRuntime().availableProcessors()));
            List<LoadResult> results = new ArrayList<>();
            for (Map.Entry<Source, Path> entry : files.entrySet()) {
                List<Reject> rejects = new ArrayList<>();
                double cpuBefore = RunReport.cpuSeconds();
                LoadResult result = loader.load(entry.getKey(), entry.getValue(), rejects);
                Path rejectFile =
                        storeDir.resolve("rejects").resolve(entry.getKey().code() + ".csv");
                writeRejects(rejectFile, rejects);
                results.add(result);
                totalRead += result.rowsRead();
                totalAccepted += result.accepted();
                totalRejected += result.rejected();
                double cpuAfter = RunReport.cpuSeconds();
                out.printf(
                        "load %-20s rows_read=%d accepted=%d rejected=%d (usable_id=%d residue=%d) %.2f s cpu=%.2fs%s%n",
                        entry.getKey().code(),
                        result.rowsRead(),
                        result.accepted(),
                        result.rejected(),
                        result.withUsableId(),
                        result.residue(),
                        result.seconds(),
                        cpuAfter - cpuBefore,
                        result.rejected() > 0 ? " rejects→" + rejectFile : "");
                for (String warning : result.warnings()) {
                    out.println("  warning " + entry.getKey().code() + ": " + warning);
                }
            }
            long appended = System.nanoTime();
            cpu[1] = RunReport.cpuSeconds();
            Store.buildLookupIndex(connection);
            clusterSeconds = (System.nanoTime() - appended) / 1e9;
            normaliseSeconds = (appended - started) / 1e9;
            cpu[2] = RunReport.cpuSeconds();
            long checkpoint = System.nanoTime();
            record(connection, results);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
            checkpointSeconds = (System.nanoTime() - checkpoint) / 1e9;
            cpu[3] = RunReport.cpuSeconds();
            success = true;
        } finally {
            if (!success) {
                Files.deleteIfExists(loading);
                Files.deleteIfExists(storeDir.resolve(Store.FILE_NAME + ".loading.wal"));
            }
        }
        Files.move(loading, Store.file(storeDir), StandardCopyOption.REPLACE_EXISTING);
        deleteRecursively(storeDir.resolve("parquet")); // a Spark export of the previous store is stale now
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                "load phases normalise_append=%.1fs (%.2f M rows/s) lookup_index=%.1fs checkpoint=%.1fs%n",
                normaliseSeconds, totalRead / normaliseSeconds / 1e6, clusterSeconds, checkpointSeconds);
        // CPU seconds of the whole process per phase: on a machine shared with other work, wall time says little
        out.printf(
                "load cpu normalise_append=%.1fs (%.2f M rows per cpu-second) lookup_index=%.1fs checkpoint=%.1fs%n",
                cpu[1] - cpu[0], totalRead / (cpu[1] - cpu[0]) / 1e6, cpu[2] - cpu[1], cpu[3] - cpu[2]);
        out.printf(
                "load total rows_read=%d accepted=%d rejected=%d in %.1f s (%.2f M rows/s) peak_rss=%dMB → %s%n",
                totalRead,
                totalAccepted,
                totalRejected,
                seconds,
                totalRead / seconds / 1e6,
                RunReport.peakRssBytes() / (1024 * 1024),
                Store.file(storeDir));
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown encoding " + name + " (use UTF-8 or GB18030)");
        }
    }

    /**
     * Every {@code <code>.csv}, {@code <code>.csv.gz} or {@code <code>.zip} (one CSV inside) in the directory; any
     * other such file is an unknown source and refused by name, and so are two files for one source.
     */
    static Map<Source, Path> deliveredFiles(Path dir) throws IOException {
        Map<Source, Path> files = new EnumMap<>(Source.class);
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.sorted().toList()) {
                String code = DeliveryStreams.codeOf(file.getFileName().toString());
                if (code == null || !Files.isRegularFile(file)) {
                    continue;
                }
                Source source = Source.ofCode(code)
                        .orElseThrow(() -> new UserError(file + ": unknown source code '" + code
                                + "' (file names must be one of the 26 codes, e.g. vehicle.csv or vehicle.csv.gz)"));
                Path other = files.put(source, file);
                if (other != null) {
                    throw new UserError(file + ": a second file for source " + code + " beside " + other.getFileName()
                            + " (deliver one)");
                }
            }
        }
        if (files.isEmpty()) {
            throw new UserError("no <code>.csv, <code>.csv.gz or <code>.zip files in " + dir);
        }
        return files;
    }

    private static void checkHeader(Source source, Path file, Charset charset) throws IOException {
        List<String> header = SourceLoader.readHeader(file, charset);
        for (String required : Source.COMMON_COLUMNS) {
            if (header.stream().noneMatch(h -> h.equalsIgnoreCase(required))) {
                throw new UserError(file + ": missing required column " + required);
            }
        }
    }

    private static void writeRejects(Path file, List<Reject> rejects) throws IOException {
        if (rejects.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("line,record_id,reason\n");
            for (Reject reject : rejects) {
                writer.write(reject.line() + "," + Csv.quote(reject.recordId() == null ? "" : reject.recordId()) + ","
                        + Csv.quote(reject.reason()) + "\n");
            }
        }
    }

    private static void record(Connection connection, List<LoadResult> results) throws Exception {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO load_report VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LoadResult result : results) {
                insert.setString(1, result.source().code());
                insert.setString(2, result.file().toString());
                insert.setLong(3, result.rowsRead());
                insert.setLong(4, result.accepted());
                insert.setLong(5, result.rejected());
                insert.setLong(6, result.withUsableId());
                insert.setLong(7, result.residue());
                insert.setDouble(8, result.seconds());
                insert.executeUpdate();
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
