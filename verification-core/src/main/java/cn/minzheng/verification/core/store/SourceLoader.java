package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.cli.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;

/**
 * Loads one delivered file into the store. Normalisation happens here, once, in Java; a run only joins.
 *
 * <p>The rows reach DuckDB through a table function implemented in Java ({@link NormaliseFunction}): {@code INSERT
 * INTO src_<code> SELECT … FROM <function>(job)}. DuckDB's own worker threads call the function, each normalising its
 * share of the file's records straight into DuckDB's column vectors, and DuckDB's parallel insert compresses and
 * writes them. That replaced one JDBC appender per worker, which was measured about twice as costly per row and did not
 * scale with threads. One reader thread frames the file into blocks of whole records for them.
 *
 * <p>A file's records go to two tables, src_ (usable number) and res_ (the residue, a few per cent), and an insert
 * has one target. The residue records' bytes are therefore set aside in a spill file while src_ is written and
 * normalised again, from there, into res_ — the same code on the same bytes gives the same values.
 */
public final class SourceLoader {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] GB18030_BOM = {(byte) 0x84, 0x31, (byte) 0x95, 0x33};
    private static final AtomicLong IDS = new AtomicLong();
    /** Jobs by id: the table function finds its job from the id the SQL text passes it. */
    static final Map<Long, LoadJob> JOBS = new ConcurrentHashMap<>();

    private final DuckDBConnection connection;
    private final Charset charset;
    private final int workers;
    private String function;

    public SourceLoader(Connection connection, Charset charset, int workers) throws SQLException {
        this.connection = connection.unwrap(DuckDBConnection.class);
        this.charset = charset;
        this.workers = Math.max(1, workers);
    }

    /** Reads just the header of a file, so that every file can be checked before anything is loaded. */
    public static List<String> readHeader(Path file, Charset charset) throws IOException {
        try (InputStream in = DeliveryStreams.open(file)) {
            byte[] head = in.readNBytes(1 << 16);
            int start = bomLength(head, head.length);
            int end = start;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            if (end == start) {
                throw new UserError(file + ": empty file, expected a header row");
            }
            int stop = end > start && head[end - 1] == '\r' ? end - 1 : end;
            if (!new EncodingCheck(charset).valid(head, start, stop)) {
                throw new UserError(file + ": line 1 is not valid " + charset.name() + hint(charset));
            }
            Fields fields = new Fields();
            fields.split(head, start, stop);
            List<String> header = new ArrayList<>();
            for (int i = 0; i < fields.count; i++) {
                header.add(fields.text(i, charset).strip());
            }
            return header;
        }
    }

    static String hint(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? " (for GB18030 deliveries use --encoding GB18030)" : "";
    }

    static int bomLength(byte[] bytes, int length) {
        if (length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
            return 3;
        }
        if (length >= 4 && Arrays.equals(bytes, 0, 4, GB18030_BOM, 0, 4)) {
            return 4;
        }
        return 0;
    }

    public LoadResult load(Source source, Path file, List<Reject> rejects) throws IOException, SQLException {
        long started = System.nanoTime();
        HeaderLayout layout = new HeaderLayout(source, file, readHeader(file, charset));
        long id = IDS.incrementAndGet();
        Path spillDirectory = spillDirectory();
        boolean createdDirectory = !Files.isDirectory(spillDirectory);
        Path spill = createSpillFile(spillDirectory, source);
        LoadJob job = new LoadJob(source, file, layout, charset, workers, spill);
        JOBS.put(id, job);
        try {
            registerFunction();
            job.startReading();
            insert(job, id, source.table(), Store.columnList(source), source, false);
            job.finishKeyedPass();
            if (job.spilledRecords() > 0) {
                job.startResiduePass();
                insert(job, id, source.residueTable(), Store.residueColumnList(source), source, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(file + ": load interrupted", e);
        } catch (SQLException e) {
            job.fail(e);
            Throwable cause = job.failure();
            if (cause instanceof UserError userError) {
                throw userError;
            }
            if (cause != null && cause != e) {
                throw new IOException(file + ": " + cause.getMessage(), cause);
            }
            throw e;
        } finally {
            JOBS.remove(id);
            job.close();
            Files.deleteIfExists(spill);
            if (createdDirectory) {
                deleteIfEmpty(spillDirectory); // leave the store's directory as the load found it
            }
        }
        Throwable failure = job.failure();
        if (failure instanceof UserError userError) {
            throw userError;
        }
        if (failure != null) {
            throw new IOException(file + ": " + failure.getMessage(), failure);
        }
        List<Reject> found = job.rejects();
        rejects.addAll(found);
        return new LoadResult(
                source,
                file,
                job.read(),
                job.accepted(),
                found.size(),
                job.usable(),
                job.residue(),
                (System.nanoTime() - started) / 1e9,
                layout.warnings);
    }

    private void insert(LoadJob job, long id, String table, String columns, Source source, boolean residue)
            throws SQLException {
        StringJoiner select = new StringJoiner(", ");
        for (String column : columns.split(",\\s*")) {
            select.add(isDate(source, column) ? "DATE '1970-01-01' + " + column + " AS " + column : column);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + select + " FROM " + function + "("
                    + id + ")");
        }
    }

    /** Date columns travel from the function as INTEGER epoch days and become DATE in the insert. */
    static boolean isDate(Source source, String column) {
        if (column.equals("birth_date")) {
            return true;
        }
        for (Column own : source.ownColumns()) {
            if (own.name().equals(column)) {
                return own.type() == ColumnType.DATE || own.type() == ColumnType.MONTH;
            }
        }
        return false;
    }

    private void registerFunction() throws SQLException {
        if (function != null) {
            return;
        }
        String name = "minzheng_normalise_" + IDS.incrementAndGet();
        DuckDBFunctions.tableFunction()
                .withName(name)
                .withParameter(DuckDBColumnType.BIGINT)
                .withFunction(new NormaliseFunction())
                .register(connection);
        function = name;
    }

    /**
     * The spill file, in a directory made when missing. Another load beside this one (the platform builds store files
     * side by side) may remove that directory between the two steps when it was the one that made it and has finished;
     * then it is made again.
     */
    private static Path createSpillFile(Path directory, Source source) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(directory);
            try {
                return Files.createTempFile(directory, "residue-" + source.code() + "-", ".bin");
            } catch (NoSuchFileException removed) {
                if (attempt == 3) {
                    throw removed;
                }
            }
        }
    }

    private static void deleteIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (IOException notEmpty) {
            // DuckDB spilled there too, or someone else uses it: not ours to remove
        }
    }

    /** Where residue records wait for their second pass: DuckDB's temp directory of the store, else the JVM's. */
    private Path spillDirectory() throws IOException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('temp_directory')")) {
            if (rows.next() && rows.getString(1) != null && !rows.getString(1).isBlank()) {
                return Path.of(rows.getString(1));
            }
        } catch (SQLException e) {
            // fall through to the JVM's temp directory
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
