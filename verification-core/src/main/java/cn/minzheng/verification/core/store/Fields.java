package cn.minzheng.verification.core.store;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The fields of one CSV record as byte ranges, reused from record to record. A quoted field is stored without its
 * quotes; a field that contained doubled quotes is marked and unescaped only when its text is asked for.
 */
final class Fields {

    int count;
    int[] starts = new int[32];
    int[] ends = new int[32];
    boolean[] escaped = new boolean[32];
    byte[] bytes;
    boolean malformed;

    /** Splits bytes[from, to) at commas outside quotes. */
    void split(byte[] data, int from, int to) {
        bytes = data;
        count = 0;
        malformed = false;
        int i = from;
        while (true) {
            ensure();
            if (i < to && data[i] == '"') {
                int start = i + 1;
                int j = start;
                boolean hasEscapes = false;
                while (true) {
                    if (j >= to) {
                        malformed = true; // unterminated quote
                        break;
                    }
                    if (data[j] == '"') {
                        if (j + 1 < to && data[j + 1] == '"') {
                            hasEscapes = true;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                starts[count] = start;
                ends[count] = Math.min(j, to);
                escaped[count] = hasEscapes;
                count++;
                i = j + 1;
                if (i < to && data[i] != ',') {
                    malformed = true; // text after the closing quote
                    while (i < to && data[i] != ',') {
                        i++;
                    }
                }
            } else {
                int j = i;
                while (j < to && data[j] != ',') {
                    j++;
                }
                starts[count] = i;
                ends[count] = j;
                escaped[count] = false;
                count++;
                i = j;
            }
            if (i >= to) {
                return;
            }
            i++; // past the comma
            if (i == to) {
                ensure();
                starts[count] = to;
                ends[count] = to;
                escaped[count] = false;
                count++;
                return;
            }
        }
    }

    private void ensure() {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
            escaped = java.util.Arrays.copyOf(escaped, count * 2);
        }
    }

    boolean isEmpty(int field) {
        for (int i = starts[field]; i < ends[field]; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    boolean isAscii(int field) {
        for (int i = starts[field]; i < ends[field]; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    String text(int field, Charset charset) {
        int start = starts[field];
        int length = ends[field] - start;
        String value = isAscii(field)
                ? new String(bytes, start, length, StandardCharsets.ISO_8859_1)
                : new String(bytes, start, length, charset);
        return escaped[field] ? value.replace("\"\"", "\"") : value;
    }

    /** Text with surrounding blanks removed, or null when empty. */
    String trimmedOrNull(int field, Charset charset) {
        if (isEmpty(field)) {
            return null;
        }
        return text(field, charset).strip();
    }

    /** Parses a whole number; Long.MIN_VALUE when empty, and throws NumberFormatException when not a number. */
    long number(int field) {
        int i = starts[field];
        int end = ends[field];
        while (i < end && bytes[i] == ' ') {
            i++;
        }
        while (end > i && bytes[end - 1] == ' ') {
            end--;
        }
        if (i == end) {
            return Long.MIN_VALUE;
        }
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        if (i == end || end - i > 18) {
            throw new NumberFormatException();
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException();
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** An ASCII view of a field for the identity-number parser, avoiding a String per row. */
    CharSequence asciiView(int field) {
        view.bytes = bytes;
        view.start = starts[field];
        view.length = ends[field] - starts[field];
        return view;
    }

    private final AsciiView view = new AsciiView();

    private static final class AsciiView implements CharSequence {
        byte[] bytes;
        int start;
        int length;

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[start + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(bytes, start + from, to - from, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
    }
}
