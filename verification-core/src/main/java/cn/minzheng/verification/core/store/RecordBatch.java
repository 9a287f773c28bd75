package cn.minzheng.verification.core.store;

/** A block of complete CSV records read from a file: the bytes, where each record starts and ends, and its line. */
final class RecordBatch {

    static final RecordBatch END = new RecordBatch(new byte[0], 0);

    final byte[] bytes;
    int count;
    int[] starts;
    int[] ends;
    long[] lines;

    RecordBatch(byte[] bytes, int capacity) {
        this.bytes = bytes;
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        this.lines = new long[capacity];
    }

    void add(int start, int end, long line) {
        if (count == starts.length) {
            int grown = Math.max(16, count * 2);
            starts = java.util.Arrays.copyOf(starts, grown);
            ends = java.util.Arrays.copyOf(ends, grown);
            lines = java.util.Arrays.copyOf(lines, grown);
        }
        starts[count] = start;
        ends[count] = end;
        lines[count] = line;
        count++;
    }
}
