package cn.minzheng.audit;

import java.time.Instant;

/**
 * One stored entry of the trail, as auditors see it. {@code id} is the order of arrival; {@code seq}, {@code prevHash}
 * and {@code hash} are its place in the chain, null for the moment between its commit and the chainer linking it.
 */
public record AuditEntry(
        long id,
        Long seq,
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
        String hash) {

    AuditEntry chainedAt(long seq, String prevHash) {
        return new AuditEntry(
                id,
                seq,
                occurredAt,
                actor,
                action,
                targetType,
                targetId,
                scopeCode,
                result,
                reason,
                clientAddress,
                prevHash,
                null);
    }
}
