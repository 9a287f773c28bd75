package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.cli.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;

/**
 * Loads one delivered file into the store: one thread frames records, worker threads decode, normalise and append
 * them through their own DuckDB appenders. Normalisation happens here, once, in Java; a run only joins.
 */
public final class SourceLoader {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] GB18030_BOM = {(byte) 0x84, 0x31, (byte) 0x95, 0x33};

    private final DuckDBConnection connection;
    private final Charset charset;
    private final int workers;

    public SourceLoader(Connection connection, Charset charset, int workers) throws SQLException {
        this.connection = connection.unwrap(DuckDBConnection.class);
        this.charset = charset;
        this.workers = Math.max(1, workers);
    }

    /** Reads just the header of a file, so that every file can be checked before anything is loaded. */
    public static List<String> readHeader(Path file, Charset charset) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
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

    private static int bomLength(byte[] bytes, int length) {
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
        BlockingQueue<RecordBatch> queue = new ArrayBlockingQueue<>(workers * 2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Reject> found = Collections.synchronizedList(new ArrayList<>());
        List<RowWriter> writers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            RowWriter writer = new RowWriter(source, file, layout, charset, connection.duplicate(), found);
            writers.add(writer);
            Thread thread = new Thread(
                    () -> {
                        try {
                            writer.drain(queue, failure);
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        } finally {
                            writer.closeQuietly();
                        }
                    },
                    "load-" + source.code() + "-" + i);
            thread.start();
            threads.add(thread);
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bomLength(peek(file), 4));
            CsvFramer framer = new CsvFramer(in);
            boolean header = true;
            for (RecordBatch batch = framer.next(); batch != null; batch = framer.next()) {
                if (header) {
                    skipHeader(batch);
                    header = false;
                }
                put(queue, batch, failure);
            }
        } finally {
            for (int i = 0; i < workers; i++) {
                put(queue, RecordBatch.END, failure);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("load interrupted", e);
                }
            }
        }
        Throwable error = failure.get();
        if (error instanceof UserError userError) {
            throw userError;
        }
        if (error != null) {
            throw new IOException(file + ": " + error.getMessage(), error);
        }
        long read = 0;
        long accepted = 0;
        long usable = 0;
        long residue = 0;
        for (RowWriter writer : writers) {
            read += writer.read;
            accepted += writer.accepted;
            usable += writer.usable;
            residue += writer.residue;
        }
        found.sort((a, b) -> Long.compare(a.line(), b.line()));
        rejects.addAll(found);
        return new LoadResult(
                source,
                file,
                read,
                accepted,
                found.size(),
                usable,
                residue,
                (System.nanoTime() - started) / 1e9,
                layout.warnings);
    }

    private static byte[] peek(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.copyOf(in.readNBytes(4), 4);
        }
    }

    /** Drops the header record from the first batch; the layout was read separately. */
    private static void skipHeader(RecordBatch batch) {
        if (batch.count > 0) {
            batch.starts[0] = batch.ends[0];
            batch.lines[0] = -1;
        }
    }

    private static void put(BlockingQueue<RecordBatch> queue, RecordBatch batch, AtomicReference<Throwable> failure)
            throws IOException {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null && failure.get() != null) {
                    return; // the workers stopped; stop feeding them
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("load interrupted", e);
        }
    }
}
