package cn.minzheng.procedure;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the kernel tells other modules, after the fact. A business module listens with
 * {@code @ApplicationModuleListener void on(ProcedureEvents.DecisionIssued event)} and finds its own records by
 * {@code subjectRef} (what it passed when opening the case).
 */
public final class ProcedureEvents {

    private ProcedureEvents() {}

    public record CaseOpened(
            long caseId, String caseNumber, String matterType, String communityCode, String subjectRef) {}

    public record StepCompleted(
            long caseId,
            String caseNumber,
            String matterType,
            String step,
            String fromState,
            String toState,
            LocalDate on,
            String subjectRef) {}

    /** A decision was issued: its outcome, the computed results (e.g. {@code amountFen}) and its 文号. */
    public record DecisionIssued(
            long caseId,
            String caseNumber,
            String matterType,
            long decisionId,
            String outcome,
            Map<String, String> result,
            String documentNumber,
            LocalDate issuedOn,
            String communityCode,
            String subjectRef) {}

    public record CaseClosed(
            long caseId, String caseNumber, String matterType, String state, LocalDate on, String subjectRef) {}
}
