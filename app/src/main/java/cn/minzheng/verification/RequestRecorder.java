package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.verification.core.link.InProcessRun;
import cn.minzheng.verification.core.rules.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes what one household's verification found: the request, its members (who was compared), every linked record
 * (the query log), the findings with their legal basis and evidence, and the household totals. One audit entry per
 * request; the resident module has already logged each member's number being used.
 */
@Component
class RequestRecorder {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail audit;

    RequestRecorder(JdbcClient jdbc, JdbcTemplate template, AuditTrail audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
    }

    enum Kind {
        CASE,
        BATCH
    }

    /** The engine's results for this household only. */
    record Results(
            long generation,
            List<InProcessRun.Hit> hits,
            List<InProcessRun.Finding> findings,
            List<InProcessRun.Total> totals,
            long millis) {

        static Results of(long generation, InProcessRun.Outcome outcome, String householdId, long millis) {
            return new Results(
                    generation,
                    outcome.hits().stream()
                            .filter(h -> h.householdId().equals(householdId))
                            .toList(),
                    outcome.findings().stream()
                            .filter(f -> f.householdId().equals(householdId))
                            .toList(),
                    outcome.totals().stream()
                            .filter(t -> t.householdId().equals(householdId))
                            .toList(),
                    millis);
        }
    }

    /** Must run inside a transaction. */
    long completed(HouseholdProbe.Plan plan, Kind kind, String caseRef, Long batchId, LocalDate day, Results results) {
        int sources = jdbc.sql("select count(*) from verification_generation_source where generation = ?")
                .param(results.generation())
                .query(Integer.class)
                .single();
        Map<Severity, Long> severities = results.findings().stream()
                .collect(Collectors.groupingBy(InProcessRun.Finding::severity, Collectors.counting()));
        long id = insertRequest(
                plan,
                kind,
                caseRef,
                batchId,
                day,
                "COMPLETED",
                null,
                results.generation(),
                plan.probe().size(),
                results.hits().size(),
                sources,
                severities,
                results.millis());
        Map<String, Long> hitsPerPerson = results.hits().stream()
                .collect(Collectors.groupingBy(InProcessRun.Hit::personId, Collectors.counting()));
        insertMembers(id, plan, hitsPerPerson);
        template.batchUpdate(
                "insert into verification_hit (request_id, resident_id, community_code, source_code, record_id, tier)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                results.hits(),
                1000,
                (ps, hit) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, Long.parseLong(hit.personId()));
                    ps.setString(3, plan.communityCode());
                    ps.setString(4, hit.source());
                    ps.setString(5, hit.recordId());
                    ps.setString(6, hit.tier());
                });
        template.batchUpdate("""
                insert into verification_finding (request_id, household_id, resident_id, community_code, rule_code, title,
                    severity, source_code, record_id, tier, evidence, legal_basis)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, results.findings(), 1000, (ps, f) -> {
            ps.setLong(1, id);
            ps.setLong(2, plan.householdId());
            if (f.personId() == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, Long.parseLong(f.personId()));
            }
            ps.setString(4, plan.communityCode());
            ps.setString(5, f.rule());
            ps.setString(6, f.title());
            ps.setString(7, f.severity().name());
            ps.setString(8, f.source());
            ps.setString(9, f.recordId());
            ps.setString(10, f.tier());
            ps.setString(11, f.evidence());
            ps.setString(12, f.legalBasis());
        });
        template.batchUpdate("""
                insert into verification_total (request_id, community_code, rule_code, title, source_code, total,
                    threshold, exceeds, money, legal_basis)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, results.totals(), 100, (ps, t) -> {
            ps.setLong(1, id);
            ps.setString(2, plan.communityCode());
            ps.setString(3, t.rule());
            ps.setString(4, t.title());
            ps.setString(5, t.source());
            ps.setBigDecimal(6, BigDecimal.valueOf(t.total()));
            ps.setBigDecimal(7, BigDecimal.valueOf(t.threshold()));
            ps.setBoolean(8, t.exceeds());
            ps.setBoolean(9, t.money());
            ps.setString(10, t.legalBasis());
        });
        audit.record(AuditEvent.success("VERIFICATION_REQUEST_COMPLETED", "verification_request", id)
                .because("household " + plan.householdId() + ", persons "
                        + plan.probe().size() + ", records " + results.hits().size()));
        return id;
    }

    /** A batch's household that could not be compared: recorded so that the street sees who must still sign. */
    long refused(HouseholdProbe.Plan plan, long batchId, LocalDate day) {
        long id = insertRequest(
                plan,
                Kind.BATCH,
                null,
                batchId,
                day,
                "REFUSED",
                plan.unauthorised().size() + " 名计入的家庭成员没有有效的核对授权书（" + plan.programme() + "），未予核对",
                null,
                0,
                0,
                0,
                Map.of(),
                0);
        insertMembers(id, plan, Map.of());
        audit.record(AuditEvent.denied("VERIFICATION_REQUEST_REFUSED", "verification_request", id, "NO_AUTHORISATION"));
        return id;
    }

    private long insertRequest(
            HouseholdProbe.Plan plan,
            Kind kind,
            String caseRef,
            Long batchId,
            LocalDate day,
            String status,
            String message,
            Long generation,
            int persons,
            int records,
            int sources,
            Map<Severity, Long> severities,
            long millis) {
        return jdbc.sql("""
                        insert into verification_request (kind, case_ref, batch_id, household_id, community_code,
                            programme, check_date, status, message, generation, persons, records_compared,
                            sources_queried, disqualifying, needs_explanation, information, duration_ms, requested_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        kind.name(),
                        caseRef,
                        batchId,
                        plan.householdId(),
                        plan.communityCode(),
                        plan.programme(),
                        day,
                        status,
                        message,
                        generation,
                        persons,
                        records,
                        sources,
                        severities.getOrDefault(Severity.DISQUALIFYING, 0L).intValue(),
                        severities.getOrDefault(Severity.NEEDS_EXPLANATION, 0L).intValue(),
                        severities.getOrDefault(Severity.INFORMATION, 0L).intValue(),
                        millis,
                        actor())
                .query(Long.class)
                .single();
    }

    private void insertMembers(long id, HouseholdProbe.Plan plan, Map<String, Long> hitsPerPerson) {
        boolean compared = !plan.refused();
        template.batchUpdate("""
                insert into verification_request_member (request_id, resident_id, community_code, relationship, verdict,
                    verified, with_id_number, hits)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, plan.members(), 100, (ps, m) -> {
            ps.setLong(1, id);
            ps.setLong(2, m.residentId());
            ps.setString(3, plan.communityCode());
            ps.setString(4, m.relationship());
            ps.setString(5, m.verdict().name());
            ps.setBoolean(6, compared && m.counted());
            ps.setBoolean(7, m.withIdNumber());
            ps.setInt(
                    8,
                    hitsPerPerson
                            .getOrDefault(Long.toString(m.residentId()), 0L)
                            .intValue());
        });
    }

    static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
