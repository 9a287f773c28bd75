package cn.minzheng.assistance;

import java.time.Instant;

/** Shown to the applicant once; the query code is not stored and cannot be shown again. */
public record PortalReceipt(String receiptNo, String queryCode, Instant submittedAt) {}
