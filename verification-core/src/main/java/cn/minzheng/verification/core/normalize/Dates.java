package cn.minzheng.verification.core.normalize;

/**
 * Parses the dates departments write: 2023-05-01, 2023/5/1, 2023.05.01, 20230501, 2023年5月1日. Result is the epoch
 * day, or {@link #NONE} when the text is empty or not a calendar date.
 */
public final class Dates {

    public static final int NONE = Integer.MIN_VALUE;
    /** Returned by the quick parsers when the text is not in the one form they read; the general parser decides. */
    public static final int UNKNOWN = Integer.MIN_VALUE + 1;

    private static final int[] DAYS_IN_MONTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Dates() {}

    public static int parse(CharSequence text) {
        if (text == null) {
            return NONE;
        }
        int[] parts = new int[3];
        int[] digitCounts = new int[3];
        int part = 0;
        int n = text.length();
        boolean inNumber = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inNumber && digitCounts[part] > 0) {
                    part++;
                    if (part > 2) {
                        return NONE;
                    }
                }
                inNumber = true;
                parts[part] = parts[part] * 10 + (c - '0');
                digitCounts[part]++;
                if (digitCounts[part] > 8) {
                    return NONE;
                }
            } else if (c == '-' || c == '/' || c == '.' || c == '年' || c == '月' || c == '日' || c == ' ') {
                inNumber = false;
            } else {
                return NONE;
            }
        }
        int year;
        int month;
        int day;
        if (part == 0 && digitCounts[0] == 8) {
            year = parts[0] / 10000;
            month = parts[0] / 100 % 100;
            day = parts[0] % 100;
        } else if (part == 2 && digitCounts[0] == 4) {
            year = parts[0];
            month = parts[1];
            day = parts[2];
        } else {
            return NONE;
        }
        return epochDay(year, month, day);
    }

    /** A month (YYYY-MM, YYYY/MM, YYYYMM or a full date) as the epoch day of its first day, or {@link #NONE}. */
    public static int parseMonth(CharSequence text) {
        int year = 0;
        int month = 0;
        int digits = 0;
        int n = text.length();
        int i = 0;
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        for (; i < n && digits < 6; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits < 4) {
                    year = year * 10 + (c - '0');
                } else {
                    month = month * 10 + (c - '0');
                }
                digits++;
            } else if (!(digits == 4 && (c == '-' || c == '/' || c == '.' || c == '年'))) {
                return NONE;
            }
        }
        if (digits != 6) {
            return NONE;
        }
        return epochDay(year, month, 1);
    }

    /**
     * The loader's quick path for the form nearly every delivery uses, {@code YYYY-MM-DD} in ASCII bytes: the same
     * result as {@link #parse} for that form, {@link #UNKNOWN} for any other text.
     */
    public static int parseIso(byte[] b, int from, int to) {
        if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return UNKNOWN;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return UNKNOWN;
        }
        return epochDay(year, month, day);
    }

    /** Quick path for {@code YYYY-MM}: the same result as {@link #parseMonth} for that form, else {@link #UNKNOWN}. */
    public static int parseIsoMonth(byte[] b, int from, int to) {
        if (to - from != 7 || b[from + 4] != '-') {
            return UNKNOWN;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        if (year < 0 || month < 0) {
            return UNKNOWN;
        }
        return epochDay(year, month, 1);
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** Epoch day of a calendar date, or {@link #NONE} when it is not one. */
    public static int epochDay(int year, int month, int day) {
        if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]) {
            return NONE;
        }
        if (month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) {
            return NONE;
        }
        return daysSinceEpoch(year, month, day);
    }

    /**
     * Days from 1970-01-01 to a valid proleptic Gregorian date, by arithmetic (the loader calls this for every date of
     * every record, and {@code LocalDate.of(…).toEpochDay()} costs an object and a leap-year check each time). Counts
     * years from March, so that the leap day is the last day of the counted year.
     */
    static int daysSinceEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400; // 0..399
        int monthFromMarch = month <= 2 ? month + 9 : month - 3; // March = 0 … February = 11
        int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1; // 0..365
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468; // 719 468 days from 0000-03-01 to 1970-01-01
    }
}
