package cn.minzheng.assistance;

import java.time.Instant;

/** A portal application in the street's inbox. */
// --- the street's side ----------------------------------------------------------------------------------------

public record WaitingApplication(
        long id,
        String receiptNo,
        String communityCode,
        String programme,
        String applicantName,
        String maskedPhone,
        int householdSize,
        String situation,
        Instant submittedAt,
        String state,
        Long applicationId) {}
