package cn.minzheng.procedure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** How numbers, money and dates are written in Chinese documents. */
final class Formats {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Formats() {}

    /** 19 → 十九, 203 → 二百零三, 1077 → 一千零七十七 (for article labels). */
    static String chineseNumber(int n) {
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
            int unit = digits.length() - 1 - i;
            if (d == 0) {
                pendingZero = true;
                continue;
            }
            if (pendingZero && out.length() > 0) {
                out.append("零");
            }
            pendingZero = false;
            out.append(DIGITS[d]).append(units[unit]);
        }
        return out.toString();
    }

    /** "19" → 第十九条; other keys (sections of policy documents) are labelled explicitly in the catalogue. */
    static String articleLabel(String article) {
        if (article.matches("[0-9]{1,4}")) {
            return "第" + chineseNumber(Integer.parseInt(article)) + "条";
        }
        return "第" + article + "条";
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 108000 fen → 1,080.00 元. */
    static String yuan(long fen) {
        BigDecimal yuan = BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
        return String.format("%,.2f 元", yuan);
    }

    static long fen(String yuan) {
        try {
            return new BigDecimal(yuan.strip().replace(",", ""))
                    .movePointRight(2)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new cn.minzheng.shared.BusinessRuleViolation("金额“" + yuan + "”不是有效的元金额（最多两位小数）");
        }
    }
}
