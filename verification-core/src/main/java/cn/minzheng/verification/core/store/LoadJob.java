package cn.minzheng.verification.core.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One file being loaded: the reader thread that frames it into blocks of records, the per-thread states of the
 * table function that normalise them, the spill file of residue records, and the first failure, if any.
 */
final class LoadJob {

    private static final int SPILL_BATCH = 1 << 20;

    final Source source;
    final Path file;
    final HeaderLayout layout;
    final Charset charset;
    final int threads;
    private final Path spill;

    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<ChunkState> keyedStates = Collections.synchronizedList(new ArrayList<>());
    private final List<ChunkState> residueStates = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean residuePass;
    private volatile boolean stopped;

    private final BlockingQueue<RecordBatch> queue;
    private final java.util.Queue<RecordBatch> recycled = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private Thread reader;
    private DataOutputStream spillOut;
    private DataInputStream spillIn;
    private long spilled;

    LoadJob(Source source, Path file, HeaderLayout layout, Charset charset, int threads, Path spill) {
        this.source = source;
        this.file = file;
        this.layout = layout;
        this.charset = charset;
        this.threads = threads;
        this.spill = spill;
        this.queue = new ArrayBlockingQueue<>(threads * 2 + 1);
    }

    boolean residuePass() {
        return residuePass;
    }

    /** A state for one of DuckDB's threads calling the function. */
    ChunkState newState() {
        ChunkState state =
                new ChunkState(this, new RecordNormaliser(source, file, layout, charset, !residuePass), residuePass);
        (residuePass ? residueStates : keyedStates).add(state);
        return state;
    }

    /** Starts the thread that frames the file into blocks of whole records. */
    void startReading() throws IOException {
        spillOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
        reader = new Thread(this::readFile, "load-read-" + source.code());
        reader.setDaemon(true);
        reader.start();
    }

    private void readFile() {
        try (InputStream in = new java.io.BufferedInputStream(DeliveryStreams.open(file), 1 << 16)) {
            in.mark(4);
            byte[] head = new byte[4];
            int n = in.readNBytes(head, 0, 4);
            int bom = SourceLoader.bomLength(head, n);
            in.reset();
            in.skipNBytes(bom);
            CsvFramer framer = new CsvFramer(in, recycled);
            boolean header = true;
            for (RecordBatch batch = framer.next(); batch != null; batch = framer.next()) {
                if (header) {
                    if (batch.count > 0) { // the header record; the layout was read separately
                        batch.starts[0] = batch.ends[0];
                    }
                    header = false;
                }
                if (!put(batch)) {
                    return;
                }
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            put(RecordBatch.END);
        }
    }

    private boolean put(RecordBatch batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null || stopped) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next block of records for a calling thread, or null when the input is exhausted. */
    RecordBatch next() throws IOException, InterruptedException {
        if (residuePass) {
            return nextSpilled();
        }
        while (true) {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new IOException("load stopped: " + failed.getMessage(), failed);
            }
            RecordBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
            if (batch == RecordBatch.END) {
                queue.offer(RecordBatch.END); // the other threads must see the end too
                return null;
            }
            if (batch != null) {
                return batch;
            }
        }
    }

    /** A block the caller has finished with; the reader fills it again. */
    void recycle(RecordBatch batch) {
        if (!residuePass && recycled.size() < threads * 2) {
            recycled.offer(batch);
        }
    }

    /** Appends a state's buffered residue records to the spill file. */
    synchronized void writeSpill(byte[] buffer, int length, int records) throws IOException {
        spillOut.write(buffer, 0, length);
        spilled += records;
    }

    synchronized long spilledRecords() {
        return spilled;
    }

    /** After the src_ insert: the reader is done; every state's last residue records are in the spill file. */
    void finishKeyedPass() throws IOException, InterruptedException {
        reader.join();
        synchronized (keyedStates) {
            for (ChunkState state : keyedStates) {
                state.flushSpill();
            }
        }
        spillOut.close();
        spillOut = null;
    }

    void startResiduePass() throws IOException {
        spillIn = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill), 1 << 16));
        residuePass = true;
    }

    /** Reads about a megabyte of spilled records (line, length, bytes) into one block. */
    private synchronized RecordBatch nextSpilled() throws IOException {
        if (spillIn == null) {
            return null;
        }
        byte[] bytes = new byte[SPILL_BATCH];
        RecordBatch batch = null;
        int used = 0;
        while (used < SPILL_BATCH / 2) {
            long line;
            try {
                line = spillIn.readLong();
            } catch (EOFException end) {
                spillIn.close();
                spillIn = null;
                break;
            }
            int length = spillIn.readInt();
            if (used + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
            }
            spillIn.readFully(bytes, used, length);
            if (batch == null) {
                batch = new RecordBatch(bytes, 1024);
            }
            batch.add(used, used + length, line);
            used += length;
        }
        if (batch != null && batch.bytes != bytes) {
            batch = rebase(batch, bytes);
        }
        return batch;
    }

    private static RecordBatch rebase(RecordBatch batch, byte[] bytes) {
        RecordBatch moved = new RecordBatch(bytes, batch.count);
        for (int i = 0; i < batch.count; i++) {
            moved.add(batch.starts[i], batch.ends[i], batch.lines[i]);
        }
        return moved;
    }

    void fail(Throwable t) {
        failure.compareAndSet(null, t);
    }

    Throwable failure() {
        return failure.get();
    }

    void close() {
        stopped = true;
        if (reader != null) {
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (spillOut != null) {
                spillOut.close();
            }
            if (spillIn != null) {
                spillIn.close();
            }
        } catch (IOException ignored) {
            // the spill file is deleted next
        }
    }

    /** The rejected records in line order. */
    List<Reject> rejects() {
        List<Reject> all = new ArrayList<>();
        synchronized (keyedStates) {
            for (ChunkState state : keyedStates) {
                all.addAll(state.normaliser.rejects);
            }
        }
        all.sort((a, b) -> Long.compare(a.line(), b.line()));
        return all;
    }

    long read() {
        return sum(0);
    }

    long accepted() {
        return sum(1);
    }

    long usable() {
        return sum(2);
    }

    long residue() {
        return sum(3);
    }

    private long sum(int what) {
        long total = 0;
        synchronized (keyedStates) {
            for (ChunkState state : keyedStates) {
                RecordNormaliser n = state.normaliser;
                total += switch (what) {
                    case 0 -> n.read;
                    case 1 -> n.accepted;
                    case 2 -> n.usable;
                    default -> n.residue;
                };
            }
        }
        return total;
    }
}
