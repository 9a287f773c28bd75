package cn.minzheng.shared;

import java.util.Objects;

/**
 * A statistical division code (统计用区划代码) as used for scope: 6 digits for the district (GB/T 2260 county
 * code), 9 digits for a street (乡级), 12 digits for a community (村级).
 */
public record RegionCode(String value) implements java.io.Serializable {

    public RegionCode {
        Objects.requireNonNull(value, "region code");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("区划代码必须是6位、9位或12位数字");
        }
    }

    public static boolean isWellFormed(String value) {
        if (value == null) {
            return false;
        }
        int length = value.length();
        if (length != 6 && length != 9 && length != 12) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    public RegionLevel level() {
        return RegionLevel.ofCodeLength(value.length());
    }

    /** The street code (9 digits) for a street or community code; empty for the district. */
    public String streetPrefix() {
        return value.length() >= 9 ? value.substring(0, 9) : "";
    }

    /** Whether {@code other} lies inside this unit (or is this unit). */
    public boolean contains(String other) {
        return other != null && other.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
