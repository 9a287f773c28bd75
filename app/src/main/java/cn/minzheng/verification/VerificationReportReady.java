package cn.minzheng.verification;

import java.time.LocalDate;

/**
 * Published when a household's verification report is complete (interactive request or batch re-verification). The
 * assistance module listens to attach the result to the case or open a review task. Counts only: the findings
 * themselves stay in this module and are read through its facade.
 *
 * @param caseRef the requesting case's reference (e.g. "case:123"), or null for a batch re-verification
 */
public record VerificationReportReady(
        long requestId,
        String caseRef,
        long householdId,
        LocalDate checkedOn,
        int personsChecked,
        int recordsCompared,
        int disqualifying,
        int needsExplanation,
        int information) {}
