package cn.minzheng.verification;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics in the seed's units (雁塔区 2023: 比对 1.8 万人次、9.9 万余条信息): 人次 — persons compared, counted once per
 * request (a person verified twice is two 人次) — and 条 — records found about them and compared against the rules; by
 * month of the request and street, in the viewer's scope. Completed requests only.
 */
@Service
public class VerificationStatistics {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final java.time.Clock clock;

    VerificationStatistics(JdbcClient jdbc, Regions regions, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    public record Row(
            String month,
            String streetCode,
            String streetName,
            long requests,
            long households,
            long persons,
            long records,
            long withFindings) {}

    public record Totals(long requests, long persons, long records) {

        /** 人次 in 万 as the seed writes it (1.8万). */
        public String personsInWan() {
            return wan(persons);
        }

        public String recordsInWan() {
            return wan(records);
        }

        private static String wan(long value) {
            return value >= 10_000 ? String.format("%.1f万", value / 10_000.0) : String.valueOf(value);
        }
    }

    public record Report(YearMonth from, YearMonth to, List<Row> rows, Totals totals) {}

    @PreAuthorize(VerificationRoles.STATISTICS)
    @Transactional(readOnly = true)
    public Report between(YearMonth from, YearMonth to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessRuleViolation("统计期间不正确：结束月份不能早于开始月份");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new BusinessRuleViolation("统计期间最长五年");
        }
        DataScope scope = DataScopes.current().orElseThrow(() -> new NotFound("没有数据范围"));
        ZoneId beijing = clock.getZone();
        var start = java.sql.Timestamp.from(from.atDay(1).atStartOfDay(beijing).toInstant());
        var end = java.sql.Timestamp.from(
                to.plusMonths(1).atDay(1).atStartOfDay(beijing).toInstant());
        LocalDate today = regions.today();
        List<Row> rows = jdbc.sql("""
                        select to_char(requested_at at time zone ?, 'YYYY-MM') as month,
                               substr(community_code, 1, 9) as street,
                               count(*) as requests, count(distinct household_id) as households,
                               coalesce(sum(persons), 0) as persons, coalesce(sum(records_compared), 0) as records,
                               count(*) filter (where disqualifying + needs_explanation + information > 0) as with_findings
                        from verification_request
                        where status = 'COMPLETED' and starts_with(community_code, ?)
                          and requested_at >= ? and requested_at < ?
                        group by 1, 2 order by 1, 2
                        """)
                .params(beijing.getId(), scope.code(), start, end)
                .query((rs, n) -> {
                    String street = rs.getString("street");
                    return new Row(
                            rs.getString("month"),
                            street,
                            regions.find(street, today).map(RegionUnit::name).orElse(street),
                            rs.getLong("requests"),
                            rs.getLong("households"),
                            rs.getLong("persons"),
                            rs.getLong("records"),
                            rs.getLong("with_findings"));
                })
                .list();
        Totals totals = new Totals(
                rows.stream().mapToLong(Row::requests).sum(),
                rows.stream().mapToLong(Row::persons).sum(),
                rows.stream().mapToLong(Row::records).sum());
        return new Report(from, to, rows, totals);
    }
}
