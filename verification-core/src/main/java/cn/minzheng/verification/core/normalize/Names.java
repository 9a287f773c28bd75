package cn.minzheng.verification.core.normalize;

/**
 * Normalises personal names as departments record them, and compares them.
 *
 * <p>{@link #normalise} gives the display form: no blanks, one middle dot, simplified characters, half-width latin.
 * {@link #key} gives the comparison form: one pinyin syllable per character, so that homophone variants (伟/玮), a
 * rare character written in pinyin (王yan for 王䶮) and dot variants compare equal. A '?' written for an unprintable
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

    /** 64-bit hash of a key, stored in the columnar store so that equal names compare as BIGINT. */
    public static long keyHash(String key) {
        if (key.isEmpty()) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
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
