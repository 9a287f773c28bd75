package cn.minzheng.verification;

import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of verification requests (the table {@code verification_finding}) with their review history, as the
 * caller's scope shows them: one finding, a request's findings, and what they come to once reviewed.
 */
@Service
public class Findings {

    private final JdbcClient jdbc;

    Findings(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    List<Finding> ofRequestUnchecked(long requestId) {
        return findings("f.request_id = ?", requestId);
    }

    /** Every finding of the request has a decision and no objection waits: the report can be issued. */
    boolean allDecided(long requestId) {
        return ofRequestUnchecked(requestId).stream()
                .allMatch(f -> f.state() == FindingState.CLASSIFIED || f.state() == FindingState.RE_REVIEWED);
    }

    ResolvedFindings resolved(long requestId) {
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
        return new ResolvedFindings(disqualifying, explanation, information);
    }

    Finding lockedFinding(long id) {
        // serialises decisions on one finding: two officers cannot both answer the same objection
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(AdvisoryLocks.VERIFICATION_FINDING, (int) id)
                .query()
                .singleValue();
        return findings("f.id = ?", id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("核对疑点 " + id + " 不存在，或不在您的数据范围内"));
    }

    boolean reportIssued(long requestId) {
        return jdbc.sql("select count(*) from verification_report where request_id = ?")
                        .param(requestId)
                        .query(Long.class)
                        .single()
                > 0;
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
        Map<Long, List<FindingEvidence>> evidence = jdbc
                .sql("""
                        select e.id, e.review_id, e.file_name, e.content_type, e.size_bytes, e.sm3, e.uploaded_at
                        from verification_evidence e join verification_review r on r.id = e.review_id
                        where r.finding_id = any(?) order by e.id
                        """)
                .param(ids)
                .query((rs, n) -> new FindingEvidence(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list()
                .stream()
                .collect(Collectors.groupingBy(FindingEvidence::reviewId));
        record Row(long findingId, FindingReview entry) {}
        Map<Long, List<FindingReview>> history = jdbc
                .sql("select * from verification_review where finding_id = any(?) order by id")
                .param(ids)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    long id = rs.getLong("id");
                    return new Row(
                            rs.getLong("finding_id"),
                            new FindingReview(
                                    id,
                                    FindingReviewKind.valueOf(rs.getString("kind")),
                                    outcome == null ? null : FindingOutcome.valueOf(outcome),
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

    private static Finding finding(ResultSet rs, List<FindingReview> history) throws SQLException {
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
