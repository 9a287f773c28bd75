package cn.minzheng.verification.core.normalize;

/**
 * Normalises personal names as departments record them, and compares them.
 *
 * <p>{@link #normalise} gives the display form: no blanks, one middle dot, simplified characters (traditional and
 * variant forms folded by the build-time table from ICU4J, {@link NameTables}), half-width latin. {@link #key} gives
 * the comparison form: one pinyin syllable per character, so that the same name in another script (張偉/张伟,
 * 瀋/沈), homophone variants (伟/玮), a rare character written in pinyin (王yan for 王䶮), a name written in pinyin and
 * dot variants compare equal; its hash ({@link #keyHash}) is what the store and the joins compare. A '?' written for an unprintable
 * character matches any one syllable in {@link #samePerson}; in an equi-join it simply does not match.
 */
public final class Names {

    public static final char MIDDLE_DOT = '·';
    private static final NameTables TABLES = NameTables.get();

    private Names() {}

    /** Display form; empty string for null or blank input. */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\uFEFF') {
                continue;
            }
            if (isDot(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != MIDDLE_DOT) {
                    out.append(MIDDLE_DOT);
                }
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0); // full-width latin letters and '？'
            }
            out.append(TABLES.simplify(c));
        }
        int last = out.length() - 1;
        if (last >= 0 && out.charAt(last) == MIDDLE_DOT) {
            out.setLength(last);
        }
        return out.toString();
    }

    /** Whether a character is one of the dots people type between the parts of a transliterated name. */
    static boolean isDot(char c) {
        return switch (c) {
            case '\u00B7',
                    '\u30FB',
                    '\uFF0E',
                    '\u2022',
                    '\u2027',
                    '\u2219',
                    '\u22C5',
                    '\uFF65',
                    '.',
                    '\u3002',
                    '\u16EB' -> true;
            default -> false;
        };
    }

    /**
     * Comparison key of a normalised name: syllables separated by single blanks; characters the table does not know
     * stand for themselves; a run of latin letters is one syllable, lower-cased; dots are dropped.
     */
    public static String key(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(normalised.length() * 4);
        int i = 0;
        int n = normalised.length();
        while (i < n) {
            char c = normalised.charAt(i);
            if (c == MIDDLE_DOT) {
                i++;
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            if (isLatin(c)) {
                while (i < n && isLatin(normalised.charAt(i))) {
                    out.append(Character.toLowerCase(normalised.charAt(i)));
                    i++;
                }
                continue;
            }
            String syllable = TABLES.syllable(c);
            if (syllable != null) {
                out.append(syllable);
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** A name's display form as UTF-8 bytes and its key's hash, as {@link #normalise}, {@link #key} and {@link #keyHash}. */
    public record Utf8Name(byte[] display, long hash) {}

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * The loader's quick path for the common case, a name delivered in UTF-8 as nothing but three-byte characters that
     * are neither blanks, dots nor full-width forms (a Chinese name): the same display form and key hash as the general
     * path, computed from the bytes without building strings. Returns null for any other name; the caller then takes
     * the general path.
     */
    public static Utf8Name fromUtf8(byte[] b, int start, int end) {
        int length = end - start;
        if (length == 0 || length % 3 != 0) {
            return null;
        }
        byte[] display = new byte[length];
        long h = FNV_OFFSET;
        for (int i = start, o = 0; i < end; i += 3, o += 3) {
            int b0 = b[i] & 0xFF;
            int b1 = b[i + 1] & 0xFF;
            int b2 = b[i + 2] & 0xFF;
            if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
                return null;
            }
            char c = (char) (((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
            if (c < 0x800
                    || Character.isSurrogate(c)
                    || Character.isWhitespace(c)
                    || c == '\u3000'
                    || c == '\uFEFF'
                    || isDot(c)
                    || (c >= '\uFF01' && c <= '\uFF5E')) {
                return null;
            }
            char simple = TABLES.simplify(c);
            if (simple < 0x800 || Character.isSurrogate(simple)) {
                return null;
            }
            display[o] = (byte) (0xE0 | (simple >>> 12));
            display[o + 1] = (byte) (0x80 | ((simple >>> 6) & 0x3F));
            display[o + 2] = (byte) (0x80 | (simple & 0x3F));
            String syllable = TABLES.syllable(simple);
            if (syllable == null) {
                h = (h ^ simple) * FNV_PRIME;
            } else {
                for (int k = 0; k < syllable.length(); k++) {
                    h = (h ^ syllable.charAt(k)) * FNV_PRIME;
                }
            }
        }
        h ^= h >>> 31;
        return new Utf8Name(display, h == 0 ? 1 : h);
    }

    /**
     * 64-bit hash of a key, stored in the columnar store so that equal names compare as BIGINT. The blanks between
     * syllables do not count, so a name written in pinyin ("Zhang Wei", "ZHANGWEI") hashes as the characters it
     * spells (张伟): pinyin is the second key after the characters themselves.
     */
    public static long keyHash(String key) {
        if (key.isEmpty()) {
            return 0;
        }
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != ' ') {
                h ^= c;
                h *= FNV_PRIME;
            }
        }
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }

    /**
     * Whether two name keys can belong to the same person: true when either is empty (no evidence against), or both
     * have the same syllables position by position, where '?' matches any syllable. Different surname or different
     * given name gives false: that is how a family member's number on someone else's record is recognised.
     */
    public static boolean samePerson(String keyA, String keyB) {
        if (keyA.isEmpty() || keyB.isEmpty() || keyA.equals(keyB)) {
            return true;
        }
        String[] a = keyA.split(" ");
        String[] b = keyB.split(" ");
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i]) && !a[i].equals("?") && !b[i].equals("?")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
