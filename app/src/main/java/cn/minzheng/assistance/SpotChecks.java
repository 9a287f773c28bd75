package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.Sm3;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 特困 spot checks (《特困人员认定办法》第十六条: the district checks at least 30 % — parameter TEKUN_SPOTCHECK_RATIO —
 * of the cases it confirms). Decided when the street submits a case, one at a time per street and year: a case is
 * selected when the street's share selected so far would otherwise fall below the ratio (QUOTA), or when the draw —
 * the first four bytes of SM3("year:case number") as a fraction — is below the ratio (DRAW), so that which case is
 * checked cannot be foreseen by timing a submission. Deterministic and recorded, so an auditor can recompute each
 * selection. A selected case can be confirmed only after the district's check (步骤 SPOT_CHECK).
 */
@Service
public class SpotChecks {

    private final JdbcClient jdbc;
    private final Parameters parameters;
    private final AuditTrail audit;

    SpotChecks(JdbcClient jdbc, Parameters parameters, AuditTrail audit) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.audit = audit;
    }

    public record SpotCheck(
            int year,
            String street,
            int sequence,
            boolean selected,
            String reason,
            BigDecimal draw,
            BigDecimal ratio,
            int selectedBefore) {

        public String reasonLabel() {
            return switch (reason) {
                case "QUOTA" -> "抽中（保证抽查比例不低于下限）";
                case "DRAW" -> "抽中（随机抽取）";
                default -> "未抽中";
            };
        }
    }

    /** Decides once per case (a case returned and submitted again keeps its first decision). */
    SpotCheck decide(Application a, LocalDate on) {
        Optional<SpotCheck> known = of(a.id());
        if (known.isPresent()) {
            return known.get();
        }
        int year = on.getYear();
        String street = a.communityCode().substring(0, 9);
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(?))")
                .param(AdvisoryLocks.TEKUN_SPOT_CHECK + street + ":" + year)
                .query()
                .singleValue();
        int before = jdbc.sql("select count(*) from assistance_spot_check where year = ? and street_code = ?")
                .params(year, street)
                .query(Integer.class)
                .single();
        int selectedBefore = jdbc.sql(
                        "select count(*) from assistance_spot_check where year = ? and street_code = ? and selected")
                .params(year, street)
                .query(Integer.class)
                .single();
        BigDecimal ratio = parameters
                .valueAsOf("TEKUN_SPOTCHECK_RATIO", a.communityCode(), on)
                .value();
        int sequence = before + 1;
        boolean quota = selectedBefore < quota(ratio, sequence);
        BigDecimal draw = draw(year, a.caseNumber());
        boolean selected = quota || draw.compareTo(ratio) < 0;
        String reason = quota ? "QUOTA" : selected ? "DRAW" : "NOT_SELECTED";
        jdbc.sql("""
                        insert into assistance_spot_check (application_id, community_code, year, street_code, sequence,
                            selected, reason, draw, ratio, selected_before)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        a.id(),
                        a.communityCode(),
                        year,
                        street,
                        sequence,
                        selected,
                        reason,
                        draw,
                        ratio,
                        selectedBefore)
                .update();
        audit.record(AuditEvent.success("TEKUN_SPOT_CHECK_DRAWN", "assistance_application", a.id())
                .because(reason + " " + year + "/" + street + "#" + sequence));
        return of(a.id()).orElseThrow();
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public Optional<SpotCheck> of(long applicationId) {
        return jdbc.sql("select * from assistance_spot_check where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new SpotCheck(
                        rs.getInt("year"),
                        rs.getString("street_code"),
                        rs.getInt("sequence"),
                        rs.getBoolean("selected"),
                        rs.getString("reason"),
                        rs.getBigDecimal("draw"),
                        rs.getBigDecimal("ratio"),
                        rs.getInt("selected_before")))
                .optional();
    }

    /** How many of the first {@code n} cases must at least be selected: ⌈ratio × n⌉. */
    static int quota(BigDecimal ratio, int n) {
        return ratio.multiply(BigDecimal.valueOf(n))
                .setScale(0, RoundingMode.CEILING)
                .intValueExact();
    }

    /** A reproducible fraction in [0, 1) from SM3("year:case number"), to four decimals. */
    static BigDecimal draw(int year, String caseNumber) {
        byte[] digest = Sm3.digest((year + ":" + caseNumber).getBytes(StandardCharsets.UTF_8));
        long value = ((digest[0] & 0xFFL) << 24)
                | ((digest[1] & 0xFFL) << 16)
                | ((digest[2] & 0xFFL) << 8)
                | (digest[3] & 0xFFL);
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(1L << 32), 4, RoundingMode.DOWN);
    }
}
