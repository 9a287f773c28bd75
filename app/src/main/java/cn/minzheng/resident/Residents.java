package cn.minzheng.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident module's questions for other modules (assistance, verification, elderly care …). Everything is answered
 * inside the caller's data scope; ID numbers come masked. Ids of merged records keep working: they resolve to the
 * surviving record.
 */
@Service
@PreAuthorize(ResidentRoles.READ)
@Transactional(readOnly = true)
public class Residents {

    private final JdbcClient jdbc;
    private final ResidentRecords residents;
    private final HouseholdRecords households;
    private final StatusRecords statuses;
    private final ResidentFiles files;

    Residents(
            JdbcClient jdbc,
            ResidentRecords residents,
            HouseholdRecords households,
            StatusRecords statuses,
            ResidentFiles files) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.households = households;
        this.statuses = statuses;
        this.files = files;
    }

    /** The record a (possibly merged) id stands for today. */
    public long resolve(long id) {
        long current = id;
        for (int hops = 0; hops < 20; hops++) {
            Long next = jdbc.sql("select merged_into from resident where id = ?")
                    .param(current)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    public Optional<ResidentSummary> find(long id) {
        return residents.summary(resolve(id));
    }

    public Optional<HouseholdView> householdOf(long residentId) {
        return households.currentMembership(resolve(residentId)).flatMap(m -> households.view(m.householdId()));
    }

    public Optional<HouseholdView> household(long householdId) {
        return households.view(householdId);
    }

    public List<StatusPeriod> statuses(long residentId) {
        return statuses.of(resolve(residentId));
    }

    /**
     * Full document numbers of the people a 家庭经济状况核对 request compares; every decryption is logged with the
     * purpose 核对 and the reference given (e.g. the request's number). For the staff who handle cases only.
     */
    @PreAuthorize(ResidentRoles.WRITE)
    @Transactional
    public List<VerificationIdentity> identitiesForVerification(List<Long> residentIds, String reference) {
        return files.identitiesForVerification(
                residentIds.stream().map(this::resolve).toList(), reference);
    }

    /** The head of each household (the payee of household programmes such as 低保). */
    public java.util.Map<Long, Long> heads(java.util.Collection<Long> householdIds) {
        java.util.Map<Long, Long> heads = new java.util.HashMap<>();
        jdbc.sql("select id, head_id from household where id = any(?) and head_id is not null")
                .param(householdIds.toArray(Long[]::new))
                .query(rs -> {
                    heads.put(rs.getLong(1), resolve(rs.getLong(2)));
                });
        return heads;
    }

    /** Names of residents (no other personal value), for lists such as a payment roll's payees. */
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> names(java.util.Collection<Long> residentIds) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (residentIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from resident where id = any(?)")
                .param(residentIds.toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** The number each household is known by on screens (H00002), for lists that hold household ids. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> householdNumbers(java.util.Collection<Long> householdIds) {
        java.util.Map<Long, String> numbers = new java.util.HashMap<>();
        if (householdIds.isEmpty()) {
            return numbers;
        }
        jdbc.sql("select id, household_no from household where id = any(?)")
                .param(householdIds.toArray(Long[]::new))
                .query(rs -> {
                    numbers.put(rs.getLong(1), rs.getString(2));
                });
        return numbers;
    }

    /** Names and full bank accounts of payees, for a bank payment file (logged per person, audited as one act). */
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional
    public java.util.Map<Long, ResidentFiles.Payee> payees(java.util.Collection<Long> residentIds, String note) {
        return files.payees(residentIds, note);
    }

    /** 共同生活的家庭成员 on a date, per 审核确认办法 第七条, each with its clause and explanation. */
    public List<HouseholdMembershipPolicy.Decision> membersForAssistance(long householdId, LocalDate on) {
        return files.assistanceMembers(householdId, on);
    }
}
