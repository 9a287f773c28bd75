package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One value of a parameter: what it is, from when, for which unit (the district or one street), on what legal basis,
 * and who proposed and approved it. {@link #needsConfirmation()} marks placeholder values the bureau has not yet
 * confirmed against the official document.
 */
public record ParameterValue(
        long id,
        String code,
        String name,
        String unit,
        String scopeCode,
        BigDecimal value,
        DayType dayType,
        LocalDate effectiveFrom,
        Basis basis,
        String basisNote,
        boolean needsConfirmation,
        String status,
        String proposedBy,
        Instant proposedAt,
        String reason,
        String decidedBy,
        Instant decidedAt,
        String decisionNote) {

    /** The value as a whole number of days; refused when the parameter is not a period of days. */
    public int days() {
        if (!"DAYS".equals(unit)) {
            throw new IllegalStateException(code + " is not a number of days");
        }
        return value.intValueExact();
    }

    /** The value in fen (money); refused when the parameter is not an amount. */
    public long fen() {
        if (!"FEN".equals(unit)) {
            throw new IllegalStateException(code + " is not an amount");
        }
        return value.longValueExact();
    }

    public int whole() {
        return value.intValueExact();
    }

    /** The value as written on screens and documents: 7 个自然日, 800.00 元, 1.5 倍 … */
    public String text() {
        return switch (unit) {
            case "DAYS" -> value.intValue() + " 个" + (dayType == null ? "日" : dayType.label());
            case "MONTHS" -> value.intValue() + " 个月";
            case "YEARS" -> value.intValue() + " 年";
            case "FEN" -> Formats.yuan(value.longValue());
            case "RATIO" -> value.stripTrailingZeros().toPlainString();
            case "COUNT" -> value.intValue() + " 次";
            case "MONTH_DAY" -> (value.intValue() / 100) + "月" + (value.intValue() % 100) + "日";
            default -> value.toPlainString();
        };
    }
}
