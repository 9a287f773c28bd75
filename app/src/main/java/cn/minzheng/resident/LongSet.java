package cn.minzheng.resident;

/** A set of longs without boxing (1.3 million ID numbers would otherwise take a hundred megabytes). */
final class LongSet {

    private long[] slots;

    private int size;

    LongSet(int capacity) {
        slots = new long[Integer.highestOneBit(Math.max(16, capacity) - 1) << 1];
    }

    /** Adds a positive value; false when it was there already. */
    boolean add(long value) {
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (mix(value) & mask);
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long value : old) {
            if (value != 0) {
                add(value);
            }
        }
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
