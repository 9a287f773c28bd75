package cn.minzheng.verification.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a CSV byte stream into complete records (RFC 4180: a line break inside a quoted field does not end the
 * record) without decoding anything, so that decoding and normalisation can run on several threads. Works for UTF-8 and
 * GB18030 alike, because in both the bytes of comma, quote, CR and LF never occur inside a multi-byte character.
 */
final class CsvFramer {

    private static final int BLOCK = 4 << 20;

    private final InputStream in;
    private byte[] carry = new byte[0];
    private int carryLength;
    private long line = 1;
    private boolean eof;
    /** Blocks handed back by the consumers, reused instead of allocating 4 MB per block. */
    private final java.util.Queue<RecordBatch> recycled;

    CsvFramer(InputStream in) {
        this(in, null);
    }

    CsvFramer(InputStream in, java.util.Queue<RecordBatch> recycled) {
        this.in = in;
        this.recycled = recycled;
    }

    /** Line number of the next record to be framed (1 is the header). */
    long line() {
        return line;
    }

    /** The next batch of records, or null at the end of the stream. */
    RecordBatch next() throws IOException {
        if (eof && carryLength == 0) {
            return null;
        }
        int size = Math.max(BLOCK, carryLength * 2);
        RecordBatch batch = recycled == null ? null : recycled.poll();
        if (batch == null || batch.bytes.length < size) {
            batch = new RecordBatch(new byte[size], 1 << 14);
        } else {
            batch.count = 0;
        }
        byte[] buffer = batch.bytes;
        System.arraycopy(carry, 0, buffer, 0, carryLength);
        int length = carryLength;
        while (!eof && length < buffer.length) {
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                eof = true;
            } else {
                length += read;
            }
        }
        int start = 0;
        boolean quoted = false;
        int newlinesInRecord = 0;
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n') {
                if (quoted) {
                    newlinesInRecord++;
                    continue;
                }
                int end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                batch.add(start, end, line);
                line += 1 + newlinesInRecord;
                newlinesInRecord = 0;
                start = i + 1;
            }
        }
        if (eof && start < length) {
            int end = buffer[length - 1] == '\r' ? length - 1 : length;
            batch.add(start, end, line); // last record without a final newline (or an unterminated quote)
            line += 1 + newlinesInRecord;
            start = length;
        }
        carryLength = length - start;
        if (carryLength > 0) {
            carry = Arrays.copyOfRange(buffer, start, length);
        }
        if (batch.count == 0 && !eof) {
            // A single record longer than the block: read on with a bigger buffer.
            carry = Arrays.copyOf(buffer, length);
            carryLength = length;
            return next();
        }
        return batch;
    }
}
