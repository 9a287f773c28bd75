package cn.minzheng.verification.core.store;

/** How a source's own column is parsed at load and typed in the columnar store. */
public enum ColumnType {
    TEXT("VARCHAR"),
    DATE("DATE"),
    /** A month written YYYY-MM, stored as the first day of that month. */
    MONTH("DATE"),
    /** Integer fen (分), as the contract requires for money. */
    MONEY("BIGINT"),
    INTEGER("INTEGER"),
    DECIMAL("DOUBLE");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    public String sqlType() {
        return sqlType;
    }
}
