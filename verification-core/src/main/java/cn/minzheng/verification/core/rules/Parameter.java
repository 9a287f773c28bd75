package cn.minzheng.verification.core.rules;

import java.time.LocalDate;

/** One version of an effective-dated parameter (参数), e.g. the 低保 standard from a given date. */
public record Parameter(String name, String value, LocalDate effectiveFrom, LocalDate effectiveTo, String basis) {

    boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
