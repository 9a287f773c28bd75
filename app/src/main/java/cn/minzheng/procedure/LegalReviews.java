package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 法制审核: the legal reviewers' queue and their reviews. A reviewer answers every checklist item and concludes: passed
 * (every item met) or returned with reasons — the case then goes back to the state the matter type names, and the
 * handler drafts again. A reviewer who took part in handling a case may not review it.
 */
@Service
public class LegalReviews {

    private final CaseStore cases;
    private final DecisionStore decisions;
    private final MatterTypes matterTypes;
    private final Decisions decisionViews;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    LegalReviews(
            CaseStore cases,
            DecisionStore decisions,
            MatterTypes matterTypes,
            Decisions decisionViews,
            AuditTrail audit,
            JsonMapper json,
            Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.decisions = decisions;
        this.matterTypes = matterTypes;
        this.decisionViews = decisionViews;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public record QueueItem(
            long decisionId,
            long caseId,
            String caseNumber,
            String matterType,
            String outcomeName,
            List<String> majorReasons,
            String draftedName,
            Instant submittedAt,
            boolean mayReview,
            String whyNot) {}

    public record Review(Map<ReviewChecklist, Boolean> checklist, String conclusion, String opinion) {}

    /**
     * A reviewer's 法律职业资格 (行政处罚法第五十八条第二款): the certificate's number and date, or — for someone who did
     * this review before the 2021 revision took effect — a statement that the requirement for first-time reviewers does
     * not apply.
     */
    public record Qualification(String certificateNo, LocalDate obtainedOn, boolean grandfathered) {

        public String inWords() {
            return grandfathered
                    ? "2021年7月15日前已从事行政处罚决定法制审核工作"
                    : "法律职业资格证书 " + certificateNo + (obtainedOn == null ? "" : "（" + Formats.date(obtainedOn) + "取得）");
        }
    }

    /** The signed-in reviewer records their own qualification (kept; a new record replaces it, audited). */
    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    @Transactional
    public Qualification recordQualification(Qualification q) {
        Actor actor = Actor.current();
        if (q == null
                || (!q.grandfathered()
                        && (q.certificateNo() == null
                                || !q.certificateNo().strip().matches("[A-Z][0-9]{10,20}")))) {
            throw new BusinessRuleViolation("请填写法律职业资格证书编号（大写字母加数字，如 A20183101040123），或说明2021年7月15日前已从事法制审核工作");
        }
        String number = q.certificateNo() == null || q.certificateNo().isBlank()
                ? null
                : q.certificateNo().strip();
        jdbc.sql("""
                        insert into legal_reviewer_qualification (username, certificate_no, obtained_on, grandfathered,
                            recorded_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (username) do update set certificate_no = excluded.certificate_no,
                            obtained_on = excluded.obtained_on, grandfathered = excluded.grandfathered,
                            recorded_by = excluded.recorded_by, recorded_at = now()
                        """)
                .params(actor.username(), number, q.obtainedOn(), q.grandfathered(), actor.username())
                .update();
        audit.record(AuditEvent.success("LEGAL_REVIEWER_QUALIFICATION_RECORDED", "account", actor.username()));
        return qualification(actor.username()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Qualification> qualification(String username) {
        return jdbc.sql(
                        "select certificate_no, obtained_on, grandfathered from legal_reviewer_qualification where username = ?")
                .param(username)
                .query((rs, n) ->
                        new Qualification(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3)))
                .optional();
    }

    /** Major decisions waiting for review, in the reviewer's scope; those the reviewer handled are shown as barred. */
    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public List<QueueItem> queue() {
        Actor actor = Actor.current();
        return decisions.waitingForReview().stream()
                .map(d -> {
                    CaseRecord c = cases.find(d.caseId()).orElseThrow();
                    MatterType type = matterTypes.byId(c.matterTypeVersionId());
                    Decisions.DecisionView view = decisionViews.view(d, c, type);
                    boolean handled = cases.handledBy(c.id(), actor.username());
                    return new QueueItem(
                            d.id(),
                            c.id(),
                            c.caseNumber(),
                            type.name(),
                            view.outcomeName(),
                            view.majorReasons().stream()
                                    .map(Decisions.MajorReasonView::label)
                                    .toList(),
                            d.draftedName(),
                            d.submittedAt(),
                            !handled,
                            handled ? "您参与了本案的办理，须回避" : null);
                })
                .toList();
    }

    @PreAuthorize("hasRole('LEGAL_REVIEWER')")
    @Transactional
    public Decisions.DecisionView review(long decisionId, Review input) {
        Actor actor = Actor.current();
        DecisionRow d = decisions.find(decisionId).orElseThrow(() -> new NotFound("决定不存在，或不在您的数据范围内"));
        CaseRecord c = cases.lock(d.caseId()).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        if (cases.handledBy(c.id(), actor.username())) {
            throw new BusinessRuleViolation("您参与了本案的办理，不能审核本案（回避）；请由其他法制审核员审核");
        }
        if (!"REVIEW_PENDING".equals(d.status())) {
            throw new BusinessRuleViolation("这份决定不在待审核状态（当前：" + DecisionRow.statusLabel(d.status()) + "）");
        }
        if (!d.contentIntact()) {
            throw new IllegalStateException("decision " + d.id() + " no longer matches its draft hash");
        }
        Qualification qualification = qualification(actor.username())
                .orElseThrow(() -> new BusinessRuleViolation("请先登记您的法律职业资格（行政处罚法第五十八条第二款：初次从事法制审核的人员应当取得法律职业资格）"));
        String conclusion = input.conclusion();
        if (!"PASSED".equals(conclusion) && !"RETURNED".equals(conclusion)) {
            throw new BusinessRuleViolation("请选择审核结论：通过，或退回");
        }
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (ReviewChecklist item : ReviewChecklist.values()) {
            Boolean answer =
                    input.checklist() == null ? null : input.checklist().get(item);
            if (answer == null) {
                throw new BusinessRuleViolation("请逐项填写审核要点：" + item.label());
            }
            checklist.put(item.name(), answer);
        }
        if ("PASSED".equals(conclusion) && checklist.containsValue(false)) {
            throw new BusinessRuleViolation("有审核要点未满足，不能审核通过；请退回并写明理由");
        }
        String opinion = input.opinion() == null ? "" : input.opinion().strip();
        if (opinion.length() < 2) {
            throw new BusinessRuleViolation("请填写审核意见" + ("RETURNED".equals(conclusion) ? "（退回理由）" : ""));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        decisions.addReview(new DecisionStore.Review(
                0,
                d.id(),
                c.id(),
                d.draftHash(),
                actor.username(),
                actor.displayName(),
                json.writeValueAsString(checklist),
                conclusion,
                opinion,
                today,
                now,
                qualification.inWords()));
        boolean passed = "PASSED".equals(conclusion);
        decisions.status(d.id(), passed ? "REVIEW_PASSED" : "RETURNED");
        String returnTo = passed ? null : type.legalReview().returnTo();
        cases.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "REVIEWED",
                        null,
                        c.state(),
                        returnTo == null ? c.state() : returnTo,
                        today,
                        actor,
                        false,
                        (passed ? "审核通过：" : "退回：") + opinion,
                        null,
                        type.legalReview().basis(),
                        json.writeValueAsString(Map.of("decision", d.id(), "conclusion", conclusion))),
                now);
        if (returnTo != null && !returnTo.equals(c.state())) {
            // the reviewer's return moves the case back without making the reviewer its handler
            cases.moved(
                    c.id(),
                    returnTo,
                    new Actor(c.handler(), c.handlerName(), java.util.Set.of(), actor.scope()),
                    c.lastEventOn(),
                    null,
                    null);
        }
        audit.record(
                AuditEvent.success(passed ? "LEGAL_REVIEW_PASSED" : "LEGAL_REVIEW_RETURNED", "procedure_case", c.id())
                        .because("decision " + d.id()));
        return decisionViews.view(decisions.find(d.id()).orElseThrow(), c, type);
    }
}
