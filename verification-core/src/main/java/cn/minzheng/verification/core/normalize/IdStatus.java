package cn.minzheng.verification.core.normalize;

/** What the normaliser concluded about an identity-card number (公民身份号码) as a department recorded it. */
public enum IdStatus {
    /** A valid 18-digit number, possibly after removing formatting. */
    VALID,
    /** A valid old 15-digit number converted to 18 digits (GB 11643-1989 → 1999). */
    CONVERTED_15,
    /** No number at all. */
    EMPTY,
    /** Damaged by a spreadsheet: scientific notation or the last digits zeroed. Never repaired. */
    EXCEL_DAMAGED,
    /** 18 characters of the right shape whose check character does not match: a typo. */
    BAD_CHECK,
    /** Right shape and check, but the birth date inside is not a calendar date. */
    BAD_DATE,
    /** Anything else: wrong length, letters, stray characters. */
    MALFORMED;

    /** Whether the number can serve as an exact linkage key. */
    public boolean usable() {
        return this == VALID || this == CONVERTED_15;
    }

    private static final IdStatus[] VALUES = values();

    public static IdStatus ofCode(int code) {
        return VALUES[code];
    }
}
