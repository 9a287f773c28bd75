package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import cn.minzheng.verification.RequestSummary;
import cn.minzheng.verification.VerificationReportReady;
import cn.minzheng.verification.VerificationRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 家庭经济状况核对 results on a case. The verification module publishes {@link VerificationReportReady} when a report is
 * complete and the result is attached here as {@code ENGINE}. The request itself is made from the case
 * ({@link CaseVerification}). Only as a fallback — a case the system has not been asked to check because it could not
 * (no department data, the engine unavailable) — a caseworker enters the result of the checks made by hand (社保、公积金、
 * 车辆、不动产 …): recorded as {@code MANUAL} and shown as 手工录入 on the case and in the decision's facts.
 */
@Service
public class VerificationResults {

    private static final Logger log = LoggerFactory.getLogger(VerificationResults.class);

    private final JdbcClient jdbc;
    private final ApplicationStore applications;
    private final AuditTrail audit;
    private final District district;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final VerificationRequests requests;

    VerificationResults(
            JdbcClient jdbc,
            ApplicationStore applications,
            AuditTrail audit,
            District district,
            PlatformTransactionManager transactions,
            Clock clock,
            VerificationRequests requests) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.applications = applications;
        this.audit = audit;
        this.district = district;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public record Result(
            long id,
            String source,
            Long requestId,
            LocalDate checkedOn,
            int personsChecked,
            int recordsCompared,
            int disqualifying,
            int needsExplanation,
            int information,
            String summary,
            String recordedBy,
            Instant recordedAt) {

        public boolean manual() {
            return "MANUAL".equals(source);
        }

        public String sourceLabel() {
            return manual() ? "手工录入（后备：未经核对系统核对）" : "家庭经济状况核对系统";
        }
    }

    /** A result of checks made by hand, with what was checked; only after the verification was requested. */
    public record ManualResult(
            LocalDate checkedOn,
            Integer personsChecked,
            Integer recordsCompared,
            Integer disqualifying,
            Integer needsExplanation,
            Integer information,
            String summary) {

        public ManualResult {
            personsChecked = personsChecked == null ? 0 : personsChecked;
            recordsCompared = recordsCompared == null ? 0 : recordsCompared;
            disqualifying = disqualifying == null ? 0 : disqualifying;
            needsExplanation = needsExplanation == null ? 0 : needsExplanation;
            information = information == null ? 0 : information;
        }
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional
    public Result recordManual(long applicationId, ManualResult in) {
        Application a = applications.find(applicationId).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
        if (a.closedOn() != null) {
            throw new BusinessRuleViolation("案件已办结");
        }
        LocalDate requested = jdbc.sql("select verification_requested_on from assistance_application where id = ?")
                .param(a.id())
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (requested == null) {
            throw new BusinessRuleViolation("尚未提请家庭经济状况核对（须在全部计入的家庭成员签署授权书后提请）");
        }
        Long systemRequest = systemRequest(a.id());
        if (systemRequest != null) {
            throw new BusinessRuleViolation(
                    "本案已通过家庭经济状况核对系统提请核对（核对请求 " + systemRequest + "），核对报告出具后自动附到本案；手工录入只用于核对系统无法核对的情形");
        }
        if (in.summary() == null || in.summary().strip().length() < 4) {
            throw new BusinessRuleViolation("人工录入核对结果时，请写明核对了哪些信息、向哪些部门查询、结论如何");
        }
        if (in.personsChecked() < 0
                || in.recordsCompared() < 0
                || in.disqualifying() < 0
                || in.needsExplanation() < 0
                || in.information() < 0) {
            throw new BusinessRuleViolation("核对数量不能为负数");
        }
        LocalDate checked = in.checkedOn() == null ? LocalDate.now(clock) : in.checkedOn();
        if (checked.isAfter(LocalDate.now(clock)) || checked.isBefore(requested)) {
            throw new BusinessRuleViolation("核对日期须在提请核对（" + requested + "）之后、今天之前");
        }
        long id = insert(
                a,
                "MANUAL",
                null,
                checked,
                in.personsChecked(),
                in.recordsCompared(),
                in.disqualifying(),
                in.needsExplanation(),
                in.information(),
                in.summary().strip(),
                SecurityContextHolder.getContext().getAuthentication().getName());
        audit.record(AuditEvent.success("ASSISTANCE_VERIFICATION_MANUAL", "assistance_application", a.id())
                .because("result " + id));
        return of(a.id()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public List<Result> of(long applicationId) {
        return jdbc.sql("select * from assistance_verification where application_id = ? order by id desc")
                .param(applicationId)
                .query((rs, n) -> new Result(
                        rs.getLong("id"),
                        rs.getString("source"),
                        (Long) rs.getObject("request_id"),
                        rs.getObject("checked_on", LocalDate.class),
                        rs.getInt("persons_checked"),
                        rs.getInt("records_compared"),
                        rs.getInt("disqualifying"),
                        rs.getInt("needs_explanation"),
                        rs.getInt("information"),
                        rs.getString("summary"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The verification module's newest request made from the case ({@link CaseVerification}), or null. */
    Long systemRequest(long applicationId) {
        return jdbc.sql("select verification_request_id from assistance_application where id = ?")
                .param(applicationId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    Optional<Result> latest(long applicationId) {
        return of(applicationId).stream().findFirst();
    }

    /**
     * The verification module's report for a case ({@code caseRef} "case:&lt;id&gt;"): attached after the report is
     * committed, in its own transaction — only when the application itself asked for that request (提请核对 on the case,
     * {@link CaseVerification}), for the application's own household, and as the officer who asked would see it
     * (issue 13 A1: a request made elsewhere, naming someone else's case, never reaches it). The event carries counts
     * only.
     *
     * <p>Durable: the publication is recorded with the report's transaction and stays incomplete until this has run
     * (Spring Modulith's registry); a crash in between is made good when an instance starts, and a caseworker can fetch
     * a missing result from the case page ({@link #fetchMissing}). Attaching twice is harmless: a request's result is
     * attached once. The listener id is fixed so that renaming this class keeps recorded publications deliverable.
     */
    @ApplicationModuleListener(id = "assistance.verification-report-ready", propagation = Propagation.NOT_SUPPORTED)
    void on(VerificationReportReady report) {
        Long caseId = AssistanceCases.caseId(report.caseRef());
        if (caseId == null) {
            return;
        }
        record Asked(long applicationId, String requesterScope) {}
        Optional<Asked> asked = SystemActor.call(
                district.scope(),
                () -> newTransaction.execute(status -> jdbc.sql("""
                                select application_id, requester_scope from assistance_verification_asked
                                where request_id = ?
                                """)
                        .param(report.requestId())
                        .query(Asked.class)
                        .optional()),
                "DEPARTMENT_OFFICER");
        if (asked.isEmpty()) {
            log.warn("核对报告 {}（{}）不是社会救助案件自己提请的，不附到任何案件", report.requestId(), report.caseRef());
            return;
        }
        SystemActor.run(
                DataScope.of(asked.get().requesterScope()),
                () -> newTransaction.executeWithoutResult(status -> applications
                        .find(asked.get().applicationId())
                        .filter(a -> a.caseId() == caseId.longValue())
                        .filter(a -> a.householdId() != null && a.householdId() == report.householdId())
                        .ifPresentOrElse(
                                a -> attach(
                                        a,
                                        report.requestId(),
                                        report.checkedOn(),
                                        report.personsChecked(),
                                        report.recordsCompared(),
                                        report.disqualifying(),
                                        report.needsExplanation(),
                                        report.information(),
                                        "ASSISTANCE_VERIFICATION_REPORT"),
                                () -> log.warn("核对报告 {} 与提请它的案件不符，未附到案件", report.requestId()))),
                "DEPARTMENT_OFFICER");
    }

    /**
     * The case page's way to a result that has not arrived (the report is issued, the case does not show it): reads
     * the case's own request from the verification module in the caller's scope and attaches its report's counts.
     */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional
    public Result fetchMissing(long applicationId) {
        Application a = applications.find(applicationId).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
        Long requestId = askedRequest(a.id());
        if (requestId == null) {
            throw new BusinessRuleViolation("本案尚未通过家庭经济状况核对系统提请核对，没有可获取的核对结果");
        }
        RequestSummary request = requests.find(requestId);
        if (a.householdId() == null || request.householdId() != a.householdId()) {
            throw new BusinessRuleViolation("核对请求 " + requestId + " 核对的不是本案申请人的家庭，其结果不能附到本案");
        }
        if (request.reportVersion() == null) {
            throw new BusinessRuleViolation(
                    "核对请求 " + requestId + " 的核对报告尚未出具（" + request.stage() + "），疑点核实完毕、报告出具后结果会自动附到本案");
        }
        attach(
                a,
                requestId,
                request.checkDate(),
                request.persons(),
                request.recordsCompared(),
                request.disqualifying(),
                request.needsExplanation(),
                request.information(),
                "ASSISTANCE_VERIFICATION_FETCHED");
        return of(a.id()).stream()
                .filter(r -> requestId.equals(r.requestId()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Whether the case asked the verification system and its report is issued, but the result is not on the case (the
     * page then offers {@link #fetchMissing}).
     */
    @PreAuthorize(AssistanceRoles.READ)
    public boolean resultMissing(long applicationId) {
        // the verification module is asked outside this module's transaction: a refusal there must not roll it back
        Long requestId = newTransaction.execute(status -> {
            Long request = askedRequest(applicationId);
            return request == null || attached(applicationId, request) ? null : request;
        });
        if (requestId == null) {
            return false;
        }
        try {
            return requests.find(requestId).reportVersion() != null;
        } catch (NotFound | org.springframework.security.access.AccessDeniedException e) {
            return false; // a reader who may not see the request cannot fetch it either
        }
    }

    /**
     * The application's current request to the verification system, provided the application asked for it itself
     * (issue 13 A1: only such a request's result may reach the case, whichever way it comes).
     */
    private Long askedRequest(long applicationId) {
        return jdbc.sql("""
                        select a.verification_request_id from assistance_application a
                        join assistance_verification_asked k
                          on k.application_id = a.id and k.request_id = a.verification_request_id
                        where a.id = ?
                        """).param(applicationId).query(Long.class).optional().orElse(null);
    }

    private boolean attached(long applicationId, long requestId) {
        return jdbc.sql("select count(*) from assistance_verification where application_id = ? and request_id = ?")
                        .params(applicationId, requestId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Attaches a request's result to the case once (a unique index backs the check against a concurrent attach). */
    private void attach(
            Application a,
            long requestId,
            LocalDate checkedOn,
            int persons,
            int records,
            int disqualifying,
            int explanation,
            int information,
            String auditAction) {
        if (attached(a.id(), requestId)) {
            return;
        }
        long id = insert(
                a,
                "ENGINE",
                requestId,
                checkedOn,
                persons,
                records,
                disqualifying,
                explanation,
                information,
                null,
                "system");
        audit.record(AuditEvent.success(auditAction, "assistance_application", a.id())
                .because("result " + id + " request " + requestId));
    }

    private long insert(
            Application a,
            String source,
            Long requestId,
            LocalDate checkedOn,
            int persons,
            int records,
            int disqualifying,
            int explanation,
            int information,
            String summary,
            String by) {
        return jdbc.sql("""
                        insert into assistance_verification (application_id, community_code, source, request_id,
                            checked_on, persons_checked, records_compared, disqualifying, needs_explanation, information,
                            summary, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        a.id(),
                        a.communityCode(),
                        source,
                        requestId,
                        checkedOn,
                        persons,
                        records,
                        disqualifying,
                        explanation,
                        information,
                        summary,
                        by)
                .query(Long.class)
                .single();
    }
}
