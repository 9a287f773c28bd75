package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening records: a resident's page and a household's page. Every opening names its purpose and is written to the
 * access log (and the audit trail) in the same transaction as the reading; so is every revealing of a full number.
 */
@Service
public class ResidentFiles {

    private final JdbcClient jdbc;
    private final ResidentRecords residents;
    private final HouseholdRecords households;
    private final StatusRecords statuses;
    private final SensitiveFields sensitive;
    private final AccessLog accessLog;
    private final Communities communities;

    ResidentFiles(
            JdbcClient jdbc,
            ResidentRecords residents,
            HouseholdRecords households,
            StatusRecords statuses,
            SensitiveFields sensitive,
            AccessLog accessLog,
            Communities communities) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.households = households;
        this.statuses = statuses;
        this.sensitive = sensitive;
        this.accessLog = accessLog;
        this.communities = communities;
    }

    /** What a resident's page shows. The phone is in full only for the roles that contact people. */
    public record ResidentFile(
            ResidentSummary resident,
            String communityName,
            String phone,
            String bankName,
            String bankAccountMasked,
            List<StatusPeriod> statuses,
            HouseholdView household,
            List<HistoryItem> history,
            List<Long> mergedRecords,
            Instant createdAt,
            String createdBy,
            Long importId) {}

    public record HistoryItem(Instant at, String what, String detail, String actor) {}

    @PreAuthorize(ResidentRoles.READ)
    @Transactional
    public ResidentFile open(long id, AccessPurpose purpose, String note) {
        if (purpose == null) {
            throw new BusinessRuleViolation("请选择查阅事由");
        }
        if (purpose == AccessPurpose.OTHER && (note == null || note.isBlank())) {
            throw new BusinessRuleViolation("查阅事由为“其他”时请写明原因");
        }
        ResidentRecords.Row row = residents.row(id).orElseThrow(() -> ResidentManagement.notFound(id));
        ResidentSummary summary = residents.summary(id).orElseThrow(() -> ResidentManagement.notFound(id));
        accessLog.record(id, row.communityCode(), AccessLog.Action.VIEW, purpose, note);
        String phone = row.phoneCipher() == null
                ? null
                : Staff.roles().stream().anyMatch(ResidentRoles.FULL_PHONE::contains)
                        ? sensitive.open(row.phoneCipher(), SensitiveFields.PHONE)
                        : row.phoneMasked();
        List<Long> merged = jdbc.sql("select id from resident where merged_into = ? order by id")
                .param(id)
                .query(Long.class)
                .list();
        HouseholdView household = summary.householdId() == null
                ? null
                : households.view(summary.householdId()).orElse(null);
        return new ResidentFile(
                summary,
                communities.nameOf(row.communityCode()),
                phone,
                row.bankName(),
                row.bankAccountMasked(),
                statuses.of(id),
                household,
                history(id, merged, row),
                merged,
                row.createdAt(),
                row.createdBy(),
                row.importId());
    }

    /** Whether the record exists in the caller's scope, without opening it. */
    @PreAuthorize(ResidentRoles.READ)
    @Transactional(readOnly = true)
    public void requireResident(long id) {
        if (residents.summary(id).isEmpty()) {
            throw ResidentManagement.notFound(id);
        }
    }

    @PreAuthorize(ResidentRoles.READ)
    @Transactional(readOnly = true)
    public void requireHousehold(long id) {
        if (households.find(id).isEmpty()) {
            throw new NotFound("家庭 " + id + " 不存在，或不在您的数据范围内");
        }
    }

    public enum RevealedField {
        ID_NUMBER,
        BANK_ACCOUNT
    }

    /** The full number, for the roles that handle cases; logged as its own action with its purpose. */
    @PreAuthorize(ResidentRoles.WRITE)
    @Transactional
    public String reveal(long id, RevealedField field, AccessPurpose purpose, String note) {
        if (field == null || purpose == null) {
            throw new BusinessRuleViolation("请选择要显示的号码和查阅事由");
        }
        if (purpose == AccessPurpose.OTHER && (note == null || note.isBlank())) {
            throw new BusinessRuleViolation("查阅事由为“其他”时请写明原因");
        }
        ResidentRecords.Row row = residents.row(id).orElseThrow(() -> ResidentManagement.notFound(id));
        byte[] sealed = field == RevealedField.ID_NUMBER ? row.idCipher() : row.bankAccountCipher();
        if (sealed == null) {
            throw new BusinessRuleViolation(field == RevealedField.ID_NUMBER ? "该居民没有登记证件号码" : "该居民没有登记银行账户");
        }
        accessLog.record(
                id,
                row.communityCode(),
                field == RevealedField.ID_NUMBER
                        ? AccessLog.Action.REVEAL_ID_NUMBER
                        : AccessLog.Action.REVEAL_BANK_ACCOUNT,
                purpose,
                note);
        return sensitive.open(
                sealed, field == RevealedField.ID_NUMBER ? SensitiveFields.ID_NUMBER : SensitiveFields.BANK_ACCOUNT);
    }

    /**
     * The full numbers of the people 家庭经济状况核对 compares, for that comparison only: each person's decryption is an
     * access-log row (number revealed, purpose 核对, the request's reference), the act one audit entry.
     */
    @PreAuthorize(ResidentRoles.WRITE)
    @Transactional
    public List<VerificationIdentity> identitiesForVerification(List<Long> residentIds, String reference) {
        List<VerificationIdentity> identities = new ArrayList<>(residentIds.size());
        List<Long> revealed = new ArrayList<>();
        for (long id : residentIds) {
            ResidentRecords.Row row = residents.row(id).orElseThrow(() -> ResidentManagement.notFound(id));
            String number = null;
            if (row.idCipher() != null) {
                revealed.add(id);
                number = sensitive.open(row.idCipher(), SensitiveFields.ID_NUMBER);
            }
            identities.add(new VerificationIdentity(
                    id, row.name(), row.gender(), row.birthDate(), row.documentType(), number));
        }
        if (!revealed.isEmpty()) {
            accessLog.recordBulk(revealed, AccessLog.Action.REVEAL_ID_NUMBER, AccessPurpose.VERIFICATION, reference);
        }
        return identities;
    }

    /** Who is paid, and into which account: for a bank payment file. */
    public record Payee(long residentId, String name, String bankName, String bankAccount) {}

    /**
     * The payees' names and full bank accounts, decrypted, for a bank payment file; every person's record gets an
     * access-log row (bank account revealed, for case handling) and the act one audit entry.
     */
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional
    public java.util.Map<Long, Payee> payees(java.util.Collection<Long> residentIds, String note) {
        java.util.Map<Long, Payee> payees = new java.util.HashMap<>();
        jdbc.sql("select id, name, bank_name, bank_account_cipher from resident where id = any(?)")
                .param(residentIds.toArray(Long[]::new))
                .query(rs -> {
                    byte[] sealed = rs.getBytes("bank_account_cipher");
                    payees.put(
                            rs.getLong("id"),
                            new Payee(
                                    rs.getLong("id"),
                                    rs.getString("name"),
                                    rs.getString("bank_name"),
                                    sealed == null ? null : sensitive.open(sealed, SensitiveFields.BANK_ACCOUNT)));
                });
        accessLog.recordBulk(payees.keySet(), AccessLog.Action.REVEAL_BANK_ACCOUNT, AccessPurpose.CASE_HANDLING, note);
        return payees;
    }

    /** A household's page: every current member's opening is logged, since the page shows their details. */
    @PreAuthorize(ResidentRoles.READ)
    @Transactional
    public HouseholdView openHousehold(long householdId, AccessPurpose purpose, String note) {
        if (purpose == null) {
            throw new BusinessRuleViolation("请选择查阅事由");
        }
        HouseholdView view =
                households.view(householdId).orElseThrow(() -> new NotFound("家庭 " + householdId + " 不存在，或不在您的数据范围内"));
        for (HouseholdView.Member member : view.members()) {
            accessLog.record(
                    member.resident().id(), member.resident().communityCode(), AccessLog.Action.VIEW, purpose, note);
        }
        return view;
    }

    /** Who counts as a household member for assistance on a date, with the reasons (审核确认办法 第七条). */
    @PreAuthorize(ResidentRoles.READ)
    @Transactional(readOnly = true)
    public List<HouseholdMembershipPolicy.Decision> assistanceMembers(long householdId, LocalDate on) {
        HouseholdView view =
                households.view(householdId).orElseThrow(() -> new NotFound("家庭 " + householdId + " 不存在，或不在您的数据范围内"));
        LocalDate date = on == null ? communities.today() : on;
        List<HouseholdRecords.Membership> memberships = households.memberships(householdId).stream()
                .filter(m -> (m.joinedOn() == null || !m.joinedOn().isAfter(date))
                        && (m.leftOn() == null || m.leftOn().isAfter(date)))
                .toList();
        Map<Long, ResidentSummary> people =
                residents
                        .summaries(memberships.stream()
                                .map(HouseholdRecords.Membership::residentId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ResidentSummary::id, p -> p));
        Map<Long, List<StatusPeriod>> periods = statuses.ofAll(List.copyOf(people.keySet())).stream()
                .collect(Collectors.groupingBy(StatusPeriod::residentId));
        List<HouseholdMembershipPolicy.Member> members = new ArrayList<>();
        for (HouseholdRecords.Membership m : memberships) {
            ResidentSummary person = people.get(m.residentId());
            if (person == null) {
                continue;
            }
            members.add(new HouseholdMembershipPolicy.Member(
                    person.id(),
                    person.name(),
                    m.relationship(),
                    person.birthDate(),
                    person.diedOn(),
                    periods.getOrDefault(person.id(), List.of())));
        }
        members.sort(Comparator.comparing(
                (HouseholdMembershipPolicy.Member m) -> m.relationship().ordinal()));
        assert view.id() == householdId;
        return HouseholdMembershipPolicy.decide(members, date);
    }

    private List<HistoryItem> history(long id, List<Long> merged, ResidentRecords.Row row) {
        List<Long> ids = new ArrayList<>(merged);
        ids.add(id);
        Long[] all = ids.toArray(Long[]::new);
        List<HistoryItem> items = new ArrayList<>(jdbc.sql("""
                        select occurred_at, kind, detail, actor from resident_event where resident_id = any(?)
                        """)
                .param(all)
                .query((rs, n) -> new HistoryItem(
                        rs.getTimestamp("occurred_at").toInstant(),
                        eventLabel(rs.getString("kind")),
                        rs.getString("detail"),
                        rs.getString("actor")))
                .list());
        items.addAll(jdbc.sql("""
                        select e.recorded_at, e.kind, e.occurred_on, e.note, e.recorded_by, h.household_no
                        from household_event e join household h on h.id = e.household_id
                        where e.resident_id = any(?)
                        """)
                .param(all)
                .query((rs, n) -> new HistoryItem(
                        rs.getTimestamp("recorded_at").toInstant(),
                        "家庭：" + HouseholdEventKind.valueOf(rs.getString("kind")).label(),
                        "户编号 " + rs.getString("household_no")
                                + (rs.getObject("occurred_on") == null ? "" : "，" + rs.getObject("occurred_on"))
                                + (rs.getString("note") == null ? "" : "，" + rs.getString("note")),
                        rs.getString("recorded_by")))
                .list());
        if (items.stream().noneMatch(item -> item.what().equals("建档"))) {
            // bulk registrations (imports, the demo district) write no event per person: the row itself says it
            items.add(new HistoryItem(
                    row.createdAt(),
                    "建档",
                    row.importId() == null ? "批量登记" : "导入建档（第 " + row.importId() + " 号导入）",
                    row.createdBy()));
        }
        items.sort(Comparator.comparing(HistoryItem::at).reversed());
        return items;
    }

    static String eventLabel(String kind) {
        return switch (kind) {
            case "REGISTERED" -> "建档";
            case "IMPORTED" -> "导入建档";
            case "UPDATED" -> "更新信息";
            case "CONTACT_CHANGED" -> "更新联系方式";
            case "STATUS_RECORDED" -> "登记状态";
            case "STATUS_ENDED" -> "状态结束";
            case "DIED" -> "死亡";
            case "MOVED" -> "迁移社区";
            case "MERGED_FROM" -> "合并重复档案";
            case "MERGED_INTO" -> "并入其他档案";
            default -> kind;
        };
    }
}
