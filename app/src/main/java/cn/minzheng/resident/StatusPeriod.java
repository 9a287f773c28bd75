package cn.minzheng.resident;

import java.time.Instant;
import java.time.LocalDate;

/** A status over [validFrom, validTo): open-ended when {@code validTo} is null. */
public record StatusPeriod(
        long id,
        long residentId,
        StatusKind kind,
        String category,
        Integer grade,
        String level,
        String note,
        LocalDate validFrom,
        LocalDate validTo,
        String recordedBy,
        Instant recordedAt) {

    public boolean activeOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }

    public String kindLabel() {
        return kind.label();
    }

    /** 肢体 三级, 部分失能 …: the details in one phrase. */
    public String description() {
        StringBuilder out = new StringBuilder();
        if (category != null) {
            out.append(category);
        }
        if (grade != null) {
            out.append(out.isEmpty() ? "" : " ").append(GRADES[grade]).append("级");
        }
        if (level != null) {
            out.append(out.isEmpty() ? "" : " ").append(level);
        }
        return out.toString();
    }

    private static final String[] GRADES = {"", "一", "二", "三", "四"};
}
