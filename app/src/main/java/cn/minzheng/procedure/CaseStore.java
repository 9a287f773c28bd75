package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cases, their timelines and clocks in the database. Every query runs under row-level security: a case outside the
 * caller's scope is simply not there. Changes lock the case row first, so the steps of one case are serialised.
 */
@Repository
class CaseStore {

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseRecord> find(long id) {
        return jdbc.sql("select * from procedure_case where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The case, locked for the rest of the transaction. */
    Optional<CaseRecord> lock(long id) {
        return jdbc.sql("select * from procedure_case where id = ? for update")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    long insert(
            String caseNumber,
            MatterType type,
            String communityCode,
            String partyName,
            String partyKind,
            String subjectRef,
            LocalDate receivedOn,
            Actor actor,
            Instant now) {
        return jdbc.sql("""
                        insert into procedure_case (case_number, matter_type_version_id, matter_type_code,
                            community_code, party_name, party_kind, subject_ref, state, received_on, last_event_on,
                            handler, handler_name, opened_by, opened_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        caseNumber,
                        type.id(),
                        type.code(),
                        communityCode,
                        partyName,
                        partyKind,
                        subjectRef,
                        type.initial(),
                        receivedOn,
                        receivedOn,
                        actor.username(),
                        actor.displayName(),
                        actor.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    void moved(long id, String state, Actor actor, LocalDate on, LocalDate closedOn, String outcome) {
        jdbc.sql("""
                        update procedure_case set state = ?, handler = ?, handler_name = ?,
                            last_event_on = greatest(last_event_on, ?), closed_on = ?, outcome = coalesce(?, outcome)
                        where id = ?
                        """)
                .params(state, actor.username(), actor.displayName(), on, closedOn, outcome, id)
                .update();
    }

    void touched(long id, LocalDate on) {
        jdbc.sql("update procedure_case set last_event_on = greatest(last_event_on, ?) where id = ?")
                .params(on, id)
                .update();
    }

    void suspended(long id, boolean suspended, int suspensions) {
        jdbc.sql("""
                        update procedure_case set suspended = ?, suspensions = ?,
                            suspension_kind = case when ? then suspension_kind end,
                            suspended_until = case when ? then suspended_until end
                        where id = ?
                        """).params(suspended, suspensions, suspended, suspended, id).update();
    }

    /** A declared suspension started: which one, and the day it is expected to end. */
    void suspended(long id, int suspensions, String kind, LocalDate until) {
        jdbc.sql("""
                        update procedure_case set suspended = true, suspensions = ?, suspension_kind = ?, suspended_until = ?
                        where id = ?
                        """).params(suspensions, kind, until, id).update();
    }

    /** Whether the step was taken on the case (the timeline, append-only, says so). */
    boolean stepTaken(long caseId, String step) {
        return jdbc.sql("select count(*) from case_event where case_id = ? and kind = 'STEP' and step_code = ?")
                        .params(caseId, step)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** How often this kind of suspension was started on the case (events from before kinds count as the first kind). */
    int suspensionsOfKind(long caseId, String kind, String firstKind) {
        return jdbc.sql("""
                        select count(*) from case_event
                        where case_id = ? and kind = 'SUSPEND'
                          and coalesce((data::jsonb) ->> 'kind', ?) = ?
                        """)
                .params(caseId, firstKind, kind)
                .query(Integer.class)
                .single();
    }

    record NewEvent(
            long caseId,
            String kind,
            String stepCode,
            String fromState,
            String toState,
            LocalDate occurredOn,
            Actor actor,
            boolean handling,
            String note,
            String lateReason,
            Basis basis,
            String data) {}

    long addEvent(NewEvent e, Instant now) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from case_event where case_id = ?")
                .param(e.caseId())
                .query(Integer.class)
                .single();
        return jdbc.sql("""
                        insert into case_event (case_id, seq, kind, step_code, from_state, to_state, occurred_on,
                            recorded_at, actor, actor_name, handling, note, late_reason, basis_document,
                            basis_article, data)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        e.caseId(),
                        seq,
                        e.kind(),
                        e.stepCode(),
                        e.fromState(),
                        e.toState(),
                        e.occurredOn(),
                        Timestamp.from(now),
                        e.actor().username(),
                        e.actor().displayName(),
                        e.handling(),
                        e.note(),
                        e.lateReason(),
                        e.basis() == null ? null : e.basis().document(),
                        e.basis() == null ? null : e.basis().article(),
                        e.data())
                .query(Long.class)
                .single();
    }

    List<CaseEvent> events(long caseId, MatterType type) {
        return jdbc.sql("select * from case_event where case_id = ? order by seq")
                .param(caseId)
                .query((rs, n) -> {
                    String doc = rs.getString("basis_document");
                    String step = rs.getString("step_code");
                    String kind = rs.getString("kind");
                    return new CaseEvent(
                            rs.getLong("id"),
                            rs.getInt("seq"),
                            kind,
                            CaseEvent.label(kind),
                            step,
                            step == null
                                    ? null
                                    : type.step(step).map(MatterType.Step::name).orElse(step),
                            rs.getString("from_state"),
                            rs.getString("to_state"),
                            rs.getObject("occurred_on", LocalDate.class),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("actor_name"),
                            rs.getBoolean("handling"),
                            rs.getString("note"),
                            rs.getString("late_reason"),
                            doc == null ? null : new Basis(doc, rs.getString("basis_article")),
                            rs.getString("data"));
                })
                .list();
    }

    boolean handledBy(long caseId, String username) {
        return jdbc.sql("select count(*) from case_event where case_id = ? and actor = ? and handling")
                        .params(caseId, username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // --- clocks ------------------------------------------------------------------------------------------------

    List<StatutoryClock> clocks(long caseId) {
        return jdbc.sql("select * from case_clock where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> clock(rs))
                .list();
    }

    List<StatutoryClock> liveClocks(long caseId) {
        return jdbc.sql("select * from case_clock where case_id = ? and status <> 'STOPPED' order by id")
                .param(caseId)
                .query((rs, n) -> clock(rs))
                .list();
    }

    Optional<StatutoryClock> clock(long caseId, long clockId) {
        return jdbc.sql("select * from case_clock where case_id = ? and id = ?")
                .params(caseId, clockId)
                .query((rs, n) -> clock(rs))
                .optional();
    }

    long insertClock(long caseId, StatutoryClock c) {
        return jdbc.sql("""
                        insert into case_clock (case_id, code, name, day_type, limit_days, max_limit_days, resume_mode,
                            suspendable, started_on, segment_from, consumed_days, status, suspended_on, due_on,
                            stopped_on, finished_late, parameter_code, parameter_value_id, basis_document,
                            basis_article)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        caseId,
                        c.code(),
                        c.name(),
                        c.dayType().name(),
                        c.limitDays(),
                        c.maxLimitDays(),
                        c.resumeMode().name(),
                        c.suspendable(),
                        c.startedOn(),
                        c.segmentFrom(),
                        c.consumedDays(),
                        c.status().name(),
                        c.suspendedOn(),
                        c.dueOn(),
                        c.stoppedOn(),
                        c.finishedLate(),
                        c.parameterCode(),
                        c.parameterValueId(),
                        c.basis() == null ? null : c.basis().document(),
                        c.basis() == null ? null : c.basis().article())
                .query(Long.class)
                .single();
    }

    void updateClock(StatutoryClock c) {
        jdbc.sql("""
                        update case_clock set limit_days = ?, segment_from = ?, consumed_days = ?, status = ?,
                            suspended_on = ?, due_on = ?, stopped_on = ?, finished_late = ?
                        where id = ?
                        """)
                .params(
                        c.limitDays(),
                        c.segmentFrom(),
                        c.consumedDays(),
                        c.status().name(),
                        c.suspendedOn(),
                        c.dueOn(),
                        c.stoppedOn(),
                        c.finishedLate(),
                        c.id())
                .update();
    }

    /** Running clocks whose deadline could not be computed (a year missing from the calendar), in scope. */
    List<Long> casesWithUnknownDeadlines() {
        return jdbc.sql("select distinct case_id from case_clock where status = 'RUNNING' and due_on is null")
                .query(Long.class)
                .list();
    }

    // --- extensions ----------------------------------------------------------------------------------------------

    record Extension(
            long id,
            long clockId,
            long caseId,
            int newLimit,
            int oldLimit,
            String reason,
            String requestedBy,
            LocalDate requestedOn,
            String status,
            String decidedBy,
            Instant decidedAt,
            String decisionNote) {}

    long requestExtension(
            long clockId, long caseId, int newLimit, int oldLimit, String reason, Actor by, LocalDate on) {
        return jdbc.sql("""
                        insert into clock_extension (clock_id, case_id, new_limit, old_limit, reason, requested_by,
                            requested_on, status)
                        values (?, ?, ?, ?, ?, ?, ?, 'PENDING') returning id
                        """)
                .params(clockId, caseId, newLimit, oldLimit, reason, by.username(), on)
                .query(Long.class)
                .single();
    }

    Optional<Extension> extension(long id) {
        return jdbc.sql("select * from clock_extension where id = ?")
                .param(id)
                .query((rs, n) -> extension(rs))
                .optional();
    }

    List<Extension> extensions(long caseId) {
        return jdbc.sql("select * from clock_extension where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> extension(rs))
                .list();
    }

    List<Extension> pendingExtensions() {
        return jdbc.sql("select * from clock_extension where status = 'PENDING' order by id")
                .query((rs, n) -> extension(rs))
                .list();
    }

    void decideExtension(long id, String status, Actor by, Instant at, String note) {
        jdbc.sql("""
                        update clock_extension set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
                        where id = ? and status = 'PENDING'
                        """)
                .params(status, by.username(), Timestamp.from(at), note, id)
                .update();
    }

    // --- counters -------------------------------------------------------------------------------------------------

    /**
     * The next number of a series, gap-free: the increment happens in the caller's transaction and holds the
     * counter's row lock until it ends, so concurrent callers wait and a rollback returns the number.
     */
    int nextNumber(String kind, String unitCode, String series, int year) {
        return jdbc.sql("""
                        insert into procedure_counter (kind, unit_code, series, year, last_number)
                        values (?, ?, ?, ?, 1)
                        on conflict (kind, unit_code, series, year)
                        do update set last_number = procedure_counter.last_number + 1
                        returning last_number
                        """)
                .params(kind, unitCode, series, year)
                .query(Integer.class)
                .single();
    }

    private static Extension extension(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Extension(
                rs.getLong("id"),
                rs.getLong("clock_id"),
                rs.getLong("case_id"),
                rs.getInt("new_limit"),
                rs.getInt("old_limit"),
                rs.getString("reason"),
                rs.getString("requested_by"),
                rs.getObject("requested_on", LocalDate.class),
                rs.getString("status"),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"));
    }

    private static StatutoryClock clock(ResultSet rs) throws SQLException {
        String doc = rs.getString("basis_document");
        int max = rs.getInt("max_limit_days");
        Integer maxLimit = rs.wasNull() ? null : max;
        long parameterValueId = rs.getLong("parameter_value_id");
        Long paramId = rs.wasNull() ? null : parameterValueId;
        boolean late = rs.getBoolean("finished_late");
        Boolean finishedLate = rs.wasNull() ? null : late;
        return new StatutoryClock(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                DayType.valueOf(rs.getString("day_type")),
                rs.getInt("limit_days"),
                maxLimit,
                StatutoryClock.ResumeMode.valueOf(rs.getString("resume_mode")),
                rs.getBoolean("suspendable"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("segment_from", LocalDate.class),
                rs.getInt("consumed_days"),
                StatutoryClock.Status.valueOf(rs.getString("status")),
                rs.getObject("suspended_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("stopped_on", LocalDate.class),
                finishedLate,
                rs.getString("parameter_code"),
                paramId,
                doc == null ? null : new Basis(doc, rs.getString("basis_article")));
    }

    static CaseRecord map(ResultSet rs) throws SQLException {
        return new CaseRecord(
                rs.getLong("id"),
                rs.getString("case_number"),
                rs.getLong("matter_type_version_id"),
                rs.getString("matter_type_code"),
                rs.getString("community_code"),
                rs.getString("party_name"),
                rs.getString("party_kind"),
                rs.getString("subject_ref"),
                rs.getString("state"),
                rs.getBoolean("suspended"),
                rs.getInt("suspensions"),
                rs.getObject("closed_on", LocalDate.class),
                rs.getString("outcome"),
                rs.getObject("received_on", LocalDate.class),
                rs.getObject("last_event_on", LocalDate.class),
                rs.getString("handler"),
                rs.getString("handler_name"),
                rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getString("suspension_kind"),
                rs.getObject("suspended_until", LocalDate.class));
    }
}
