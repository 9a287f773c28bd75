package cn.minzheng.audit;

import java.util.Objects;

/**
 * What happened, without personal values: an action code (e.g. {@code LOGIN_FAILURE}), what it was done to (type and
 * internal id), the result, and a reason code or short reason text.
 */
public record AuditEvent(String action, String targetType, String targetId, AuditResult result, String reason) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
    }

    public static AuditEvent success(String action, String targetType, Object targetId) {
        return new AuditEvent(
                action, targetType, targetId == null ? null : targetId.toString(), AuditResult.SUCCESS, null);
    }

    public static AuditEvent failure(String action, String targetType, Object targetId, String reason) {
        return new AuditEvent(
                action, targetType, targetId == null ? null : targetId.toString(), AuditResult.FAILURE, reason);
    }

    public static AuditEvent denied(String action, String targetType, Object targetId, String reason) {
        return new AuditEvent(
                action, targetType, targetId == null ? null : targetId.toString(), AuditResult.DENIED, reason);
    }

    public AuditEvent because(String why) {
        return new AuditEvent(action, targetType, targetId, result, why);
    }
}
