package cn.minzheng.audit;

public enum AuditResult {
    SUCCESS,
    FAILURE,
    DENIED
}
