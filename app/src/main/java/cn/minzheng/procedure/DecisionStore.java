package cn.minzheng.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Decisions and legal reviews in the database (row-level security follows the case). */
@Repository
class DecisionStore {

    private final JdbcClient jdbc;

    DecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DecisionRow> find(long id) {
        return jdbc.sql("select * from decision where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<DecisionRow> live(long caseId) {
        return jdbc.sql("""
                        select * from decision where case_id = ?
                        and status in ('DRAFT', 'REVIEW_PENDING', 'REVIEW_PASSED')
                        """).param(caseId).query((rs, n) -> map(rs)).optional();
    }

    Optional<DecisionRow> issued(long caseId) {
        return jdbc.sql("select * from decision where case_id = ? and status = 'ISSUED'")
                .param(caseId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<DecisionRow> ofCase(long caseId) {
        return jdbc.sql("select * from decision where case_id = ? order by revision desc")
                .param(caseId)
                .query((rs, n) -> map(rs))
                .list();
    }

    List<DecisionRow> waitingForReview() {
        return jdbc.sql("select * from decision where status = 'REVIEW_PENDING' order by submitted_at")
                .query((rs, n) -> map(rs))
                .list();
    }

    int nextRevision(long caseId) {
        return jdbc.sql("select coalesce(max(revision), 0) + 1 from decision where case_id = ?")
                .param(caseId)
                .query(Integer.class)
                .single();
    }

    long insert(DecisionRow d) {
        return jdbc.sql("""
                        insert into decision (case_id, revision, status, outcome, major, major_reasons,
                            matter_type_version_id, rule_code, rule_version, articles, facts, trace, result, reasons,
                            draft_hash, drafted_by, drafted_name, drafted_on, drafted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        d.caseId(),
                        d.revision(),
                        d.status(),
                        d.outcome(),
                        d.major(),
                        d.majorReasons(),
                        d.matterTypeVersionId(),
                        d.ruleCode(),
                        d.ruleVersion(),
                        d.articles(),
                        d.facts(),
                        d.trace(),
                        d.result(),
                        d.reasons(),
                        d.draftHash(),
                        d.draftedBy(),
                        d.draftedName(),
                        d.draftedOn(),
                        Timestamp.from(d.draftedAt()))
                .query(Long.class)
                .single();
    }

    void status(long id, String status) {
        jdbc.sql("update decision set status = ? where id = ?")
                .params(status, id)
                .update();
    }

    void submitted(long id, Instant at) {
        jdbc.sql("update decision set status = 'REVIEW_PENDING', submitted_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void issue(
            long id,
            String unit,
            String series,
            int year,
            int seq,
            String number,
            String title,
            Actor by,
            LocalDate on,
            Instant at,
            String documentSm3) {
        jdbc.sql("""
                        update decision set status = 'ISSUED', issuing_unit = ?, document_series = ?, document_year = ?,
                            document_seq = ?, document_number = ?, document_title = ?, issued_by = ?, issued_name = ?,
                            issued_on = ?, issued_at = ?, document_sm3 = ?
                        where id = ?
                        """)
                .params(
                        unit,
                        series,
                        year,
                        seq,
                        number,
                        title,
                        by.username(),
                        by.displayName(),
                        on,
                        Timestamp.from(at),
                        documentSm3,
                        id)
                .update();
    }

    record Review(
            long id,
            long decisionId,
            long caseId,
            String draftHash,
            String reviewer,
            String reviewerName,
            String checklist,
            String conclusion,
            String opinion,
            LocalDate reviewedOn,
            Instant reviewedAt,
            String qualification) {}

    void addReview(Review r) {
        jdbc.sql("""
                        insert into legal_review (decision_id, case_id, draft_hash, reviewer, reviewer_name, checklist,
                            conclusion, opinion, reviewed_on, reviewed_at, qualification)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        r.decisionId(),
                        r.caseId(),
                        r.draftHash(),
                        r.reviewer(),
                        r.reviewerName(),
                        r.checklist(),
                        r.conclusion(),
                        r.opinion(),
                        r.reviewedOn(),
                        Timestamp.from(r.reviewedAt()),
                        r.qualification())
                .update();
    }

    List<Review> reviews(long decisionId) {
        return jdbc.sql("select * from legal_review where decision_id = ? order by id")
                .param(decisionId)
                .query((rs, n) -> new Review(
                        rs.getLong("id"),
                        rs.getLong("decision_id"),
                        rs.getLong("case_id"),
                        rs.getString("draft_hash"),
                        rs.getString("reviewer"),
                        rs.getString("reviewer_name"),
                        rs.getString("checklist"),
                        rs.getString("conclusion"),
                        rs.getString("opinion"),
                        rs.getObject("reviewed_on", LocalDate.class),
                        rs.getTimestamp("reviewed_at").toInstant(),
                        rs.getString("qualification")))
                .list();
    }

    private static DecisionRow map(ResultSet rs) throws SQLException {
        int year = rs.getInt("document_year");
        Integer documentYear = rs.wasNull() ? null : year;
        int seq = rs.getInt("document_seq");
        Integer documentSeq = rs.wasNull() ? null : seq;
        return new DecisionRow(
                rs.getLong("id"),
                rs.getLong("case_id"),
                rs.getInt("revision"),
                rs.getString("status"),
                rs.getString("outcome"),
                rs.getBoolean("major"),
                rs.getString("major_reasons"),
                rs.getLong("matter_type_version_id"),
                rs.getString("rule_code"),
                rs.getString("rule_version"),
                rs.getString("articles"),
                rs.getString("facts"),
                rs.getString("trace"),
                rs.getString("result"),
                rs.getString("reasons"),
                rs.getString("draft_hash"),
                rs.getString("drafted_by"),
                rs.getString("drafted_name"),
                rs.getObject("drafted_on", LocalDate.class),
                rs.getTimestamp("drafted_at").toInstant(),
                instant(rs, "submitted_at"),
                rs.getString("issuing_unit"),
                rs.getString("document_series"),
                documentYear,
                documentSeq,
                rs.getString("document_number"),
                rs.getString("document_title"),
                rs.getString("issued_by"),
                rs.getString("issued_name"),
                rs.getObject("issued_on", LocalDate.class),
                instant(rs, "issued_at"),
                rs.getString("document_sm3"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
