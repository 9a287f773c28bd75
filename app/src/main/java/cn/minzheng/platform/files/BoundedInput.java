package cn.minzheng.platform.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An inflating part read through a meter: past {@code limit} bytes it refuses with {@link TooLarge}. */
public final class BoundedInput extends FilterInputStream {

    /** The part inflated to more than the workbook's limits allow. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("workbook part inflates beyond " + limit + " bytes");
        }
    }

    private final long limit;
    private long read;

    public BoundedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLarge {
        read += n;
        if (read > limit) {
            throw new TooLarge(limit);
        }
    }
}
