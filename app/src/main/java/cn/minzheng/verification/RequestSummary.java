package cn.minzheng.verification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One household's verification request as lists show it and other modules read it: counts only, no personal values.
 *
 * @param kind CASE (from a case, interactive) or BATCH (re-verification of beneficiaries)
 * @param status COMPLETED, REFUSED (a counted member without a valid 授权书) or FAILED
 * @param persons members compared (人次 in the statistics)
 * @param recordsCompared records found and compared against the rules (条)
 * @param openFindings findings without a decision, or with an objection waiting for re-review
 * @param reportVersion the latest issued report's version, or null
 */
public record RequestSummary(
        long id,
        String kind,
        String caseRef,
        Long batchId,
        long householdId,
        String communityCode,
        String programme,
        LocalDate checkDate,
        String status,
        String message,
        Long generation,
        int persons,
        int recordsCompared,
        int sourcesQueried,
        int disqualifying,
        int needsExplanation,
        int information,
        Long durationMs,
        String requestedBy,
        Instant requestedAt,
        int findings,
        int openFindings,
        Integer reportVersion) {

    public String kindLabel() {
        return Labels.kind(kind);
    }

    public String statusLabel() {
        return Labels.requestStatus(status);
    }

    /** Where the request stands: review of findings, then the report. */
    public String stage() {
        if (!status.equals("COMPLETED")) {
            return statusLabel();
        }
        if (openFindings > 0) {
            return "待核实疑点 " + openFindings + " 条";
        }
        return reportVersion == null ? "待出具报告" : "已出具报告（第 " + reportVersion + " 版）";
    }
}
