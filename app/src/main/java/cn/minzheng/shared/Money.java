package cn.minzheng.shared;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of renminbi in integer fen (分). Never floating point: parsing, arithmetic and rounding are exact, and
 * every rounding names its rule.
 */
public record Money(long fen) implements Comparable<Money>, Serializable {

    public static final Money ZERO = new Money(0);

    public static Money fen(long fen) {
        return new Money(fen);
    }

    public static Money yuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100L));
    }

    /**
     * Parses what people type: "1234", "1,234.5", "1234.56", "¥1234.56", "１２３４．５６" (full-width), with at most two
     * decimals. Anything else — three decimals, letters, an empty string — is refused with a Chinese message.
     */
    public static Money parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("金额不能为空");
        }
        StringBuilder normal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == '．') {
                c = '.';
            } else if (c == '，') {
                c = ',';
            } else if (c == '－') {
                c = '-';
            }
            normal.append(c);
        }
        String cleaned = normal.toString()
                .strip()
                .replace("¥", "")
                .replace("￥", "")
                .replace("元", "")
                .strip();
        if (!cleaned.matches("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("金额格式不正确（最多两位小数）：" + text);
        }
        BigDecimal value = new BigDecimal(cleaned.replace(",", ""));
        try {
            return new Money(value.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("金额超出范围：" + text);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    /** Multiplies by a decimal factor (1.5 × 标准) and rounds half up to the fen. */
    public Money times(BigDecimal factor) {
        return new Money(BigDecimal.valueOf(fen)
                .multiply(factor)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    /** Divides into {@code parts} and rounds with the given rule (per-capita income). */
    public Money dividedBy(long parts, RoundingMode rounding) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be positive");
        }
        return new Money(BigDecimal.valueOf(fen)
                .divide(BigDecimal.valueOf(parts), 0, rounding)
                .longValueExact());
    }

    /** Rounds to a multiple of {@code unitFen} (1 = 分, 10 = 角, 100 = 元) with the given rule. */
    public Money roundTo(long unitFen, RoundingMode rounding) {
        BigDecimal units = BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(unitFen), 0, rounding);
        return new Money(Math.multiplyExact(units.longValueExact(), unitFen));
    }

    public Money atLeastZero() {
        return fen < 0 ? ZERO : this;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean greaterThan(Money other) {
        return fen > other.fen;
    }

    public boolean lessThan(Money other) {
        return fen < other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** "1,234.56" — yuan with two decimals and thousands separators. */
    public String toYuanString() {
        long abs = Math.abs(fen);
        String yuan = String.format("%,d", abs / 100);
        return (fen < 0 ? "-" : "") + yuan + "." + String.format("%02d", abs % 100);
    }

    @Override
    public String toString() {
        return "¥" + toYuanString();
    }
}
