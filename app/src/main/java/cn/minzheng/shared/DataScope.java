package cn.minzheng.shared;

import java.util.Objects;

/**
 * What part of the district an account may see: the whole district, one street, or one community. Data rows carry a
 * 12-digit community code; a row is inside the scope when its code starts with the scope's code. The same prefix rule
 * is enforced by PostgreSQL row-level security (see {@code platform.database}).
 */
public record DataScope(RegionCode region) implements java.io.Serializable {

    public DataScope {
        Objects.requireNonNull(region, "region");
    }

    public static DataScope of(String code) {
        return new DataScope(RegionCode.of(code));
    }

    public RegionLevel level() {
        return region.level();
    }

    public String code() {
        return region.value();
    }

    public boolean covers(String regionCode) {
        return region.contains(regionCode);
    }

    /** A scope covers another when the other lies entirely inside it (a street covers its communities). */
    public boolean covers(DataScope other) {
        return region.contains(other.code());
    }
}
