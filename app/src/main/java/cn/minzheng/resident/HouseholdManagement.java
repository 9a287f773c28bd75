package cn.minzheng.resident;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a household's composition: a member joins (birth, marriage, moving in), leaves (death, marriage,
 * divorce, moving out), the head changes, a new household is formed. Nothing is overwritten: memberships are closed
 * with a date and a reason, and every change is an event in the household's history.
 *
 * <p>A person who joins a household in another community moves there: their record follows (which needs a scope
 * covering both communities, that is a street or the district).
 */
@Service
@PreAuthorize(ResidentRoles.WRITE)
public class HouseholdManagement {

    private final JdbcClient jdbc;
    private final HouseholdRecords households;
    private final ResidentRecords residents;
    private final RegistrationWriter writer;
    private final Communities communities;
    private final AuditTrail audit;

    HouseholdManagement(
            JdbcClient jdbc,
            HouseholdRecords households,
            ResidentRecords residents,
            RegistrationWriter writer,
            Communities communities,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.households = households;
        this.residents = residents;
        this.writer = writer;
        this.communities = communities;
        this.audit = audit;
    }

    @Transactional
    public void addMember(
            long householdId, Long residentId, Relationship relationship, JoinReason reason, LocalDate on) {
        HouseholdRecords.Household household = lockedHousehold(householdId);
        if (residentId == null) {
            throw new BusinessRuleViolation("请填写入户居民的档案编号");
        }
        if (relationship == null || reason == null) {
            throw new BusinessRuleViolation("请选择与户主关系和入户原因");
        }
        if (reason == JoinReason.RECORD_MERGED || reason == JoinReason.REGISTERED) {
            throw new BusinessRuleViolation("入户原因应为出生、婚入或迁入");
        }
        LocalDate date = dateOrToday(on);
        ResidentRecords.Row person = lockedResident(residentId);
        if (person.diedOn() != null) {
            throw new BusinessRuleViolation("该居民已登记死亡");
        }
        if (date.isBefore(person.birthDate())) {
            throw new BusinessRuleViolation("入户日期早于出生日期");
        }
        households.currentMembership(residentId).ifPresent(m -> {
            throw new BusinessRuleViolation("该居民目前在另一户（家庭 " + m.householdId() + "），请先在原户办理迁出");
        });
        if (relationship == Relationship.HEAD && currentHead(householdId) != null) {
            throw new BusinessRuleViolation("该户已有户主；如需变更户主，请办理变更户主");
        }
        if (!person.communityCode().equals(household.communityCode())) {
            moveRecord(person, household.communityCode());
        }
        writer.memberships(List.of(new RegistrationWriter.NewMembership(
                householdId, residentId, household.communityCode(), relationship, date, reason)));
        if (relationship == Relationship.HEAD) {
            households.setHead(householdId, residentId);
        }
        households.event(
                householdId,
                household.communityCode(),
                ResidentManagement.joinEvent(reason),
                residentId,
                date,
                relationship.label(),
                Staff.name());
        residents.touch(residentId);
        audit.record(AuditEvent.success("HOUSEHOLD_MEMBER_JOINED", "household", householdId)
                .because(reason.name()));
    }

    @Transactional
    public void removeMember(long householdId, long residentId, LeaveReason reason, LocalDate on) {
        HouseholdRecords.Household household = lockedHousehold(householdId);
        ResidentRecords.Row person = lockedResident(residentId);
        LocalDate date = dateOrToday(on);
        if (reason == null || reason == LeaveReason.RECORD_MERGED) {
            throw new BusinessRuleViolation("离户原因应为死亡、婚出、离婚迁出或迁出");
        }
        HouseholdRecords.Membership membership = households
                .currentMembership(residentId)
                .filter(m -> m.householdId() == householdId)
                .orElseThrow(() -> new BusinessRuleViolation("该居民目前不是本户成员"));
        if (membership.joinedOn() != null && date.isBefore(membership.joinedOn())) {
            throw new BusinessRuleViolation("离户日期早于入户日期 " + membership.joinedOn());
        }
        households.endMembership(membership.id(), date, reason);
        if (membership.relationship() == Relationship.HEAD) {
            households.setHead(householdId, null);
        }
        if (reason == LeaveReason.DEATH && person.diedOn() == null) {
            jdbc.sql("update resident set died_on = ? where id = ?")
                    .params(date, residentId)
                    .update();
            residents.event(residentId, person.communityCode(), "DIED", "登记死亡（" + date + "）", Staff.name());
        }
        households.event(householdId, household.communityCode(), reason.event(), residentId, date, null, Staff.name());
        residents.touch(residentId);
        audit.record(AuditEvent.success("HOUSEHOLD_MEMBER_LEFT", "household", householdId)
                .because(reason.name()));
    }

    /**
     * Makes a current member the head. The former head, if still a member, needs their relationship to the new head;
     * other members' relationships are recorded relative to the old head and may need correcting (the page says so).
     */
    @Transactional
    public void changeHead(long householdId, Long newHeadId, Relationship formerHeadBecomes, LocalDate on) {
        HouseholdRecords.Household household = lockedHousehold(householdId);
        if (newHeadId == null) {
            throw new BusinessRuleViolation("请选择新户主");
        }
        LocalDate date = dateOrToday(on);
        List<HouseholdRecords.Membership> current = households.memberships(householdId).stream()
                .filter(HouseholdRecords.Membership::current)
                .toList();
        HouseholdRecords.Membership newHead = current.stream()
                .filter(m -> m.residentId() == newHeadId.longValue())
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("新户主须是本户现有成员"));
        if (newHead.relationship() == Relationship.HEAD) {
            throw new BusinessRuleViolation("该成员已是户主");
        }
        HouseholdRecords.Membership formerHead = current.stream()
                .filter(m -> m.relationship() == Relationship.HEAD)
                .findFirst()
                .orElse(null);
        if (formerHead != null) {
            if (formerHeadBecomes == null || formerHeadBecomes == Relationship.HEAD) {
                throw new BusinessRuleViolation("请选择原户主与新户主的关系");
            }
            households.setRelationship(formerHead.id(), formerHeadBecomes);
        }
        households.setRelationship(newHead.id(), Relationship.HEAD);
        households.setHead(householdId, newHeadId);
        households.event(
                householdId,
                household.communityCode(),
                HouseholdEventKind.HEAD_CHANGED,
                newHeadId,
                date,
                formerHead == null ? null : "原户主改为" + formerHeadBecomes.label(),
                Staff.name());
        audit.record(AuditEvent.success("HOUSEHOLD_HEAD_CHANGED", "household", householdId));
    }

    @Transactional
    public void changeRelationship(long householdId, long residentId, Relationship relationship) {
        HouseholdRecords.Household household = lockedHousehold(householdId);
        if (relationship == null || relationship == Relationship.HEAD) {
            throw new BusinessRuleViolation("请选择户主以外的关系；变更户主请办理变更户主");
        }
        HouseholdRecords.Membership membership = households
                .currentMembership(residentId)
                .filter(m -> m.householdId() == householdId)
                .orElseThrow(() -> new BusinessRuleViolation("该居民目前不是本户成员"));
        if (membership.relationship() == Relationship.HEAD) {
            throw new BusinessRuleViolation("户主的关系不能直接修改，请办理变更户主");
        }
        households.setRelationship(membership.id(), relationship);
        households.event(
                householdId,
                household.communityCode(),
                HouseholdEventKind.RELATIONSHIP_CHANGED,
                residentId,
                communities.today(),
                membership.relationship().label() + " → " + relationship.label(),
                Staff.name());
        audit.record(AuditEvent.success("HOUSEHOLD_RELATIONSHIP_CHANGED", "household", householdId));
    }

    /** A new household (分户, or a person registered without one) with the given resident as its head. */
    @Transactional
    public long form(long headResidentId, String householdNo, LocalDate on) {
        ResidentRecords.Row person = lockedResident(headResidentId);
        LocalDate date = dateOrToday(on);
        String number = PersonCheck.blankToNull(householdNo);
        if (number == null || number.length() > 40) {
            throw new BusinessRuleViolation("请填写户编号（不超过40个字符）");
        }
        if (person.diedOn() != null) {
            throw new BusinessRuleViolation("该居民已登记死亡");
        }
        households.currentMembership(headResidentId).ifPresent(m -> {
            throw new BusinessRuleViolation("该居民目前在另一户（家庭 " + m.householdId() + "），请先在原户办理迁出");
        });
        if (households.byNumber(person.communityCode(), number).isPresent()) {
            throw new BusinessRuleViolation("户编号 " + number + " 在该社区已存在");
        }
        long id = writer.householdIds(1)[0];
        writer.households(
                List.of(new RegistrationWriter.NewHousehold(
                        id, person.communityCode(), number, headResidentId, date, null)),
                Staff.name());
        writer.memberships(List.of(new RegistrationWriter.NewMembership(
                id, headResidentId, person.communityCode(), Relationship.HEAD, date, JoinReason.REGISTERED)));
        households.event(
                id, person.communityCode(), HouseholdEventKind.FORMED, headResidentId, date, null, Staff.name());
        audit.record(AuditEvent.success("HOUSEHOLD_FORMED", "household", id));
        return id;
    }

    /** A person's record and everything filed under it follow them to another community. */
    private void moveRecord(ResidentRecords.Row person, String toCommunity) {
        String problem = communities.problem(toCommunity, Staff.scope());
        if (problem != null) {
            throw new BusinessRuleViolation(problem);
        }
        long id = person.id();
        jdbc.sql("update resident set community_code = ? where id = ?")
                .params(toCommunity, id)
                .update();
        jdbc.sql("update resident_status set community_code = ? where resident_id = ?")
                .params(toCommunity, id)
                .update();
        jdbc.sql("update resident_event set community_code = ? where resident_id = ?")
                .params(toCommunity, id)
                .update();
        residents.event(
                id, toCommunity, "MOVED", "居住社区由 " + person.communityCode() + " 迁至 " + toCommunity, Staff.name());
    }

    private Long currentHead(long householdId) {
        return households.memberships(householdId).stream()
                .filter(m -> m.current() && m.relationship() == Relationship.HEAD)
                .map(HouseholdRecords.Membership::residentId)
                .findFirst()
                .orElse(null);
    }

    private HouseholdRecords.Household lockedHousehold(long id) {
        return households.lock(id).orElseThrow(() -> new NotFound("家庭 " + id + " 不存在，或不在您的数据范围内"));
    }

    private ResidentRecords.Row lockedResident(long id) {
        residents.lock(id).orElseThrow(() -> ResidentManagement.notFound(id));
        ResidentRecords.Row row = residents.row(id).orElseThrow(() -> ResidentManagement.notFound(id));
        if (row.mergedInto() != null) {
            throw new BusinessRuleViolation("该档案已合并到居民档案 " + row.mergedInto());
        }
        return row;
    }

    private LocalDate dateOrToday(LocalDate on) {
        LocalDate today = communities.today();
        LocalDate date = on == null ? today : on;
        if (date.isAfter(today)) {
            throw new BusinessRuleViolation("日期不能晚于今天");
        }
        return date;
    }
}
