package cn.minzheng.assistance;

import java.time.LocalDate;

/** What the applicant sees: the stage of their own application and, once decided, the outcome. */
public record PortalStatus(
        String receiptNo,
        String programmeLabel,
        LocalDate submittedOn,
        String stage,
        String caseNumber,
        String outcome,
        LocalDate closedOn) {}
