package cn.minzheng.identity;

import cn.minzheng.shared.DataScope;
import java.time.Instant;
import java.util.Set;

/** A staff account as stored. */
public record StaffAccount(
        long id,
        String username,
        String displayName,
        String passwordHash,
        DataScope scope,
        Set<Role> roles,
        boolean enabled,
        Instant passwordChangedAt,
        boolean mustChangePassword,
        int failedAttempts,
        Instant lockedUntil,
        Instant lastLoginAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    StaffUser toUser(boolean passwordExpired, StaffUser.SecondFactor secondFactor) {
        return new StaffUser(
                id, username, displayName, scope, roles, mustChangePassword || passwordExpired, secondFactor);
    }
}
