package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verification requests (核对需求) for one household from an assistance case: the interactive check. Refused when a
 * member the household counts has no valid 授权书 for the programme — nobody is verified without one. Otherwise the
 * members are compared with the newest store, and what was found is kept with the request; a request without any
 * finding gets its report at once, the others after the review of their findings.
 *
 * <p>The assistance module calls {@link #request} and listens to {@link VerificationReportReady}.
 */
@Service
public class VerificationRequests {

    private static final Logger log = LoggerFactory.getLogger(VerificationRequests.class);
    private static final Pattern PROGRAMME = Pattern.compile("[A-Z][A-Z_]{1,30}");
    private static final Pattern CASE_REF = Pattern.compile("[\\p{L}\\p{N}:_\\-〔〕()（）]{1,64}");

    private final HouseholdProbe probe;
    private final VerificationEngine engine;
    private final RequestRecorder recorder;
    private final RequestDetails details;
    private final VerificationReports reports;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<RequestingCases> cases;

    VerificationRequests(
            HouseholdProbe probe,
            VerificationEngine engine,
            RequestRecorder recorder,
            RequestDetails details,
            VerificationReports reports,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            List<RequestingCases> cases) {
        this.probe = probe;
        this.engine = engine;
        this.recorder = recorder;
        this.details = details;
        this.reports = reports;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.cases = cases;
    }

    /**
     * @param programme the programme the 授权书 must cover (DIBAO, TEKUN …)
     * @param caseRef the case the request comes from (e.g. "case:123"); required
     */
    public record HouseholdRequest(long householdId, String programme, String caseRef) {}

    @PreAuthorize(VerificationRoles.HANDLE)
    public RequestSummary request(HouseholdRequest request) {
        String programme = request.programme() == null || request.programme().isBlank()
                ? "DIBAO"
                : request.programme().strip().toUpperCase(java.util.Locale.ROOT);
        if (!PROGRAMME.matcher(programme).matches()) {
            throw new BusinessRuleViolation("救助项目代码不正确（如 DIBAO、TEKUN）");
        }
        String caseRef = request.caseRef() == null ? "" : request.caseRef().strip();
        if (!CASE_REF.matcher(caseRef).matches()) {
            throw new BusinessRuleViolation("须写明提出核对需求的业务案件编号（如 case:123，最多 64 个字符）");
        }
        LocalDate day = LocalDate.now(clock);
        CaseCheck check = transactions.execute(status -> checkCase(caseRef, request.householdId()));
        if (check != CaseCheck.OK) {
            transactions.executeWithoutResult(status -> audit.record(AuditEvent.denied(
                    "VERIFICATION_REQUEST_REFUSED", "household", request.householdId(), check.name())));
            throw check == CaseCheck.CASE_NOT_VISIBLE
                    ? new NotFound("案件 " + caseRef + " 不存在，或不在您的数据范围内")
                    : new BusinessRuleViolation("只能核对案件 " + caseRef + " 申请人的家庭：所选家庭不是该案件的申请家庭");
        }
        HouseholdProbe.Plan plan = transactions.execute(
                status -> probe.plan(request.householdId(), programme, day, "核对需求（案件 " + caseRef + "）"));
        if (plan.refused()) {
            transactions.executeWithoutResult(status -> audit.record(AuditEvent.denied(
                    "VERIFICATION_REQUEST_REFUSED", "household", request.householdId(), "NO_AUTHORISATION")));
            throw new BusinessRuleViolation("以下计入的家庭成员没有有效的核对授权书（" + programme + "），不予核对："
                    + String.join("、", plan.unauthorised()) + "。请先登记其授权书（《最低生活保障审核确认办法》第九条）。");
        }
        if (plan.probe().isEmpty()) {
            throw new BusinessRuleViolation("该家庭没有计入的家庭成员，无需核对");
        }
        VerificationEngine.Run run = engine.run(plan.probe(), day);
        RequestRecorder.Results results = RequestRecorder.Results.of(
                run.generation(), run.outcome(), Long.toString(plan.householdId()), run.millis());
        long id = transactions.execute(status -> {
            long requestId = recorder.completed(plan, RequestRecorder.Kind.CASE, caseRef, null, day, results);
            if (results.findings().isEmpty()) {
                reports.issue(requestId);
            }
            return requestId;
        });
        log.info(
                "核对请求 {}：家庭 {}，{} 人，比对到 {} 条，疑点 {} 条，引擎 {} ms",
                id,
                plan.householdId(),
                plan.probe().size(),
                results.hits().size(),
                results.findings().size(),
                run.millis());
        return transactions.execute(status -> details.require(id));
    }

    private enum CaseCheck {
        OK,
        CASE_NOT_VISIBLE,
        NOT_THE_CASES_HOUSEHOLD
    }

    /**
     * The case named must be one the caller can see, and the household to check must be that case's (issue 13 A1: a
     * street officer hung a clean household's report on another street's application, and on a relative's case).
     */
    private CaseCheck checkCase(String caseRef, long householdId) {
        for (RequestingCases module : cases) {
            if (module.claims(caseRef)) {
                Optional<Long> household = module.householdOf(caseRef);
                if (household.isEmpty()) {
                    return CaseCheck.CASE_NOT_VISIBLE;
                }
                if (household.get() != householdId) {
                    return CaseCheck.NOT_THE_CASES_HOUSEHOLD;
                }
            }
        }
        return CaseCheck.OK;
    }

    @PreAuthorize(VerificationRoles.READ)
    @Transactional(readOnly = true)
    public List<RequestSummary> list(Long householdId, Long batchId, String status, int limit, int offset) {
        return details.list(new RequestDetails.Filter(householdId, batchId, status, null), limit, offset);
    }

    @PreAuthorize(VerificationRoles.READ)
    @Transactional(readOnly = true)
    public RequestSummary find(long id) {
        return details.require(id);
    }

    /** A request in full, with the members' names: opening it is logged. */
    @PreAuthorize(VerificationRoles.READ)
    @Transactional
    public RequestDetails.Detail detail(long id) {
        RequestDetails.Detail detail = details.detail(id);
        audit.record(AuditEvent.success("VERIFICATION_REQUEST_VIEWED", "verification_request", id));
        return detail;
    }
}
