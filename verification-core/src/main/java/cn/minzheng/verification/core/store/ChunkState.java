package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.normalize.Dates;
import java.io.IOException;
import java.util.Arrays;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBWritableVector;

/**
 * What one of DuckDB's threads keeps between calls of the table function: its normaliser, the block of records it is
 * working through, its residue records waiting to be spilled, and the string columns of the chunk being filled (DuckDB
 * takes those a whole column at a time).
 */
final class ChunkState {

    private static final int SPILL_FLUSH = 1 << 20;

    final LoadJob job;
    final RecordNormaliser normaliser;
    private final boolean residue;
    /** The keyed pass writes names as written for the register only ({@link Source#keepsNameText()}). */
    private final boolean keepsNames;

    private final ColumnType[] ownTypes;

    private RecordBatch batch;
    private int position;

    private byte[] spill = new byte[SPILL_FLUSH + (1 << 16)];
    private int spillLength;
    private int spillRecords;

    private byte[][] recordIds = new byte[0][];
    private byte[][][] ownTexts;
    private byte[][] idTexts = new byte[0][];
    private byte[][] names = new byte[0][];
    private byte[][] recordedNames = new byte[0][];

    ChunkState(LoadJob job, RecordNormaliser normaliser, boolean residue) {
        this.job = job;
        this.normaliser = normaliser;
        this.residue = residue;
        this.keepsNames = job.source.keepsNameText();
        int own = job.source.ownColumns().size();
        ownTypes = new ColumnType[own];
        for (int i = 0; i < own; i++) {
            ownTypes[i] = job.source.ownColumns().get(i).type();
        }
        ownTexts = new byte[own][][];
    }

    /** Fills one chunk; returns its row count, 0 when the input is exhausted. */
    long fill(DuckDBDataChunkWriter out) throws IOException, InterruptedException {
        int capacity = (int) out.capacity();
        if (recordIds.length != capacity) {
            recordIds = new byte[capacity][];
            idTexts = new byte[capacity][];
            names = new byte[capacity][];
            recordedNames = new byte[capacity][];
            for (int i = 0; i < ownTexts.length; i++) {
                ownTexts[i] = ownTypes[i] == ColumnType.TEXT ? new byte[capacity][] : null;
            }
        }
        int columns = (int) out.columnCount();
        DuckDBWritableVector[] vectors = new DuckDBWritableVector[columns];
        for (int i = 0; i < columns; i++) {
            vectors[i] = out.vector(i);
        }
        int rows = 0;
        while (rows < capacity) {
            if (batch == null || position >= batch.count) {
                if (batch != null) {
                    job.recycle(batch);
                }
                batch = job.next();
                position = 0;
                if (batch == null) {
                    break;
                }
            }
            int r = position++;
            int start = batch.starts[r];
            int end = batch.ends[r];
            if (start >= end) {
                continue; // the header, or an empty line
            }
            RecordNormaliser.Kind kind = normaliser.normalise(batch.bytes, start, end, batch.lines[r]);
            if (kind == RecordNormaliser.Kind.RESIDUE && !residue) {
                spill(batch.bytes, start, end, batch.lines[r]);
            } else if (kind == RecordNormaliser.Kind.KEYED && !residue
                    || kind == RecordNormaliser.Kind.RESIDUE && residue) {
                write(vectors, rows++);
            }
        }
        vectors[0].setStringUtf8Batch(0, rows == capacity ? recordIds : Arrays.copyOf(recordIds, rows));
        int column = 6;
        for (int i = 0; i < ownTypes.length; i++, column++) {
            if (ownTypes[i] == ColumnType.TEXT) {
                vectors[column].setStringUtf8Batch(
                        0, rows == capacity ? ownTexts[i] : Arrays.copyOf(ownTexts[i], rows));
            }
        }
        vectors[column++].setStringUtf8Batch(0, rows == capacity ? recordedNames : Arrays.copyOf(recordedNames, rows));
        if (residue) {
            vectors[column].setStringUtf8Batch(0, rows == capacity ? idTexts : Arrays.copyOf(idTexts, rows));
            vectors[column + 1].setStringUtf8Batch(0, rows == capacity ? names : Arrays.copyOf(names, rows));
        } else if (keepsNames) {
            vectors[column].setStringUtf8Batch(0, rows == capacity ? names : Arrays.copyOf(names, rows));
        }
        if (rows == 0 && !residue) {
            flushSpill();
        }
        return rows;
    }

    private void write(DuckDBWritableVector[] v, int row) {
        RecordNormaliser n = normaliser;
        recordIds[row] = n.recordId;
        if (residue) {
            v[1].setNull(row);
        } else {
            v[1].setLong(row, n.idKey);
        }
        v[2].setByte(row, (byte) n.status.ordinal());
        v[3].setLong(row, n.nameHash);
        v[4].setByte(row, (byte) n.gender);
        if (n.birthDay == Dates.NONE) {
            v[5].setNull(row);
        } else {
            v[5].setInt(row, n.birthDay);
        }
        int column = 6;
        for (int i = 0; i < ownTypes.length; i++, column++) {
            DuckDBWritableVector vector = v[column];
            switch (ownTypes[i]) {
                case TEXT -> ownTexts[i][row] = n.ownTexts[i];
                case DATE, MONTH -> {
                    if (n.ownNumbers[i] == Long.MIN_VALUE) {
                        vector.setNull(row);
                    } else {
                        vector.setInt(row, (int) n.ownNumbers[i]);
                    }
                }
                case MONEY -> {
                    if (n.ownNumbers[i] == Long.MIN_VALUE) {
                        vector.setNull(row);
                    } else {
                        vector.setLong(row, n.ownNumbers[i]);
                    }
                }
                case INTEGER -> {
                    if (n.ownNumbers[i] == Long.MIN_VALUE) {
                        vector.setNull(row);
                    } else {
                        vector.setInt(row, (int) n.ownNumbers[i]);
                    }
                }
                case DECIMAL -> {
                    if (Double.isNaN(n.ownDecimals[i])) {
                        vector.setNull(row);
                    } else {
                        vector.setDouble(row, n.ownDecimals[i]);
                    }
                }
            }
        }
        recordedNames[row] = n.nameRecorded;
        if (residue) {
            idTexts[row] = n.idText;
        }
        if (residue || keepsNames) {
            names[row] = n.nameDisplay;
        }
    }

    private void spill(byte[] bytes, int start, int end, long line) throws IOException {
        int length = end - start;
        if (spillLength + length + 12 > spill.length) {
            flushSpill();
            if (length + 12 > spill.length) {
                spill = new byte[length + 12];
            }
        }
        putLong(line);
        putInt(length);
        System.arraycopy(bytes, start, spill, spillLength, length);
        spillLength += length;
        spillRecords++;
        if (spillLength >= SPILL_FLUSH) {
            flushSpill();
        }
    }

    private void putLong(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            spill[spillLength++] = (byte) (value >>> shift);
        }
    }

    private void putInt(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            spill[spillLength++] = (byte) (value >>> shift);
        }
    }

    /** Hands the buffered residue records to the job's spill file. */
    void flushSpill() throws IOException {
        if (spillLength > 0) {
            job.writeSpill(spill, spillLength, spillRecords);
            spillLength = 0;
            spillRecords = 0;
        }
    }
}
