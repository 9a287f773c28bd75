package cn.minzheng.resident;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering a person and recording what happens to them: contact details, statuses, death. Each change takes the
 * person's row lock, is written to the record's history and to the audit trail, in one transaction.
 */
@Service
@PreAuthorize(ResidentRoles.WRITE)
public class ResidentManagement {

    private final JdbcClient jdbc;
    private final ResidentRecords residents;
    private final HouseholdRecords households;
    private final StatusRecords statuses;
    private final RegistrationWriter writer;
    private final SensitiveFields sensitive;
    private final Communities communities;
    private final DuplicateFinder duplicates;
    private final AuditTrail audit;

    ResidentManagement(
            JdbcClient jdbc,
            ResidentRecords residents,
            HouseholdRecords households,
            StatusRecords statuses,
            RegistrationWriter writer,
            SensitiveFields sensitive,
            Communities communities,
            DuplicateFinder duplicates,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.households = households;
        this.statuses = statuses;
        this.writer = writer;
        this.sensitive = sensitive;
        this.communities = communities;
        this.duplicates = duplicates;
        this.audit = audit;
    }

    /**
     * Where a new person goes: into an existing household ({@code householdId}, with the relationship to its head and
     * how they came), or as head of a new household ({@code newHouseholdNo}). A person may also be registered without
     * a household (both null).
     */
    public record Placement(
            Long householdId, String newHouseholdNo, Relationship relationship, JoinReason reason, LocalDate on) {}

    public record Registration(
            String name,
            String documentType,
            String idNumber,
            String gender,
            String birthDate,
            String communityCode,
            String hukouAddressCode,
            String phone,
            Placement household) {}

    @Transactional
    public long register(Registration registration) {
        DataScope scope = Staff.scope();
        LocalDate today = communities.today();
        PersonCheck.Outcome outcome = PersonCheck.check(
                new PersonCheck.Input(
                        registration.name(),
                        registration.documentType(),
                        registration.idNumber(),
                        registration.gender(),
                        registration.birthDate(),
                        registration.communityCode(),
                        registration.hukouAddressCode(),
                        registration.phone()),
                today);
        if (!outcome.valid()) {
            throw new BusinessRuleViolation(outcome.problems().stream()
                    .map(p -> p.field() + "：" + p.reason())
                    .collect(Collectors.joining("；")));
        }
        PersonCheck.Person person = outcome.person();
        String community = communities.problem(person.communityCode(), scope);
        if (community != null) {
            throw new BusinessRuleViolation(community);
        }
        if (person.idNumber() != null) {
            List<ResidentSummary> same =
                    residents.withIdNumber(sensitive.idBlind(person.idNumber().value()), scope);
            if (!same.isEmpty()) {
                throw new BusinessRuleViolation("该证件号码已登记（居民档案 " + same.get(0).id() + "），一人只建一份档案；人员变动请在其档案或家庭页面办理");
            }
        }
        Placement placement = registration.household();
        HouseholdRecords.Household household = null;
        if (placement != null && placement.householdId() != null) {
            household = households
                    .lock(placement.householdId())
                    .orElseThrow(() -> new NotFound("家庭 " + placement.householdId() + " 不存在或不在您的数据范围内"));
            if (!household.communityCode().equals(person.communityCode())) {
                throw new BusinessRuleViolation("居住社区须与所入家庭的社区（" + household.communityCode() + "）一致");
            }
            requireJoinable(household.id(), placement.relationship());
        } else if (placement != null
                && placement.newHouseholdNo() != null
                && !placement.newHouseholdNo().isBlank()) {
            if (households
                    .byNumber(person.communityCode(), placement.newHouseholdNo().strip())
                    .isPresent()) {
                throw new BusinessRuleViolation(
                        "户编号 " + placement.newHouseholdNo().strip() + " 在该社区已存在");
            }
        }

        String actor = Staff.name();
        long id = writer.residentIds(1)[0];
        writer.residents(
                List.of(new RegistrationWriter.NewResident(
                        id,
                        person.communityCode(),
                        person.name(),
                        person.gender(),
                        person.birthDate(),
                        person.documentType(),
                        person.idNumber(),
                        person.hukouAddressCode(),
                        person.phone(),
                        null)),
                actor);
        if (household != null) {
            JoinReason reason = placement.reason() == null ? JoinReason.MOVED_IN : placement.reason();
            LocalDate on = placement.on() == null ? today : placement.on();
            writer.memberships(List.of(new RegistrationWriter.NewMembership(
                    household.id(), id, household.communityCode(), placement.relationship(), on, reason)));
            if (placement.relationship() == Relationship.HEAD) {
                households.setHead(household.id(), id);
            }
            households.event(household.id(), household.communityCode(), joinEvent(reason), id, on, null, actor);
        } else if (placement != null
                && placement.newHouseholdNo() != null
                && !placement.newHouseholdNo().isBlank()) {
            long householdId = writer.householdIds(1)[0];
            LocalDate on = placement.on() == null ? today : placement.on();
            writer.households(
                    List.of(new RegistrationWriter.NewHousehold(
                            householdId,
                            person.communityCode(),
                            placement.newHouseholdNo().strip(),
                            id,
                            on,
                            null)),
                    actor);
            writer.memberships(List.of(new RegistrationWriter.NewMembership(
                    householdId, id, person.communityCode(), Relationship.HEAD, on, JoinReason.REGISTERED)));
            households.event(householdId, person.communityCode(), HouseholdEventKind.FORMED, id, on, null, actor);
        }
        residents.event(id, person.communityCode(), "REGISTERED", "建档", actor);
        audit.record(AuditEvent.success("RESIDENT_REGISTERED", "resident", id));
        duplicates.afterCommit(List.of(id));
        return id;
    }

    private void requireJoinable(long householdId, Relationship relationship) {
        if (relationship == null) {
            throw new BusinessRuleViolation("请选择与户主关系");
        }
        if (relationship == Relationship.HEAD
                && households.memberships(householdId).stream()
                        .anyMatch(m -> m.current() && m.relationship() == Relationship.HEAD)) {
            throw new BusinessRuleViolation("该户已有户主；如需变更户主，请先办理变更户主");
        }
    }

    static HouseholdEventKind joinEvent(JoinReason reason) {
        return switch (reason) {
            case BIRTH -> HouseholdEventKind.BIRTH;
            case MARRIAGE -> HouseholdEventKind.MARRIAGE_IN;
            case RECORD_MERGED -> HouseholdEventKind.RECORD_MERGED;
            case MOVED_IN, REGISTERED -> HouseholdEventKind.MOVED_IN;
        };
    }

    /** Phone, and the bank account assistance is paid into; blank values clear a field. */
    @Transactional
    public void updateContact(long id, String phone, String bankName, String bankAccount) {
        ResidentRecords.Row row = locked(id);
        String normalisedPhone = null;
        if (phone != null && !phone.isBlank()) {
            normalisedPhone =
                    ContactNumbers.phone(phone).orElseThrow(() -> new BusinessRuleViolation("联系电话应为11位手机号码或带区号的固定电话"));
        }
        String normalisedAccount = null;
        if (bankAccount != null && !bankAccount.isBlank()) {
            normalisedAccount = ContactNumbers.bankAccount(bankAccount)
                    .orElseThrow(() -> new BusinessRuleViolation("银行账号应为10–30位数字"));
            if (bankName == null || bankName.isBlank()) {
                throw new BusinessRuleViolation("请填写开户银行");
            }
        }
        SensitiveFields.Sealed sealedPhone = sensitive.phone(normalisedPhone);
        SensitiveFields.Sealed account = sensitive.bankAccount(normalisedAccount);
        jdbc.sql("""
                        update resident set phone_cipher = ?, phone_blind = ?, phone_masked = ?, bank_name = ?,
                               bank_account_cipher = ?, bank_account_blind = ?, bank_account_masked = ?
                        where id = ?
                        """)
                .params(
                        RegistrationWriter.bytes(sealedPhone.cipher()),
                        RegistrationWriter.bytes(sealedPhone.blind()),
                        RegistrationWriter.text(sealedPhone.masked()),
                        RegistrationWriter.text(
                                normalisedAccount == null ? null : PersonCheck.shorten(bankName.strip())),
                        RegistrationWriter.bytes(account.cipher()),
                        RegistrationWriter.bytes(account.blind()),
                        RegistrationWriter.text(account.masked()),
                        id)
                .update();
        residents.touch(id);
        residents.event(id, row.communityCode(), "CONTACT_CHANGED", "更新联系电话/银行账户", Staff.name());
        audit.record(AuditEvent.success("RESIDENT_CONTACT_CHANGED", "resident", id));
    }

    /** Records a death: the person leaves their household (which may then need a new head). */
    @Transactional
    public void recordDeath(long id, LocalDate on) {
        ResidentRecords.Row row = locked(id);
        if (on == null || on.isAfter(communities.today()) || on.isBefore(row.birthDate())) {
            throw new BusinessRuleViolation("死亡日期须在出生日期之后、不晚于今天");
        }
        if (row.diedOn() != null) {
            throw new BusinessRuleViolation("已于" + cn.minzheng.platform.Display.date(row.diedOn()) + "登记死亡");
        }
        jdbc.sql("update resident set died_on = ? where id = ?").params(on, id).update();
        households.currentMembership(id).ifPresent(m -> {
            households.endMembership(m.id(), on, LeaveReason.DEATH);
            if (m.relationship() == Relationship.HEAD) {
                households.setHead(m.householdId(), null);
            }
            households.event(m.householdId(), m.communityCode(), HouseholdEventKind.DEATH, id, on, null, Staff.name());
        });
        jdbc.sql(
                        "update resident_status set valid_to = ? where resident_id = ? and valid_to is null and valid_from < ?")
                .params(on, id, on)
                .update();
        residents.touch(id);
        residents.event(
                id, row.communityCode(), "DIED", "登记死亡（" + cn.minzheng.platform.Display.date(on) + "）", Staff.name());
        audit.record(AuditEvent.success("RESIDENT_DIED", "resident", id));
    }

    public record StatusChange(
            StatusKind kind, String category, Integer grade, String level, String note, LocalDate from, LocalDate to) {}

    /**
     * Records a status from a date. An open period of the same kind that began earlier ends where the new one begins
     * (a disability re-assessed from grade 3 to grade 2); any other overlap is refused.
     */
    @Transactional
    public long recordStatus(long id, StatusChange change) {
        ResidentRecords.Row row = locked(id);
        StatusKind kind = change.kind();
        if (kind == null || change.from() == null) {
            throw new BusinessRuleViolation("请选择状态类型并填写开始日期");
        }
        if (change.to() != null && !change.to().isAfter(change.from())) {
            throw new BusinessRuleViolation("结束日期须晚于开始日期");
        }
        if (change.from().isBefore(row.birthDate())) {
            throw new BusinessRuleViolation("开始日期早于出生日期");
        }
        String category = PersonCheck.blankToNull(change.category());
        String level = PersonCheck.blankToNull(change.level());
        if (!kind.categories().isEmpty()
                && (category == null || !kind.categories().contains(category))) {
            throw new BusinessRuleViolation(kind.label() + "须选择类别：" + String.join("、", kind.categories()));
        }
        if (kind.graded() && (change.grade() == null || change.grade() < 1 || change.grade() > 4)) {
            throw new BusinessRuleViolation(kind.label() + "须填写等级（一级至四级）");
        }
        if (!kind.levels().isEmpty() && (level == null || !kind.levels().contains(level))) {
            throw new BusinessRuleViolation(kind.label() + "须选择：" + String.join("、", kind.levels()));
        }
        for (StatusPeriod existing : statuses.of(id)) {
            if (existing.kind() != kind) {
                continue;
            }
            boolean openBefore =
                    existing.validTo() == null && existing.validFrom().isBefore(change.from());
            if (openBefore) {
                statuses.end(existing.id(), change.from());
                continue;
            }
            boolean overlaps = (existing.validTo() == null || existing.validTo().isAfter(change.from()))
                    && (change.to() == null || change.to().isAfter(existing.validFrom()));
            if (overlaps) {
                throw new BusinessRuleViolation("与已登记的“" + kind.label() + "”（自 " + existing.validFrom() + " 起）时间重叠");
            }
        }
        long statusId = statuses.insert(
                id,
                row.communityCode(),
                kind,
                category,
                kind.graded() ? change.grade() : null,
                level,
                PersonCheck.blankToNull(change.note()),
                change.from(),
                change.to(),
                Staff.name());
        residents.touch(id);
        residents.event(
                id,
                row.communityCode(),
                "STATUS_RECORDED",
                "登记" + kind.label() + "（自 " + change.from() + "）",
                Staff.name());
        audit.record(
                AuditEvent.success("RESIDENT_STATUS_RECORDED", "resident", id).because(kind.name()));
        return statusId;
    }

    @Transactional
    public void endStatus(long statusId, LocalDate on) {
        StatusPeriod status =
                statuses.find(statusId).orElseThrow(() -> new NotFound("状态记录 " + statusId + " 不存在，或不在您的数据范围内"));
        long id = status.residentId();
        ResidentRecords.Row row = locked(id);
        if (on == null || !on.isAfter(status.validFrom())) {
            throw new BusinessRuleViolation("结束日期须晚于开始日期 " + status.validFrom());
        }
        if (status.validTo() != null) {
            throw new BusinessRuleViolation("该状态已于 " + status.validTo() + " 结束");
        }
        statuses.end(statusId, on);
        residents.touch(id);
        residents.event(
                id,
                row.communityCode(),
                "STATUS_ENDED",
                status.kind().label() + "于" + cn.minzheng.platform.Display.date(on) + "结束",
                Staff.name());
        audit.record(AuditEvent.success("RESIDENT_STATUS_ENDED", "resident", id)
                .because(status.kind().name()));
    }

    private ResidentRecords.Row locked(long id) {
        residents.lock(id).orElseThrow(() -> notFound(id));
        ResidentRecords.Row row = residents.row(id).orElseThrow(() -> notFound(id));
        if (row.mergedInto() != null) {
            throw new BusinessRuleViolation("该档案已合并到居民档案 " + row.mergedInto() + "，请在该档案中办理");
        }
        return row;
    }

    static NotFound notFound(long id) {
        return new NotFound("居民档案 " + id + " 不存在，或不在您的数据范围内");
    }
}
