package cn.minzheng.assistance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The application rows (under row-level security: callers read them inside their transaction and scope). */
@Component
class ApplicationStore {

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewApplication(
            long caseId,
            String caseNumber,
            String matterType,
            CaseKind kind,
            Long householdId,
            Long personId,
            boolean singlePerson,
            String communityCode,
            String applicantName,
            String channel,
            Long portalId,
            boolean relativesRegister,
            String relativesNote,
            boolean delegated,
            Long statusId,
            Long reviewTaskId,
            boolean childWelfare,
            String state,
            LocalDate receivedOn,
            String createdBy,
            SinglePersonGround singleGround,
            String singleGroundNote) {

        NewApplication(
                long caseId,
                String caseNumber,
                String matterType,
                CaseKind kind,
                Long householdId,
                Long personId,
                boolean singlePerson,
                String communityCode,
                String applicantName,
                String channel,
                Long portalId,
                boolean relativesRegister,
                String relativesNote,
                boolean delegated,
                Long statusId,
                Long reviewTaskId,
                boolean childWelfare,
                String state,
                LocalDate receivedOn,
                String createdBy) {
            this(
                    caseId,
                    caseNumber,
                    matterType,
                    kind,
                    householdId,
                    personId,
                    singlePerson,
                    communityCode,
                    applicantName,
                    channel,
                    portalId,
                    relativesRegister,
                    relativesNote,
                    delegated,
                    statusId,
                    reviewTaskId,
                    childWelfare,
                    state,
                    receivedOn,
                    createdBy,
                    null,
                    null);
        }
    }

    long insert(NewApplication a) {
        return jdbc.sql("""
                        insert into assistance_application (case_id, case_number, matter_type, programme, household_id,
                            person_id, single_person, community_code, applicant_name, channel, portal_id,
                            relatives_register, relatives_note, delegated, status_id, review_task_id, child_welfare,
                            state, received_on, created_by, single_ground, single_ground_note)
                        values (:caseId, :caseNumber, :matterType, :programme, :household, :person, :single, :community,
                            :name, :channel, :portal, :relatives, :relativesNote, :delegated, :status, :task, :childWelfare,
                            :state, :received, :by, :singleGround, :singleGroundNote)
                        returning id
                        """)
                .param("caseId", a.caseId())
                .param("caseNumber", a.caseNumber())
                .param("matterType", a.matterType())
                .param("programme", a.kind().name())
                .param("household", a.householdId())
                .param("person", a.personId())
                .param("single", a.singlePerson())
                .param("community", a.communityCode())
                .param("name", a.applicantName())
                .param("channel", a.channel())
                .param("portal", a.portalId())
                .param("relatives", a.relativesRegister())
                .param("relativesNote", a.relativesNote())
                .param("delegated", a.delegated())
                .param("status", a.statusId())
                .param("task", a.reviewTaskId())
                .param("childWelfare", a.childWelfare())
                .param("state", a.state())
                .param("received", a.receivedOn())
                .param("by", a.createdBy())
                .param(
                        "singleGround",
                        a.singleGround() == null ? null : a.singleGround().name())
                .param("singleGroundNote", a.singleGroundNote())
                .query(Long.class)
                .single();
    }

    Optional<Application> find(long id) {
        return jdbc.sql("select * from assistance_application where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<Application> byCase(long caseId) {
        return jdbc.sql("select * from assistance_application where case_id = ?")
                .param(caseId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Applications in the scope, newest first; {@code states} empty means all, {@code open} only those not closed. */
    List<Application> list(String scope, CaseKind kind, List<String> states, Boolean open, int limit, int offset) {
        StringBuilder sql =
                new StringBuilder("select * from assistance_application where starts_with(community_code, :scope)");
        if (kind != null) {
            sql.append(" and programme = :kind");
        }
        if (!states.isEmpty()) {
            sql.append(" and state in (:states)");
        }
        if (open != null) {
            sql.append(open ? " and closed_on is null" : " and closed_on is not null");
        }
        sql.append(" order by id desc limit :limit offset :offset");
        var spec = jdbc.sql(sql.toString())
                .param("scope", scope)
                .param("limit", limit)
                .param("offset", offset);
        if (kind != null) {
            spec = spec.param("kind", kind.name());
        }
        if (!states.isEmpty()) {
            spec = spec.param("states", states);
        }
        return spec.query((rs, n) -> map(rs)).list();
    }

    void state(long caseId, String state) {
        jdbc.sql("update assistance_application set state = ? where case_id = ?")
                .params(state, caseId)
                .update();
    }

    void closed(long caseId, String state, LocalDate on) {
        jdbc.sql("update assistance_application set state = ?, closed_on = ? where case_id = ?")
                .params(state, on, caseId)
                .update();
    }

    void outcome(long caseId, String outcome) {
        jdbc.sql("update assistance_application set outcome = ? where case_id = ?")
                .params(outcome, caseId)
                .update();
    }

    static Application map(ResultSet rs) throws SQLException {
        return new Application(
                rs.getLong("id"),
                rs.getLong("case_id"),
                rs.getString("case_number"),
                rs.getString("matter_type"),
                CaseKind.valueOf(rs.getString("programme")),
                (Long) rs.getObject("household_id"),
                (Long) rs.getObject("person_id"),
                rs.getBoolean("single_person"),
                rs.getString("community_code"),
                rs.getString("applicant_name"),
                rs.getString("channel"),
                (Long) rs.getObject("portal_id"),
                rs.getBoolean("relatives_register"),
                rs.getString("relatives_note"),
                rs.getBoolean("delegated"),
                (Long) rs.getObject("status_id"),
                (Long) rs.getObject("review_task_id"),
                rs.getBoolean("child_welfare"),
                rs.getString("state"),
                rs.getString("outcome"),
                rs.getObject("closed_on", LocalDate.class),
                rs.getObject("received_on", LocalDate.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("single_ground") == null
                        ? null
                        : SinglePersonGround.valueOf(rs.getString("single_ground")));
    }
}
