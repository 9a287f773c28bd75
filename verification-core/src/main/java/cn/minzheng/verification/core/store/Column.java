package cn.minzheng.verification.core.store;

/** One of a source's own columns, named as in the delivered CSV header. */
public record Column(String name, ColumnType type) {}
