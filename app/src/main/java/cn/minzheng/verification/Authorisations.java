package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.resident.Residents;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 授权书 per household member (《最低生活保障审核确认办法》第九条; 《社会救助暂行办法》第五十八条): recorded by the street or
 * community with its scan's SM3, the programmes it covers and its validity ("在申请及保障期间一直有效" = no end date).
 * A person without a valid one is not verified; {@link #coverage} tells an assistance case who still has to sign.
 */
@Service
public class Authorisations {

    static final String WRITE = "hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')";
    static final String READ =
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')";
    private static final Pattern PROGRAMME = Pattern.compile("[A-Z][A-Z_]{1,30}");
    private static final Pattern SM3 = Pattern.compile("[0-9a-f]{64}");

    private final JdbcClient jdbc;
    private final Residents residents;
    private final AuditTrail audit;
    private final Clock clock;

    Authorisations(JdbcClient jdbc, Residents residents, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewAuthorisation(
            long residentId,
            Set<String> programmes,
            Authorisation.Signer signedBy,
            String proxyReason,
            LocalDate signedOn,
            LocalDate validFrom,
            LocalDate validTo,
            String documentSm3) {}

    @PreAuthorize(WRITE)
    @Transactional
    public long record(NewAuthorisation a) {
        ResidentSummary person = residents.find(a.residentId()).orElseThrow(() -> new NotFound("居民不存在，或不在您的数据范围内"));
        if (a.programmes() == null
                || a.programmes().isEmpty()
                || !a.programmes().stream().allMatch(p -> PROGRAMME.matcher(p).matches())) {
            throw new BusinessRuleViolation("须写明授权核对的救助项目（如 DIBAO、TEKUN，或 ALL 表示全部社会救助）");
        }
        if (a.signedBy() == null) {
            throw new BusinessRuleViolation("须写明签署人：本人、监护人、委托代签或继承人");
        }
        if (a.signedBy() != Authorisation.Signer.SELF
                && (a.proxyReason() == null || a.proxyReason().isBlank())) {
            throw new BusinessRuleViolation("非本人签署的，须写明原因（无民事行为能力由监护人签署、书面委托的理由等）");
        }
        LocalDate today = LocalDate.now(clock);
        if (a.signedOn() == null || a.signedOn().isAfter(today)) {
            throw new BusinessRuleViolation("签署日期不能为空，也不能晚于今天");
        }
        LocalDate from = a.validFrom() == null ? a.signedOn() : a.validFrom();
        if (a.validTo() != null && a.validTo().isBefore(from)) {
            throw new BusinessRuleViolation("有效期的结束日期早于开始日期");
        }
        if (a.documentSm3() != null && !SM3.matcher(a.documentSm3()).matches()) {
            throw new BusinessRuleViolation("授权书扫描件的 SM3 摘要格式不正确");
        }
        Long household =
                residents.householdOf(person.id()).map(HouseholdView::id).orElse(null);
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        long id = jdbc.sql("""
                        insert into verification_authorisation (resident_id, household_id, community_code, programmes,
                            signed_by, proxy_reason, signed_on, valid_from, valid_to, document_sm3, recorded_by)
                        values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        person.id(),
                        household,
                        person.communityCode(),
                        a.programmes().toArray(String[]::new), // a typed array parameter: the driver quotes it
                        a.signedBy().name(),
                        blankToNull(a.proxyReason()),
                        a.signedOn(),
                        from,
                        a.validTo(),
                        a.documentSm3(),
                        actor)
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success("AUTHORISATION_RECORDED", "verification_authorisation", id)
                .because("resident " + person.id()));
        return id;
    }

    @PreAuthorize(WRITE)
    @Transactional
    public void revoke(long id, LocalDate on, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("撤回授权须写明原因");
        }
        int changed = jdbc.sql("""
                        update verification_authorisation set revoked_on = ?, revoked_reason = ?
                        where id = ? and revoked_on is null
                        """)
                .params(on == null ? LocalDate.now(clock) : on, reason.strip(), id)
                .update();
        if (changed == 0) {
            throw new NotFound("授权书不存在、已撤回，或不在您的数据范围内");
        }
        audit.record(AuditEvent.success("AUTHORISATION_REVOKED", "verification_authorisation", id));
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Authorisation> ofResident(long residentId) {
        residents.find(residentId).orElseThrow(() -> new NotFound("居民不存在，或不在您的数据范围内"));
        return jdbc.sql(
                        "select * from verification_authorisation where resident_id = ? order by signed_on desc, id desc")
                .param(residents.resolve(residentId))
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Whether the person may be verified for the programme on the date. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public boolean isAuthorised(long residentId, String programme, LocalDate on) {
        return ofResident(residentId).stream().anyMatch(a -> a.covers(programme, on));
    }

    /** For one member of the household: counted for assistance, and authorised or not. */
    public record MemberCoverage(
            long residentId, String name, boolean counted, boolean authorised, String explanation) {}

    /** Every member the household counts for assistance must have authorised; the list says who has not. */
    public record Coverage(long householdId, String programme, LocalDate on, List<MemberCoverage> members) {

        public boolean complete() {
            return members.stream().filter(MemberCoverage::counted).allMatch(MemberCoverage::authorised);
        }

        public List<String> missing() {
            return members.stream()
                    .filter(m -> m.counted() && !m.authorised())
                    .map(MemberCoverage::name)
                    .toList();
        }
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Coverage coverage(long householdId, String programme, LocalDate on) {
        residents.household(householdId).orElseThrow(() -> new NotFound("家庭不存在，或不在您的数据范围内"));
        List<HouseholdMembershipPolicy.Decision> members = residents.membersForAssistance(householdId, on);
        return new Coverage(
                householdId,
                programme,
                on,
                members.stream()
                        .map(m -> new MemberCoverage(
                                m.residentId(),
                                m.name(),
                                m.verdict() != HouseholdMembershipPolicy.Verdict.EXCLUDED,
                                isAuthorised(m.residentId(), programme, on),
                                m.explanation()))
                        .toList());
    }

    static Authorisation map(ResultSet rs) throws SQLException {
        Array programmes = rs.getArray("programmes");
        return new Authorisation(
                rs.getLong("id"),
                rs.getLong("resident_id"),
                (Long) rs.getObject("household_id"),
                rs.getString("community_code"),
                Arrays.asList((String[]) programmes.getArray()),
                Authorisation.Signer.valueOf(rs.getString("signed_by")),
                rs.getString("proxy_reason"),
                rs.getObject("signed_on", LocalDate.class),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("document_sm3"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("revoked_on", LocalDate.class),
                rs.getString("revoked_reason"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
