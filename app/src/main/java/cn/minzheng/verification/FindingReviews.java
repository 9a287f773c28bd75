package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.files.UploadNames;
import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.Sm3;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
class FindingReviews {

    static final int MAX_EVIDENCE_FILES = 5;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final VerificationSettings settings;

    FindingReviews(JdbcClient jdbc, AuditTrail audit, VerificationSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
    }

    enum Outcome {
        CONFIRMED("确认属实"),
        NEEDS_EXPLANATION("需说明情况"),
        FALSE_POSITIVE("误报");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum Kind {
        CLASSIFICATION("核对结论"),
        OBJECTION("申请人异议"),
        RE_REVIEW("复核结论"),
        CONFIRMATION("第二人确认误报");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a finding stands in its review. */
    enum State {
        UNREVIEWED("待核实"),
        CLASSIFIED("已核实"),
        AWAITING_CONFIRMATION("认定误报，待第二人确认"),
        OBJECTED("异议待复核"),
        RE_REVIEWED("已复核");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Evidence(
            long id,
            long reviewId,
            String fileName,
            String contentType,
            long sizeBytes,
            String sm3,
            Instant uploadedAt) {}

    record Entry(
            long id,
            Kind kind,
            Outcome outcome,
            String reason,
            Long answers,
            String decidedBy,
            Instant decidedAt,
            List<Evidence> evidence) {

        public String kindLabel() {
            return kind.label();
        }

        public String outcomeLabel() {
            return outcome == null ? "" : outcome.label();
        }
    }

    /** A finding as the engine produced it, with its review history, oldest first. */
    record Finding(
            long id,
            long requestId,
            long householdId,
            Long residentId,
            String communityCode,
            String ruleCode,
            String title,
            String severity,
            String sourceCode,
            String recordId,
            String tier,
            String evidence,
            String legalBasis,
            List<Entry> history) {

        public State state() {
            if (history.isEmpty()) {
                return State.UNREVIEWED;
            }
            Entry last = history.get(history.size() - 1);
            return switch (last.kind()) {
                case CLASSIFICATION ->
                    dismissalNeedsConfirmation(last.outcome()) ? State.AWAITING_CONFIRMATION : State.CLASSIFIED;
                case OBJECTION -> State.OBJECTED;
                case RE_REVIEW -> State.RE_REVIEWED;
                case CONFIRMATION -> State.CLASSIFIED;
            };
        }

        /** A finding that would disqualify the household is dismissed only with evidence and a second person. */
        boolean dismissalNeedsConfirmation(Outcome outcome) {
            return outcome == Outcome.FALSE_POSITIVE && "DISQUALIFYING".equals(severity);
        }

        /** Counted in the case's result as reviewed: dismissed findings drop out, re-classified ones move. */
        String resolvedSeverity() {
            Outcome outcome = outcome();
            State state = state();
            if (outcome == null || state == State.AWAITING_CONFIRMATION || state == State.OBJECTED) {
                return severity;
            }
            return switch (outcome) {
                case FALSE_POSITIVE -> null;
                case NEEDS_EXPLANATION -> "NEEDS_EXPLANATION";
                case CONFIRMED -> severity;
            };
        }

        public String stateLabel() {
            return state().label();
        }

        /** The decision in force: the latest classification or re-review. */
        public Outcome outcome() {
            for (int i = history.size() - 1; i >= 0; i--) {
                if (history.get(i).outcome() != null) {
                    return history.get(i).outcome();
                }
            }
            return null;
        }

        public String outcomeLabel() {
            Outcome outcome = outcome();
            return outcome == null ? "" : outcome.label();
        }

        public String severityLabel() {
            return Labels.severity(severity);
        }

        public String tierLabel() {
            return Labels.tier(tier);
        }

        /** The decision the pending objection is about, if any. */
        Entry objectedDecision() {
            Entry objection = history.get(history.size() - 1);
            return history.stream()
                    .filter(e -> e.id() == objection.answers())
                    .findFirst()
                    .orElseThrow();
        }
    }

    @PreAuthorize(VerificationRoles.READ)
    @Transactional(readOnly = true)
    public Finding find(long id) {
        return findings("f.id = ?", id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("核对疑点 " + id + " 不存在，或不在您的数据范围内"));
    }

    @PreAuthorize(VerificationRoles.READ)
    @Transactional(readOnly = true)
    public List<Finding> ofRequest(long requestId) {
        return findings("f.request_id = ?", requestId);
    }

    private List<Finding> findings(String condition, long value) {
        List<Finding> bare = jdbc.sql("select f.* from verification_finding f where " + condition + " order by f.id")
                .param(value)
                .query((rs, n) -> finding(rs, List.of()))
                .list();
        if (bare.isEmpty()) {
            return bare;
        }
        Long[] ids = bare.stream().map(Finding::id).toArray(Long[]::new);
        Map<Long, List<Evidence>> evidence = jdbc
                .sql("""
                        select e.id, e.review_id, e.file_name, e.content_type, e.size_bytes, e.sm3, e.uploaded_at
                        from verification_evidence e join verification_review r on r.id = e.review_id
                        where r.finding_id = any(?) order by e.id
                        """)
                .param(ids)
                .query((rs, n) -> new Evidence(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list()
                .stream()
                .collect(Collectors.groupingBy(Evidence::reviewId));
        record Row(long findingId, Entry entry) {}
        Map<Long, List<Entry>> history = jdbc
                .sql("select * from verification_review where finding_id = any(?) order by id")
                .param(ids)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    long id = rs.getLong("id");
                    return new Row(
                            rs.getLong("finding_id"),
                            new Entry(
                                    id,
                                    Kind.valueOf(rs.getString("kind")),
                                    outcome == null ? null : Outcome.valueOf(outcome),
                                    rs.getString("reason"),
                                    (Long) rs.getObject("answers"),
                                    rs.getString("decided_by"),
                                    rs.getTimestamp("decided_at").toInstant(),
                                    evidence.getOrDefault(id, List.of())));
                })
                .list()
                .stream()
                .collect(Collectors.groupingBy(Row::findingId, Collectors.mapping(Row::entry, Collectors.toList())));
        List<Finding> complete = new ArrayList<>();
        for (Finding f : bare) {
            complete.add(new Finding(
                    f.id(),
                    f.requestId(),
                    f.householdId(),
                    f.residentId(),
                    f.communityCode(),
                    f.ruleCode(),
                    f.title(),
                    f.severity(),
                    f.sourceCode(),
                    f.recordId(),
                    f.tier(),
                    f.evidence(),
                    f.legalBasis(),
                    history.getOrDefault(f.id(), List.of())));
        }
        return complete;
    }

    /**
     * Staff's decision on a finding. It can be made again (the earlier one stays) until the report is issued; after
     * that a decision changes only through the applicant's objection and a re-review.
     */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long classify(long findingId, Outcome outcome, String reason) {
        return classify(findingId, outcome, reason, List.of());
    }

    /**
     * A decision with its evidence. Dismissing a finding that would disqualify the household (误报) needs at least one
     * evidence file and takes effect only when a second person confirms it ({@link #confirmDismissal}).
     */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long classify(long findingId, Outcome outcome, String reason, List<Upload> evidence) {
        Finding finding = lockedFinding(findingId);
        requireOutcome(outcome);
        String why = reason(reason, "请写明核实结论的理由（如：经核实车辆已于某日过户，附转让合同）");
        List<Upload> files = checkedFiles(evidence);
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
                if (reportIssued(finding.requestId())) {
                    throw new BusinessRuleViolation("核对报告已出具，结论只能经申请人异议后复核更改");
                }
            }
            case UNREVIEWED -> {
                // first decision
            }
        }
        long id = insert(finding, Kind.CLASSIFICATION, outcome, why, null);
        store(finding, id, files);
        audit.record(AuditEvent.success("VERIFICATION_FINDING_CLASSIFIED", "verification_finding", findingId)
                .because(outcome.name()));
        return id;
    }

    /** 第二人确认: someone other than who dismissed a disqualifying finding confirms the dismissal, having seen the evidence. */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long confirmDismissal(long findingId, String reason) {
        Finding finding = lockedFinding(findingId);
        String why = reason(reason, "请写明确认的理由（核对了哪些证据）");
        if (finding.state() != State.AWAITING_CONFIRMATION) {
            throw new BusinessRuleViolation("该疑点没有待确认的误报认定");
        }
        Entry dismissal = finding.history().get(finding.history().size() - 1);
        if (dismissal.decidedBy().equals(RequestRecorder.actor())) {
            throw new BusinessRuleViolation("认定误报的工作人员不能自己确认，须由另一位工作人员确认");
        }
        long id = insert(finding, Kind.CONFIRMATION, Outcome.FALSE_POSITIVE, why, dismissal.id());
        audit.record(AuditEvent.success("VERIFICATION_DISMISSAL_CONFIRMED", "verification_finding", findingId));
        return id;
    }

    /** The request's counts as reviewed: what the case's result says once the findings are decided. */
    record Resolved(int disqualifying, int needsExplanation, int information) {}

    Resolved resolved(long requestId) {
        int disqualifying = 0;
        int explanation = 0;
        int information = 0;
        for (Finding f : ofRequestUnchecked(requestId)) {
            String severity = f.resolvedSeverity();
            if ("DISQUALIFYING".equals(severity)) {
                disqualifying++;
            } else if ("NEEDS_EXPLANATION".equals(severity)) {
                explanation++;
            } else if ("INFORMATION".equals(severity)) {
                information++;
            }
        }
        return new Resolved(disqualifying, explanation, information);
    }

    private List<Upload> checkedFiles(List<Upload> evidence) {
        List<Upload> files = evidence == null
                ? List.of()
                : evidence.stream()
                        .filter(u -> u.content() != null && u.content().length > 0)
                        .toList();
        if (files.size() > MAX_EVIDENCE_FILES) {
            throw new BusinessRuleViolation("每次最多附 " + MAX_EVIDENCE_FILES + " 个证据文件");
        }
        for (Upload file : files) {
            if (file.content().length > settings.evidenceMaxBytes()) {
                throw new BusinessRuleViolation("证据文件“" + UploadNames.displayName(file.fileName()) + "”超过 "
                        + DeliveryFile.megabytes(settings.evidenceMaxBytes()) + "");
            }
            EvidenceTypes.of(file.content())
                    .orElseThrow(() -> new BusinessRuleViolation(
                            "证据文件“" + UploadNames.displayName(file.fileName()) + "”不是 PDF、JPEG 或 PNG 文件"));
        }
        return files;
    }

    private void store(Finding finding, long reviewId, List<Upload> files) {
        for (Upload file : files) {
            String type = EvidenceTypes.of(file.content()).orElseThrow();
            jdbc.sql("""
                            insert into verification_evidence (review_id, community_code, file_name, content_type,
                                size_bytes, sm3, content, uploaded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            reviewId,
                            finding.communityCode(),
                            // named by the detected type, so the download opens with the right program
                            UploadNames.withExtension(
                                    UploadNames.displayName(file.fileName()), EvidenceTypes.extension(type)),
                            type,
                            file.content().length,
                            Sm3.hex(file.content()),
                            file.content(),
                            RequestRecorder.actor())
                    .update();
        }
    }

    /** An uploaded evidence file as the controller hands it over. */
    record Upload(String fileName, byte[] content) {}

    /** The applicant's objection to a finding held against the household, with evidence (stored with its SM3). */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long object(long findingId, String statement, List<Upload> evidence) {
        Finding finding = lockedFinding(findingId);
        String why = reason(statement, "请写明申请人的异议内容");
        switch (finding.state()) {
            case UNREVIEWED, AWAITING_CONFIRMATION -> throw new BusinessRuleViolation("该疑点尚未核实完毕，没有可提出异议的结论");
            case OBJECTED -> throw new BusinessRuleViolation("该疑点已有待复核的异议");
            case RE_REVIEWED -> throw new BusinessRuleViolation("该疑点已经复核，复核结论为最终核对结论");
            case CLASSIFIED -> {
                if (finding.outcome() == Outcome.FALSE_POSITIVE) {
                    throw new BusinessRuleViolation("该疑点已认定为误报，对申请人没有不利影响，无需异议");
                }
            }
        }
        List<Upload> files = checkedFiles(evidence);
        Entry decision = finding.history().get(finding.history().size() - 1);
        long id = insert(finding, Kind.OBJECTION, null, why, decision.id());
        store(finding, id, files);
        audit.record(AuditEvent.success("VERIFICATION_FINDING_OBJECTED", "verification_finding", findingId)
                .because("evidence " + files.size()));
        return id;
    }

    /** 复核: by someone other than who made the decision under objection. */
    @PreAuthorize(VerificationRoles.HANDLE)
    @Transactional
    public long reReview(long findingId, Outcome outcome, String reason) {
        Finding finding = lockedFinding(findingId);
        requireOutcome(outcome);
        String why = reason(reason, "请写明复核结论的理由");
        if (finding.state() != State.OBJECTED) {
            throw new BusinessRuleViolation("该疑点没有待复核的异议");
        }
        Entry decision = finding.objectedDecision();
        if (decision.decidedBy().equals(RequestRecorder.actor())) {
            throw new BusinessRuleViolation("复核须由作出原核实结论以外的工作人员进行");
        }
        Entry objection = finding.history().get(finding.history().size() - 1);
        long id = insert(finding, Kind.RE_REVIEW, outcome, why, objection.id());
        audit.record(AuditEvent.success("VERIFICATION_FINDING_REREVIEWED", "verification_finding", findingId)
                .because(outcome.name()));
        return id;
    }

    record EvidenceFile(String fileName, String contentType, byte[] content, String sm3) {}

    @PreAuthorize(VerificationRoles.READ)
    @Transactional
    public EvidenceFile evidence(long id) {
        EvidenceFile file = jdbc.sql(
                        "select file_name, content_type, content, sm3 from verification_evidence where id = ?")
                .param(id)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new NotFound("证据文件 " + id + " 不存在，或不在您的数据范围内"));
        audit.record(AuditEvent.success("VERIFICATION_EVIDENCE_VIEWED", "verification_evidence", id));
        return file;
    }

    /** Every finding of the request has a decision and no objection waits: the report can be issued. */
    boolean allDecided(long requestId) {
        return ofRequestUnchecked(requestId).stream()
                .allMatch(f -> f.state() == State.CLASSIFIED || f.state() == State.RE_REVIEWED);
    }

    List<Finding> ofRequestUnchecked(long requestId) {
        return findings("f.request_id = ?", requestId);
    }

    private Finding lockedFinding(long id) {
        // serialises decisions on one finding: two officers cannot both answer the same objection
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(AdvisoryLocks.VERIFICATION_FINDING, (int) id)
                .query()
                .singleValue();
        return findings("f.id = ?", id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("核对疑点 " + id + " 不存在，或不在您的数据范围内"));
    }

    private boolean reportIssued(long requestId) {
        return jdbc.sql("select count(*) from verification_report where request_id = ?")
                        .param(requestId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long insert(Finding finding, Kind kind, Outcome outcome, String reason, Long answers) {
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

    private static void requireOutcome(Outcome outcome) {
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

    private static Finding finding(ResultSet rs, List<Entry> history) throws SQLException {
        return new Finding(
                rs.getLong("id"),
                rs.getLong("request_id"),
                rs.getLong("household_id"),
                (Long) rs.getObject("resident_id"),
                rs.getString("community_code"),
                rs.getString("rule_code"),
                rs.getString("title"),
                rs.getString("severity"),
                rs.getString("source_code"),
                rs.getString("record_id"),
                rs.getString("tier"),
                rs.getString("evidence"),
                rs.getString("legal_basis"),
                history);
    }
}
