package cn.minzheng.assistance;

import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The effective-dated statuses (assistance_status): a status is never overwritten — a change closes the open row on
 * the day it ends (naming the decision that ended it) and opens a new one pointing at the decision that created it.
 * The monthly payment roll pays whatever row is in force on the first of the month.
 */
@Component
class StatusLedger {

    private final JdbcClient jdbc;

    StatusLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Status(
            long id,
            String category,
            String programme,
            String subjectType,
            long subjectId,
            String communityCode,
            String level,
            Integer members,
            long monthlyAmountFen,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            String decisionRef,
            String endedBy) {}

    record NewStatus(
            String category,
            String programme,
            String subjectType,
            long subjectId,
            String communityCode,
            String level,
            Integer members,
            long monthlyAmountFen,
            LocalDate from,
            LocalDate to,
            String decisionRef) {}

    long open(NewStatus s) {
        return jdbc.sql("""
                        insert into assistance_status (category_code, programme_code, subject_type, subject_id,
                            community_code, level, members, monthly_amount_fen, effective_from, effective_to, decision_ref)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        s.category(),
                        s.programme(),
                        s.subjectType(),
                        s.subjectId(),
                        s.communityCode(),
                        s.level(),
                        s.members(),
                        s.monthlyAmountFen(),
                        s.from(),
                        s.to(),
                        s.decisionRef())
                .query(Long.class)
                .single();
    }

    /** Ends an open status on {@code on} (the first day it no longer applies). */
    void close(long statusId, LocalDate on, String endedBy) {
        Status s = find(statusId).orElseThrow(() -> new BusinessRuleViolation("救助状态 " + statusId + " 不存在"));
        if (s.effectiveTo() != null) {
            throw new BusinessRuleViolation("该救助状态已于 " + s.effectiveTo() + " 终止（" + s.endedBy() + "）");
        }
        if (!on.isAfter(s.effectiveFrom())) {
            throw new BusinessRuleViolation(
                    "该救助状态自" + cn.minzheng.platform.Display.date(s.effectiveFrom()) + "起生效，不能在生效之前终止；请待其生效后再作调整");
        }
        jdbc.sql("update assistance_status set effective_to = ?, ended_by = ? where id = ? and effective_to is null")
                .params(on, endedBy, statusId)
                .update();
    }

    Optional<Status> find(long id) {
        return jdbc.sql("select * from assistance_status where id = ?")
                .param(id)
                .query((rs, n) -> new Status(
                        rs.getLong("id"),
                        rs.getString("category_code"),
                        rs.getString("programme_code"),
                        rs.getString("subject_type"),
                        rs.getLong("subject_id"),
                        rs.getString("community_code"),
                        rs.getString("level"),
                        (Integer) rs.getObject("members"),
                        rs.getLong("monthly_amount_fen"),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class),
                        rs.getString("decision_ref"),
                        rs.getString("ended_by")))
                .optional();
    }

    /** The open status of a subject in a category and programme (null programme: a recognition without payment). */
    Optional<Status> open(String category, String programme, String subjectType, long subjectId) {
        return jdbc.sql("""
                        select id from assistance_status
                        where category_code = ? and coalesce(programme_code, '') = coalesce(?, '')
                          and subject_type = ? and subject_id = ? and effective_to is null
                        """)
                .params(category, programme, subjectType, subjectId)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    /** When the status is next reviewed: every {@code months} from the day it took effect (or was last reviewed). */
    void plan(long statusId, String community, int months, boolean unstable, LocalDate from) {
        jdbc.sql("""
                        insert into assistance_review_plan (status_id, community_code, cycle_months, unstable,
                            last_reviewed_on)
                        values (?, ?, ?, ?, ?)
                        on conflict (status_id) do nothing
                        """).params(statusId, community, months, unstable, from).update();
    }
}
