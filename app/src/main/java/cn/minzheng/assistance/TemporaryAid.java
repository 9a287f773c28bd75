package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.TemporaryAssistance;
import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 临时救助 on a case: what was asked for, the 一事一议 minutes when the amount is above the district's cap, and the
 * one-time payment it led to (急难型 at once when granted — 先行救助 — 支出型 when delivered).
 */
@Service
public class TemporaryAid {

    private final JdbcClient jdbc;
    private final ApplicationStore applications;
    private final AuditTrail audit;

    TemporaryAid(JdbcClient jdbc, ApplicationStore applications, AuditTrail audit) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.audit = audit;
    }

    public record Temporary(
            String kind,
            String severity,
            int members,
            String situation,
            Long dispatchId,
            String coordinationRef,
            Long approvedFen,
            String decisionRef,
            Long paymentItemId,
            Long paidFen,
            LocalDate paidOn) {

        public String kindLabel() {
            return TemporaryAssistance.Kind.valueOf(kind).label();
        }

        public String severityLabel() {
            return TemporaryAssistance.Severity.valueOf(severity).label();
        }
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public Optional<Temporary> of(long applicationId) {
        return jdbc.sql("select * from assistance_temporary where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new Temporary(
                        rs.getString("kind"),
                        rs.getString("severity"),
                        rs.getInt("members"),
                        rs.getString("situation"),
                        (Long) rs.getObject("dispatch_id"),
                        rs.getString("coordination_ref"),
                        (Long) rs.getObject("approved_fen"),
                        rs.getString("decision_ref"),
                        (Long) rs.getObject("payment_item_id"),
                        (Long) rs.getObject("paid_fen"),
                        rs.getObject("paid_on", LocalDate.class)))
                .optional();
    }

    /** 一事一议: the minutes of the coordination mechanism's meeting that agreed an amount above the district's cap. */
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Temporary recordCoordination(long applicationId, String minutesRef) {
        Application a = applications.find(applicationId).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
        if (minutesRef == null || minutesRef.strip().length() < 2) {
            throw new BusinessRuleViolation("请填写协调机制会议纪要的文号或日期");
        }
        int changed = jdbc.sql("update assistance_temporary set coordination_ref = ? where application_id = ?")
                .params(minutesRef.strip(), a.id())
                .update();
        if (changed == 0) {
            throw new BusinessRuleViolation("本案不是临时救助申请");
        }
        audit.record(AuditEvent.success("TEMPORARY_AID_COORDINATION", "assistance_application", a.id()));
        return of(a.id()).orElseThrow();
    }
}
