package cn.minzheng.verification;

import java.time.Instant;

/** An evidence file attached to a step of a finding's review (stored with its SM3). */
record FindingEvidence(
        long id, long reviewId, String fileName, String contentType, long sizeBytes, String sm3, Instant uploadedAt) {}
