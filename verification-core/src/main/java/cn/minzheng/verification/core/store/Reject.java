package cn.minzheng.verification.core.store;

/** A delivered row that could not be accepted, by line number in its file. */
public record Reject(long line, String recordId, String reason) {}
