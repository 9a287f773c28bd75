package cn.minzheng.resident;

import java.time.Instant;

/**
 * Two records turned out to be one person: {@code mergedId} now points at {@code survivorId}. Modules that keep
 * resident ids redirect their references when they hear this (ids of merged records also keep resolving through
 * {@link Residents#resolve(long)}).
 */
public record ResidentsMerged(long survivorId, long mergedId, Instant mergedAt) {}
