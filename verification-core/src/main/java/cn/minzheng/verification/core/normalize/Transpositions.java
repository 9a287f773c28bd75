package cn.minzheng.verification.core.normalize;

import java.util.Arrays;

/**
 * The numbers a mistyped identity number may have been before two adjacent characters were swapped: each swap of two
 * neighbours that gives a number with a valid check character and a real birth date. The check character (ISO 7064
 * MOD 11-2) detects every single adjacent transposition, so a transposed number is always refused by the normaliser;
 * swapping back is one of its candidates, and usually one of very few.
 */
public final class Transpositions {

    private static final long[] NONE = new long[0];

    private Transpositions() {}

    /** The keys of the valid numbers one adjacent swap away from {@code text} (18 characters), in swap order. */
    public static long[] candidates(String text) {
        if (text == null || text.length() != 18) {
            return NONE;
        }
        char[] digits = text.toCharArray();
        long[] found = new long[17];
        int count = 0;
        IdNumbers ids = new IdNumbers();
        for (int i = 0; i < 17; i++) {
            if (digits[i] == digits[i + 1]) {
                continue;
            }
            swap(digits, i);
            if (ids.parseTrusted(new String(digits)) == IdStatus.VALID) {
                long key = ids.key();
                boolean seen = false;
                for (int k = 0; k < count; k++) {
                    seen |= found[k] == key;
                }
                if (!seen) {
                    found[count++] = key;
                }
            }
            swap(digits, i);
        }
        return count == 0 ? NONE : Arrays.copyOf(found, count);
    }

    private static void swap(char[] digits, int i) {
        char t = digits[i];
        digits[i] = digits[i + 1];
        digits[i + 1] = t;
    }
}
