package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.Sm3;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing the household's report (出具报告): only when every finding has a decision and no objection waits. Each issue
 * is a new version, kept with its PDF and SM3 digest, and announced with {@link VerificationReportReady} for the case.
 */
@Service
class VerificationReports {

    private final JdbcClient jdbc;
    private final RequestDetails details;
    private final FindingReviews reviews;
    private final ReportRenderer renderer;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VerificationReports(
            JdbcClient jdbc,
            RequestDetails details,
            FindingReviews reviews,
            ReportRenderer renderer,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.details = details;
        this.reviews = reviews;
        this.renderer = renderer;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public RequestDetails.Report issue(long requestId) {
        RequestSummary summary = details.require(requestId);
        if (!summary.status().equals("COMPLETED")) {
            throw new BusinessRuleViolation("该请求未完成核对（" + summary.statusLabel() + "），不能出具报告");
        }
        // one issue at a time per request: versions stay gap-free
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(AdvisoryLocks.VERIFICATION_REPORT, (int) requestId)
                .query()
                .singleValue();
        if (!reviews.allDecided(requestId)) {
            throw new BusinessRuleViolation("还有未核实的疑点或待复核的异议，核实完毕后才能出具核对报告");
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from verification_report where request_id = ?")
                .param(requestId)
                .query(Integer.class)
                .single();
        LocalDate today = LocalDate.now(clock);
        byte[] pdf = renderer.render(details.detail(requestId), version, today);
        String sm3 = Sm3.hex(pdf);
        long id = jdbc.sql("""
                        insert into verification_report (request_id, version, community_code, sm3, pdf, issued_by)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(requestId, version, summary.communityCode(), sm3, pdf, RequestRecorder.actor())
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success("VERIFICATION_REPORT_ISSUED", "verification_report", id)
                .because("request " + requestId + " version " + version));
        // the case gets the counts as reviewed: a dismissed finding no longer says 不符合条件
        FindingReviews.Resolved resolved = reviews.resolved(requestId);
        events.publishEvent(new VerificationReportReady(
                requestId,
                summary.kind().equals("CASE") ? summary.caseRef() : null,
                summary.householdId(),
                summary.checkDate(),
                summary.persons(),
                summary.recordsCompared(),
                resolved.disqualifying(),
                resolved.needsExplanation(),
                resolved.information()));
        return details.reports(requestId).stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    record ReportFile(String fileName, byte[] pdf, String sm3) {}

    @PreAuthorize(VerificationRoles.READ)
    @Transactional
    public ReportFile pdf(long reportId) {
        ReportFile file = jdbc.sql("select request_id, version, pdf, sm3 from verification_report where id = ?")
                .param(reportId)
                .query((rs, n) -> new ReportFile(
                        "核对报告-HD" + rs.getLong(1) + "-" + rs.getInt(2) + ".pdf", rs.getBytes(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new NotFound("核对报告 " + reportId + " 不存在，或不在您的数据范围内"));
        audit.record(AuditEvent.success("VERIFICATION_REPORT_VIEWED", "verification_report", reportId));
        return file;
    }
}
