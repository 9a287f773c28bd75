package cn.minzheng.verification.core.normalize;

/**
 * Normalises identity-card numbers per GB 11643-1999 and encodes them as a {@code long} key.
 *
 * <p>The key is the first 17 digits times 11 plus the check value (0–9, X = 10): a bijection on valid numbers that lets
 * the columnar store join on BIGINT instead of VARCHAR, which was measured about six times faster.
 *
 * <p>An instance is a small reusable cursor, not thread-safe: the loader normalises tens of millions of numbers and
 * must not allocate per row. The static helpers are for code that does not care.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = "10X98765432".toCharArray();
    private static final int[] DAYS_IN_MONTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final char[] clean = new char[64];
    private int cleanLength;
    private IdStatus status = IdStatus.EMPTY;
    private long key = -1;

    /** Result of {@link #normalise(String)}: status, the canonical 18-character number (or null) and the key. */
    public record Normalised(IdStatus status, String number, long key) {}

    /** Convenience form that allocates; used by the probe reader, tests and tools. */
    public static Normalised normalise(String raw) {
        IdNumbers cursor = new IdNumbers();
        cursor.parse(raw);
        return new Normalised(cursor.status, cursor.status.usable() ? decode(cursor.key) : null, cursor.key);
    }

    /** Parses {@code raw}; afterwards {@link #status()} and {@link #key()} describe it. Never throws. */
    public IdStatus parse(CharSequence raw) {
        if (raw == null) {
            return finish(IdStatus.EMPTY);
        }
        int length = raw.length();
        cleanLength = 0;
        boolean excelNotation = false;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            char mapped = map(c);
            if (mapped == 0) {
                continue; // formatting: blanks, separators, the apostrophe Excel users type to keep digits as text
            }
            if (mapped == 'E' || mapped == '.' || mapped == '+') {
                excelNotation = true;
            }
            if (cleanLength == clean.length) {
                return finish(IdStatus.MALFORMED);
            }
            clean[cleanLength++] = mapped;
        }
        if (cleanLength == 0) {
            return finish(IdStatus.EMPTY);
        }
        if (excelNotation) {
            return finish(IdStatus.EXCEL_DAMAGED);
        }
        if (cleanLength == 15) {
            return parseOld();
        }
        if (cleanLength == 18) {
            return parseCurrent();
        }
        return finish(IdStatus.MALFORMED);
    }

    /**
     * Like {@link #parse} but for a number known to be authoritative (the probe comes from the case file): a genuine
     * number that happens to end in "000" is accepted there, while in a department's delivery it is read as Excel
     * damage because the two cannot be told apart.
     */
    public IdStatus parseTrusted(CharSequence raw) {
        IdStatus parsed = parse(raw);
        if (parsed == IdStatus.EXCEL_DAMAGED && cleanLength == 18 && allDigits(0, 17) && endsWithZeros()) {
            return verifyCurrent();
        }
        return parsed;
    }

    public IdStatus status() {
        return status;
    }

    /** The BIGINT key when {@link #status()} is usable, otherwise -1. */
    public long key() {
        return key;
    }

    /**
     * The cleaned characters (after formatting removal and 15→18 conversion where it applied). Useful for residue
     * matching of damaged numbers, which compares prefixes and Hamming distance, never repairs.
     */
    public String cleaned() {
        return new String(clean, 0, cleanLength);
    }

    private IdStatus parseOld() {
        if (!allDigits(0, 15)) {
            return finish(IdStatus.MALFORMED);
        }
        // GB 11643-1989 numbers have a two-digit year: insert "19" and append the computed check character.
        System.arraycopy(clean, 6, clean, 8, 9);
        clean[6] = '1';
        clean[7] = '9';
        clean[17] = CHECK_CHARS[checksum(clean)];
        cleanLength = 18;
        if (!validDate()) {
            return finish(IdStatus.BAD_DATE);
        }
        key = encode(clean);
        return finish(IdStatus.CONVERTED_15);
    }

    private IdStatus parseCurrent() {
        if (!allDigits(0, 17)) {
            return finish(IdStatus.MALFORMED);
        }
        char last = clean[17];
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return finish(IdStatus.MALFORMED);
        }
        if (endsWithZeros()) {
            // An 18-digit number kept as a spreadsheet number keeps 15 significant digits and zeroes the rest.
            return finish(IdStatus.EXCEL_DAMAGED);
        }
        return verifyCurrent();
    }

    private IdStatus verifyCurrent() {
        if (CHECK_CHARS[checksum(clean)] != clean[17]) {
            return finish(IdStatus.BAD_CHECK);
        }
        if (!validDate()) {
            return finish(IdStatus.BAD_DATE);
        }
        key = encode(clean);
        return finish(IdStatus.VALID);
    }

    private boolean endsWithZeros() {
        return clean[15] == '0' && clean[16] == '0' && clean[17] == '0';
    }

    private IdStatus finish(IdStatus result) {
        if (!result.usable()) {
            key = -1;
        }
        status = result;
        return result;
    }

    private boolean allDigits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (clean[i] < '0' || clean[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private boolean validDate() {
        int year = digits(6, 4);
        int month = digits(10, 2);
        int day = digits(12, 2);
        if (year < 1880 || year > 2100 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        if (month == 2 && day == 29) {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }
        return day <= DAYS_IN_MONTH[month];
    }

    private int digits(int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (clean[i] - '0');
        }
        return value;
    }

    /** Maps one input character to its canonical form, or 0 for characters that are only formatting. */
    private static char map(char c) {
        if (c >= '0' && c <= '9') {
            return c;
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return (char) (c - '\uFF10' + '0'); // full-width digits typed with a Chinese input method
        }
        switch (c) {
            case 'x', 'X', '\uFF38', '\uFF58', '×' -> {
                return 'X';
            }
            case 'e', 'E', '\uFF25', '\uFF45' -> {
                return 'E';
            }
            case '.', '\uFF0E' -> {
                return '.';
            }
            case '+', '\uFF0B' -> {
                return '+';
            }
            case ' ',
                    '\t',
                    '\u00A0',
                    '\u3000',
                    '-',
                    '\u2010',
                    '\u2011',
                    '\u2012',
                    '\u2013',
                    '\u2014',
                    '\uFF0D',
                    '\'',
                    '\u2018',
                    '\u2019',
                    '`',
                    '"',
                    '=',
                    '\uFEFF',
                    '\r',
                    '\n' -> {
                return 0;
            }
            default -> {
                return c;
            }
        }
    }

    /** Sum of weighted digits modulo 11 over the first 17 characters, per ISO 7064 MOD 11-2. */
    static int checksum(char[] number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number[i] - '0') * WEIGHTS[i];
        }
        return sum % 11;
    }

    /** The check character for 17 leading digits. */
    public static char checkCharacter(CharSequence first17) {
        char[] digits = new char[17];
        for (int i = 0; i < 17; i++) {
            digits[i] = first17.charAt(i);
        }
        return CHECK_CHARS[checksum(digits)];
    }

    private static long encode(char[] number) {
        long body = 0;
        for (int i = 0; i < 17; i++) {
            body = body * 10 + (number[i] - '0');
        }
        int check = number[17] == 'X' ? 10 : number[17] - '0';
        return body * 11 + check;
    }

    /** The canonical 18-character number for a key produced by this class. */
    public static String decode(long key) {
        long body = key / 11;
        int check = (int) (key % 11);
        char[] out = new char[18];
        for (int i = 16; i >= 0; i--) {
            out[i] = (char) ('0' + body % 10);
            body /= 10;
        }
        out[17] = check == 10 ? 'X' : (char) ('0' + check);
        return new String(out);
    }

    /** Converts a valid 15-digit number to its 18-digit form, or returns null when it is not one. */
    public static String upgrade15(String old) {
        IdNumbers cursor = new IdNumbers();
        return cursor.parse(old) == IdStatus.CONVERTED_15 ? decode(cursor.key) : null;
    }
}
