package cn.minzheng.resident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Households, memberships and household events; under row-level security like every resident table. */
@Repository
class HouseholdRecords {

    private final JdbcClient jdbc;
    private final ResidentRecords residents;

    HouseholdRecords(JdbcClient jdbc, ResidentRecords residents) {
        this.jdbc = jdbc;
        this.residents = residents;
    }

    record Household(
            long id,
            String communityCode,
            String householdNo,
            Long headId,
            LocalDate formedOn,
            java.time.Instant createdAt) {}

    record Membership(
            long id,
            long householdId,
            long residentId,
            String communityCode,
            Relationship relationship,
            LocalDate joinedOn,
            JoinReason joinedReason,
            LocalDate leftOn,
            LeaveReason leftReason) {

        boolean current() {
            return leftOn == null;
        }
    }

    Optional<Household> find(long id) {
        return jdbc.sql("select * from household where id = ?")
                .param(id)
                .query((rs, n) -> household(rs))
                .optional();
    }

    Optional<Household> byNumber(String communityCode, String householdNo) {
        return jdbc.sql("select * from household where community_code = ? and household_no = ?")
                .params(communityCode, householdNo)
                .query((rs, n) -> household(rs))
                .optional();
    }

    /** Locks the household row: changes of one household are serialised. */
    Optional<Household> lock(long id) {
        return jdbc.sql("select * from household where id = ? for update")
                .param(id)
                .query((rs, n) -> household(rs))
                .optional();
    }

    List<Membership> memberships(long householdId) {
        return jdbc.sql("select * from household_member where household_id = ? order by (left_on is not null), id")
                .param(householdId)
                .query((rs, n) -> membership(rs))
                .list();
    }

    Optional<Membership> currentMembership(long residentId) {
        return jdbc.sql("select * from household_member where resident_id = ? and left_on is null")
                .param(residentId)
                .query((rs, n) -> membership(rs))
                .optional();
    }

    List<Membership> membershipsOf(long residentId) {
        return jdbc.sql("select * from household_member where resident_id = ? order by id")
                .param(residentId)
                .query((rs, n) -> membership(rs))
                .list();
    }

    void endMembership(long membershipId, LocalDate on, LeaveReason reason) {
        jdbc.sql("update household_member set left_on = ?, left_reason = ? where id = ? and left_on is null")
                .params(on, reason.name(), membershipId)
                .update();
    }

    void setRelationship(long membershipId, Relationship relationship) {
        jdbc.sql("update household_member set relationship = ? where id = ?")
                .params(relationship.name(), membershipId)
                .update();
    }

    void setHead(long householdId, Long residentId) {
        jdbc.sql("update household set head_id = ? where id = ?")
                .params(new SqlParameterValue(java.sql.Types.BIGINT, residentId), householdId)
                .update();
    }

    void event(
            long householdId,
            String communityCode,
            HouseholdEventKind kind,
            Long residentId,
            LocalDate on,
            String note,
            String actor) {
        jdbc.sql("""
                        insert into household_event (household_id, community_code, kind, resident_id, occurred_on, note,
                                                     recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        householdId,
                        communityCode,
                        kind.name(),
                        new SqlParameterValue(java.sql.Types.BIGINT, residentId),
                        new SqlParameterValue(java.sql.Types.DATE, on),
                        RegistrationWriter.text(note),
                        actor)
                .update();
    }

    /** The household with members' summaries (masked) and its history, newest event first. */
    Optional<HouseholdView> view(long id) {
        Optional<Household> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Household household = found.get();
        List<Membership> memberships = memberships(id);
        Map<Long, ResidentSummary> people =
                residents
                        .summaries(memberships.stream()
                                .map(Membership::residentId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ResidentSummary::id, Function.identity()));
        List<HouseholdView.Member> current = new ArrayList<>();
        List<HouseholdView.Member> former = new ArrayList<>();
        for (Membership m : memberships) {
            ResidentSummary person = people.get(m.residentId());
            if (person == null) {
                continue; // outside the viewer's scope (moved away to another community): not shown
            }
            HouseholdView.Member member = new HouseholdView.Member(
                    person, m.relationship(), m.joinedOn(), m.joinedReason(), m.leftOn(), m.leftReason());
            (m.current() ? current : former).add(member);
        }
        current.sort(java.util.Comparator.comparing(
                        (HouseholdView.Member m) -> m.relationship().ordinal())
                .thenComparing(m -> m.resident().birthDate()));
        List<HouseholdView.Event> events = jdbc.sql("""
                        select e.*, r.name as resident_name from household_event e
                        left join resident r on r.id = e.resident_id
                        where e.household_id = ? order by e.recorded_at desc, e.id desc
                        """)
                .param(id)
                .query((rs, n) -> {
                    long resident = rs.getLong("resident_id");
                    boolean hasResident = !rs.wasNull();
                    return new HouseholdView.Event(
                            rs.getLong("id"),
                            HouseholdEventKind.valueOf(rs.getString("kind")),
                            hasResident ? resident : null,
                            rs.getString("resident_name"),
                            rs.getObject("occurred_on", LocalDate.class),
                            rs.getString("note"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by"));
                })
                .list();
        return Optional.of(new HouseholdView(
                household.id(),
                household.householdNo(),
                household.communityCode(),
                household.headId(),
                household.formedOn(),
                household.createdAt(),
                current,
                former,
                events));
    }

    static Household household(ResultSet rs) throws SQLException {
        long head = rs.getLong("head_id");
        boolean hasHead = !rs.wasNull();
        return new Household(
                rs.getLong("id"),
                rs.getString("community_code"),
                rs.getString("household_no"),
                hasHead ? head : null,
                rs.getObject("formed_on", LocalDate.class),
                rs.getTimestamp("created_at").toInstant());
    }

    static Membership membership(ResultSet rs) throws SQLException {
        String left = rs.getString("left_reason");
        return new Membership(
                rs.getLong("id"),
                rs.getLong("household_id"),
                rs.getLong("resident_id"),
                rs.getString("community_code"),
                Relationship.valueOf(rs.getString("relationship")),
                rs.getObject("joined_on", LocalDate.class),
                JoinReason.valueOf(rs.getString("joined_reason")),
                rs.getObject("left_on", LocalDate.class),
                left == null ? null : LeaveReason.valueOf(left));
    }
}
