package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.procedure.Cases;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.verification.RequestSummary;
import cn.minzheng.verification.VerificationRequests;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 提请核对 from the case: the street officer presses the button on the case page (or calls the API) and this module
 * asks the verification module to check the case's household for the case's programme, with the reference
 * {@code case:<kernel case id>}. The report comes back by {@code VerificationReportReady} ({@link VerificationResults}).
 *
 * <p>Why a button and not a side effect of entering the step: the request decrypts every counted member's identity
 * number and compares them with 26 departments' data, logged under the name of whoever asked — a deliberate act of the
 * responsible officer, who sees the authorisation coverage on the same page, not something that happens to whichever
 * path took a kernel step. And when the verification system cannot check (no department data loaded yet, the store not
 * on this instance), the legal act of 提请 must still be possible with the checks made by hand as the fallback; a
 * request tied to the step would either block the procedure or hide the failure. A request after 重新调查 is a new
 * request without a new step.
 *
 * <p>All or nothing: the kernel step (if not taken yet) and the verification request are one transaction. A refusal —
 * a counted member without a valid 授权书 (the kernel's precondition, or the verification module's own check), the
 * case's state, an engine that cannot run — leaves neither a step nor a request, and the Chinese reason is shown.
 */
@Service
public class CaseVerification {

    static final String STEP = "REQUEST_VERIFICATION";

    private final ApplicationStore applications;
    private final Cases cases;
    private final VerificationRequests requests;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    CaseVerification(
            ApplicationStore applications,
            Cases cases,
            VerificationRequests requests,
            AuditTrail audit,
            JdbcClient jdbc) {
        this.applications = applications;
        this.cases = cases;
        this.requests = requests;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** What the case page and the API answer: the verification module's request (counts only) and its stage. */
    public record Requested(long applicationId, long requestId, String caseRef, String stage, RequestSummary request) {}

    @PreAuthorize("hasRole('STREET_OFFICER')")
    @Transactional
    public Requested request(long applicationId) {
        Application a = applications.find(applicationId).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
        if (a.closedOn() != null) {
            throw new BusinessRuleViolation("案件已办结");
        }
        if (a.kind() == CaseKind.TEMPORARY_URGENT || a.kind().review()) {
            throw new BusinessRuleViolation("本类案件没有“提请家庭经济状况核对”环节");
        }
        if (a.householdId() == null) {
            throw new BusinessRuleViolation("本案没有登记申请人的家庭，无法向核对系统提请核对");
        }
        if (!stepsDone(a.id()).contains(STEP)) {
            // the kernel checks the step's state, role and this module's preconditions (every counted member's 授权书)
            cases.perform(a.caseId(), STEP, Cases.Act.today("通过家庭经济状况核对系统提请核对"));
        }
        String caseRef = AssistanceCases.caseRef(a.caseId());
        RequestSummary summary = requests.request(new VerificationRequests.HouseholdRequest(
                a.householdId(), AssistanceConditions.programme(a.kind()), caseRef));
        jdbc.sql("update assistance_application set verification_request_id = ? where id = ?")
                .params(summary.id(), a.id())
                .update();
        // the application asked for this request: only its report will be attached, and in this officer's scope
        jdbc.sql("""
                        insert into assistance_verification_asked (application_id, request_id, community_code,
                                                                   requester_scope, requested_by)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(
                        a.id(),
                        summary.id(),
                        a.communityCode(),
                        DataScopes.current().orElseThrow().code(),
                        SecurityContextHolder.getContext().getAuthentication().getName())
                .update();
        audit.record(AuditEvent.success("ASSISTANCE_VERIFICATION_REQUESTED", "assistance_application", a.id())
                .because("request " + summary.id()));
        return new Requested(a.id(), summary.id(), caseRef, summary.stage(), summary);
    }

    private List<String> stepsDone(long applicationId) {
        return jdbc.sql("select steps_done from assistance_application where id = ?")
                .param(applicationId)
                .query((rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
                .single();
    }
}
