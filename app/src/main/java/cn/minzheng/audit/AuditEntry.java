package cn.minzheng.audit;

import java.time.Instant;

/** One stored entry of the trail, as auditors see it. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        String scopeCode,
        String result,
        String reason,
        String clientAddress,
        String prevHash,
        String hash) {}
