package cn.minzheng.verification.core.rules;

import cn.minzheng.verification.core.store.Source;
import java.time.LocalDate;

/**
 * One entry of the rule catalogue. {@code when}, {@code having} and {@code evidence} are SQL expressions over the
 * source's columns in the subset that DuckDB and Spark SQL both accept, with {@code ${PARAM}} placeholders; {@code
 * validFrom}/{@code validTo} name the columns that bound a record's validity (a vehicle's deregistration, a property's
 * end), so that records no longer in force do not count.
 */
public record Rule(
        String code,
        String title,
        Severity severity,
        Source source,
        boolean perHousehold,
        String when,
        String having,
        String evidence,
        String validFrom,
        String validTo,
        String basis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
