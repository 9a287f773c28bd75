package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of findings (比对疑点的核实): staff classify each finding — confirmed, needs explanation, or false
 * positive — always with a reason; the applicant may object with evidence to a finding held against the household, and
 * someone other than who made the decision re-reviews it (复核; 《最低生活保障审核确认办法》第十八条, MZ/T 072 结果复核).
 * Every step is a new row: the original finding, each decision, the objection and its evidence stay as they were.
 */
@Service
public class FindingReviews {

    private final JdbcClient jdbc;
    private final Findings findings;
    private final FindingEvidenceFiles files;
    private final AuditTrail audit;

    FindingReviews(JdbcClient jdbc, Findings findings, FindingEvidenceFiles files, AuditTrail audit) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.files = files;
        this.audit = audit;
    }

    /**
     * Staff's decision on a finding. It can be made again (the earlier one stays) until the report is issued; after
     * that a decision changes only through the applicant's objection and a re-review.
     */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long classify(long findingId, FindingOutcome outcome, String reason) {
        return classify(findingId, outcome, reason, List.of());
    }

    /**
     * A decision with its evidence. Dismissing a finding that would disqualify the household (误报) needs at least one
     * evidence file and takes effect only when a second person confirms it ({@link #confirmDismissal}).
     */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long classify(long findingId, FindingOutcome outcome, String reason, List<EvidenceUpload> evidence) {
        Finding finding = findings.lockedFinding(findingId);
        requireOutcome(outcome);
        String why = reason(reason, "请写明核实结论的理由（如：经核实车辆已于某日过户，附转让合同）");
        List<EvidenceUpload> files = this.files.checkedFiles(evidence);
        if (finding.dismissalNeedsConfirmation(outcome) && files.isEmpty()) {
            throw new BusinessRuleViolation("该疑点属于“不符合条件”，认定为误报须附证据材料（如过户证明、注销证明），并由另一位工作人员确认");
        }
        switch (finding.state()) {
            case AWAITING_CONFIRMATION -> {
                // a new decision replaces the dismissal that waits for confirmation
            }
            case OBJECTED -> throw new BusinessRuleViolation("该疑点有待复核的异议，请先复核");
            case RE_REVIEWED -> throw new BusinessRuleViolation("该疑点已经复核，复核结论为最终核对结论");
            case CLASSIFIED -> {
                if (findings.reportIssued(finding.requestId())) {
                    throw new BusinessRuleViolation("核对报告已出具，结论只能经申请人异议后复核更改");
                }
            }
            case UNREVIEWED -> {
                // first decision
            }
        }
        long id = insert(finding, FindingReviewKind.CLASSIFICATION, outcome, why, null);
        this.files.store(finding, id, files);
        audit.record(AuditEvent.success("VERIFICATION_FINDING_CLASSIFIED", "verification_finding", findingId)
                .because(outcome.name()));
        return id;
    }

    /** 第二人确认: someone other than who dismissed a disqualifying finding confirms the dismissal, having seen the evidence. */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long confirmDismissal(long findingId, String reason) {
        Finding finding = findings.lockedFinding(findingId);
        String why = reason(reason, "请写明确认的理由（核对了哪些证据）");
        if (finding.state() != FindingState.AWAITING_CONFIRMATION) {
            throw new BusinessRuleViolation("该疑点没有待确认的误报认定");
        }
        FindingReview dismissal = finding.history().get(finding.history().size() - 1);
        if (dismissal.decidedBy().equals(RequestRecorder.actor())) {
            throw new BusinessRuleViolation("认定误报的工作人员不能自己确认，须由另一位工作人员确认");
        }
        long id = insert(finding, FindingReviewKind.CONFIRMATION, FindingOutcome.FALSE_POSITIVE, why, dismissal.id());
        audit.record(AuditEvent.success("VERIFICATION_DISMISSAL_CONFIRMED", "verification_finding", findingId));
        return id;
    }

    /** The applicant's objection to a finding held against the household, with evidence (stored with its SM3). */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long object(long findingId, String statement, List<EvidenceUpload> evidence) {
        Finding finding = findings.lockedFinding(findingId);
        String why = reason(statement, "请写明申请人的异议内容");
        switch (finding.state()) {
            case UNREVIEWED, AWAITING_CONFIRMATION -> throw new BusinessRuleViolation("该疑点尚未核实完毕，没有可提出异议的结论");
            case OBJECTED -> throw new BusinessRuleViolation("该疑点已有待复核的异议");
            case RE_REVIEWED -> throw new BusinessRuleViolation("该疑点已经复核，复核结论为最终核对结论");
            case CLASSIFIED -> {
                if (finding.outcome() == FindingOutcome.FALSE_POSITIVE) {
                    throw new BusinessRuleViolation("该疑点已认定为误报，对申请人没有不利影响，无需异议");
                }
            }
        }
        List<EvidenceUpload> files = this.files.checkedFiles(evidence);
        FindingReview decision = finding.history().get(finding.history().size() - 1);
        long id = insert(finding, FindingReviewKind.OBJECTION, null, why, decision.id());
        this.files.store(finding, id, files);
        audit.record(AuditEvent.success("VERIFICATION_FINDING_OBJECTED", "verification_finding", findingId)
                .because("evidence " + files.size()));
        return id;
    }

    /** 复核: by someone other than who made the decision under objection. */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long reReview(long findingId, FindingOutcome outcome, String reason) {
        Finding finding = findings.lockedFinding(findingId);
        requireOutcome(outcome);
        String why = reason(reason, "请写明复核结论的理由");
        if (finding.state() != FindingState.OBJECTED) {
            throw new BusinessRuleViolation("该疑点没有待复核的异议");
        }
        FindingReview decision = finding.objectedDecision();
        if (decision.decidedBy().equals(RequestRecorder.actor())) {
            throw new BusinessRuleViolation("复核须由作出原核实结论以外的工作人员进行");
        }
        FindingReview objection = finding.history().get(finding.history().size() - 1);
        long id = insert(finding, FindingReviewKind.RE_REVIEW, outcome, why, objection.id());
        audit.record(AuditEvent.success("VERIFICATION_FINDING_REREVIEWED", "verification_finding", findingId)
                .because(outcome.name()));
        return id;
    }

    private long insert(Finding finding, FindingReviewKind kind, FindingOutcome outcome, String reason, Long answers) {
        return jdbc.sql("""
                        insert into verification_review (finding_id, community_code, kind, outcome, reason, answers,
                            decided_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        finding.id(),
                        finding.communityCode(),
                        kind.name(),
                        outcome == null ? null : outcome.name(),
                        reason,
                        answers,
                        RequestRecorder.actor())
                .query(Long.class)
                .single();
    }

    private static void requireOutcome(FindingOutcome outcome) {
        if (outcome == null) {
            throw new BusinessRuleViolation("请选择结论：确认属实、需说明情况或误报");
        }
    }

    private static String reason(String text, String problem) {
        if (text == null || text.strip().length() < 2) {
            throw new BusinessRuleViolation(problem);
        }
        String clean = text.strip();
        if (clean.length() > 2000) {
            throw new BusinessRuleViolation("说明不能超过 2000 字");
        }
        return clean;
    }
}
