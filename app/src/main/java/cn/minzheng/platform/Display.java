package cn.minzheng.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the platform writes numbers, money and dates for people (screens, Excel exports, PDF documents): 元 with two
 * decimals, dates as 2026年12月7日, times as 2026年12月7日 14:37 on the bureau's clock, months as 2026年12月. Amounts
 * are integer fen in code and never reach a person as fen.
 */
public final class Display {

    /** What a screen shows where there is no value. */
    public static final String NONE = "—";

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private Display() {}

    /** 123456 fen → "1,234.56 元". */
    public static String yuan(long fen) {
        return amount(fen) + " 元";
    }

    /** 123456 fen → "1,234.56" (for a column headed 金额（元）). */
    public static String amount(long fen) {
        long abs = Math.abs(fen);
        return (fen < 0 ? "-" : "") + String.format("%,d", abs / 100) + "." + String.format("%02d", abs % 100);
    }

    /** 2026-12-07 → "2026年12月7日". */
    public static String date(LocalDate date) {
        return date == null ? NONE : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** An instant on the bureau's clock: "2026年12月7日 14:37". */
    public static String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return NONE;
        }
        return dateTime(LocalDateTime.ofInstant(instant, zone));
    }

    /** A local date-time (already on the bureau's clock): "2026年12月7日 14:37". */
    public static String dateTime(LocalDateTime time) {
        return time == null ? NONE : date(time.toLocalDate()) + " " + HOUR_MINUTE.format(time);
    }

    /** 2026-12 → "2026年12月". */
    public static String month(YearMonth month) {
        return month == null ? NONE : month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** A period of days: "2026年12月1日至2026年12月8日". */
    public static String period(LocalDate from, LocalDate to) {
        return date(from) + "至" + date(to);
    }

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** 19 → 十九, 203 → 二百零三 (articles: 第十九条); numbers above 9999 stay in digits. */
    public static String chineseNumber(int n) {
        if (n < 0 || n > 9999) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        String[] units = {"", "十", "百", "千"};
        StringBuilder out = new StringBuilder();
        String digits = Integer.toString(n);
        boolean pendingZero = false;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d == 0) {
                pendingZero = true;
                continue;
            }
            if (pendingZero) {
                out.append("零");
            }
            pendingZero = false;
            out.append(DIGITS[d]).append(units[digits.length() - 1 - i]);
        }
        return out.toString();
    }

    /** true → 是, false → 否, null → —. */
    public static String yesNo(Boolean value) {
        return value == null ? NONE : value ? "是" : "否";
    }
}
