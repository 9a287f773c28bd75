package cn.minzheng.verification.core.normalize;

import java.time.LocalDate;

/**
 * Parses the dates departments write: 2023-05-01, 2023/5/1, 2023.05.01, 20230501, 2023年5月1日. Result is the epoch
 * day, or {@link #NONE} when the text is empty or not a calendar date.
 */
public final class Dates {

    public static final int NONE = Integer.MIN_VALUE;
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

    /** Epoch day of a calendar date, or {@link #NONE} when it is not one. */
    public static int epochDay(int year, int month, int day) {
        if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]) {
            return NONE;
        }
        if (month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) {
            return NONE;
        }
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }
}
