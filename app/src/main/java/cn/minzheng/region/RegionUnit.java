package cn.minzheng.region;

import cn.minzheng.shared.RegionLevel;
import java.time.LocalDate;

/** One version of a unit: its code and name over [validFrom, validTo). */
public record RegionUnit(
        String code,
        String name,
        RegionLevel level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        boolean inBureauNetwork,
        String managingBody) {

    public boolean activeOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }
}
