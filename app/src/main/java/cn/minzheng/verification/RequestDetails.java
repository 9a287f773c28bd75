package cn.minzheng.verification;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.resident.Residents;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import cn.minzheng.verification.core.store.Source;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads requests back: lists in the caller's scope (row-level security plus the scope prefix in the query), and one
 * request in full — members, the sources compared with the delivery each came from, findings with their review
 * history, household totals, issued reports. Callers are inside a transaction.
 */
@Component
public class RequestDetails {

    private static final String SUMMARY_COLUMNS = """
            r.*,
            (select count(*) from verification_finding f where f.request_id = r.id) as findings,
            (select count(*) from verification_finding f where f.request_id = r.id
               and coalesce((select v.kind || case when v.kind = 'CLASSIFICATION' and v.outcome = 'FALSE_POSITIVE'
                                                    and f.severity = 'DISQUALIFYING' then ':AWAITING' else '' end
                             from verification_review v where v.finding_id = f.id
                             order by v.id desc limit 1), 'NONE')
                   in ('NONE', 'OBJECTION', 'CLASSIFICATION:AWAITING')) as open_findings,
            (select max(p.version) from verification_report p where p.request_id = r.id) as report_version
            """;

    private final JdbcClient jdbc;
    private final Residents residents;
    private final java.time.ZoneId zone;
    private final Findings allFindings;

    RequestDetails(JdbcClient jdbc, Residents residents, java.time.Clock clock, Findings allFindings) {
        this.allFindings = allFindings;
        this.jdbc = jdbc;
        this.residents = residents;
        this.zone = clock.getZone();
    }

    /** What a list of requests shows; {@code area} a street or community code, {@code month} of the request. */
    public record Filter(
            Long householdId, Long batchId, String status, String kind, String area, java.time.YearMonth month) {

        Filter(Long householdId, Long batchId, String status, String kind) {
            this(householdId, batchId, status, kind, null, null);
        }

        static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    List<RequestSummary> list(Filter filter, int limit, int offset) {
        var params = new java.util.HashMap<String, Object>();
        String where = where(filter, params);
        params.put("limit", Math.max(1, Math.min(limit, 500)));
        params.put("offset", Math.max(0, offset));
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from verification_request r" + where
                        + " order by r.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> summary(rs))
                .list();
    }

    /** How many requests the filter matches, for the pager. */
    long count(Filter filter) {
        var params = new java.util.HashMap<String, Object>();
        return jdbc.sql("select count(*) from verification_request r" + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    private String where(Filter filter, java.util.Map<String, Object> params) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new NotFound("没有数据范围"));
        StringBuilder sql = new StringBuilder(" where starts_with(r.community_code, :scope)");
        params.put("scope", scope.code());
        if (filter.householdId() != null) {
            sql.append(" and r.household_id = :household");
            params.put("household", filter.householdId());
        }
        if (filter.batchId() != null) {
            sql.append(" and r.batch_id = :batch");
            params.put("batch", filter.batchId());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            sql.append(" and r.status = :status");
            params.put("status", filter.status().strip());
        }
        if (filter.area() != null && filter.area().matches("[0-9]{6,12}")) {
            sql.append(" and starts_with(r.community_code, :area)");
            params.put("area", filter.area());
        }
        if (filter.month() != null) {
            // the month on the bureau's clock, as the statistics count it
            sql.append(" and r.requested_at >= :monthStart and r.requested_at < :monthEnd");
            params.put(
                    "monthStart",
                    java.sql.Timestamp.from(
                            filter.month().atDay(1).atStartOfDay(zone).toInstant()));
            params.put(
                    "monthEnd",
                    java.sql.Timestamp.from(filter.month()
                            .plusMonths(1)
                            .atDay(1)
                            .atStartOfDay(zone)
                            .toInstant()));
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            sql.append(" and r.kind = :kind");
            params.put("kind", filter.kind().strip());
        }
        return sql.toString();
    }

    Optional<RequestSummary> summary(long id) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new NotFound("没有数据范围"));
        return jdbc.sql("select " + SUMMARY_COLUMNS
                        + " from verification_request r where r.id = ? and starts_with(r.community_code, ?)")
                .params(id, scope.code())
                .query((rs, n) -> summary(rs))
                .optional();
    }

    RequestSummary require(long id) {
        return summary(id).orElseThrow(() -> new NotFound("核对请求 " + id + " 不存在，或不在您的数据范围内"));
    }

    record Member(
            long residentId,
            String name,
            String maskedIdNumber,
            String relationship,
            String verdict,
            boolean verified,
            boolean withIdNumber,
            int hits) {

        public String verdictLabel() {
            return Labels.verdict(verdict);
        }
    }

    record SourceCompared(
            String code, String title, String provider, Long deliveryId, Instant deliveredAt, long hits) {}

    record Total(
            String ruleCode,
            String title,
            String sourceCode,
            BigDecimal total,
            BigDecimal threshold,
            boolean exceeds,
            boolean money,
            String legalBasis) {

        /** Money in yuan with two decimals, counts as whole numbers. */
        public String totalText() {
            return money ? yuan(total) : total.stripTrailingZeros().toPlainString();
        }

        public String thresholdText() {
            return money ? yuan(threshold) : threshold.stripTrailingZeros().toPlainString();
        }
    }

    /** Fen as yuan with the platform's money type (元, two decimals). */
    static String yuan(BigDecimal fen) {
        return cn.minzheng.shared.Money.fen(
                                fen.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact())
                        .toYuanString()
                + " 元";
    }

    public record Report(long id, int version, String sm3, String issuedBy, Instant issuedAt) {}

    public record Detail(
            RequestSummary summary,
            String householdNo,
            List<Member> members,
            List<SourceCompared> sources,
            List<Finding> findings,
            List<Total> totals,
            List<Report> reports) {

        /** A member's name by id, for findings. */
        public String nameOf(Long residentId) {
            if (residentId == null) {
                return "全户";
            }
            return members.stream()
                    .filter(m -> m.residentId() == residentId)
                    .map(Member::name)
                    .findFirst()
                    .orElse("成员 " + residentId);
        }

        /** The data the request could not check because the department has not delivered it. */
        public List<String> notChecked() {
            return sources.stream()
                    .filter(s -> s.deliveredAt() == null)
                    .map(SourceCompared::title)
                    .toList();
        }
    }

    Detail detail(long id) {
        RequestSummary summary = require(id);
        String householdNo = residents
                .household(summary.householdId())
                .map(h -> h.householdNo())
                .orElse("");
        List<Member> members = jdbc.sql("select * from verification_request_member where request_id = ?")
                .param(id)
                .query((rs, n) -> {
                    long resident = rs.getLong("resident_id");
                    Optional<ResidentSummary> person = residents.find(resident);
                    return new Member(
                            resident,
                            person.map(ResidentSummary::name).orElse("居民 " + resident),
                            person.map(ResidentSummary::maskedIdNumber).orElse(null),
                            rs.getString("relationship"),
                            rs.getString("verdict"),
                            rs.getBoolean("verified"),
                            rs.getBoolean("with_id_number"),
                            rs.getInt("hits"));
                })
                .list();
        Map<String, Long> hitsPerSource = jdbc
                .sql("select source_code, count(*) from verification_hit where request_id = ? group by source_code")
                .param(id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        record Delivered(long deliveryId, Instant at) {}
        Map<String, Delivered> delivered = summary.generation() == null
                ? Map.of()
                : jdbc
                        .sql("""
                                select g.source_code, g.delivery_id, d.finished_at from verification_generation_source g
                                join verification_delivery d on d.id = g.delivery_id where g.generation = ?
                                """)
                        .param(summary.generation())
                        .query((rs, n) -> Map.entry(
                                rs.getString(1),
                                new Delivered(
                                        rs.getLong(2),
                                        rs.getTimestamp(3) == null
                                                ? null
                                                : rs.getTimestamp(3).toInstant())))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<SourceCompared> sources = new ArrayList<>();
        for (Source source : Source.values()) {
            Delivered d = delivered.get(source.code());
            sources.add(new SourceCompared(
                    source.code(),
                    source.title(),
                    source.provider(),
                    d == null ? null : d.deliveryId(),
                    d == null ? null : d.at(),
                    hitsPerSource.getOrDefault(source.code(), 0L)));
        }
        List<Total> totals = jdbc.sql("select * from verification_total where request_id = ? order by rule_code")
                .param(id)
                .query((rs, n) -> new Total(
                        rs.getString("rule_code"),
                        rs.getString("title"),
                        rs.getString("source_code"),
                        rs.getBigDecimal("total"),
                        rs.getBigDecimal("threshold"),
                        rs.getBoolean("exceeds"),
                        rs.getBoolean("money"),
                        rs.getString("legal_basis")))
                .list();
        List<Report> reports = reports(id);
        return new Detail(summary, householdNo, members, sources, allFindings.ofRequestUnchecked(id), totals, reports);
    }

    List<Report> reports(long requestId) {
        return jdbc.sql("select id, version, sm3, issued_by, issued_at from verification_report where request_id = ?"
                        + " order by version")
                .param(requestId)
                .query((rs, n) -> new Report(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    static RequestSummary summary(ResultSet rs) throws SQLException {
        return new RequestSummary(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("case_ref"),
                (Long) rs.getObject("batch_id"),
                rs.getLong("household_id"),
                rs.getString("community_code"),
                rs.getString("programme"),
                rs.getObject("check_date", java.time.LocalDate.class),
                rs.getString("status"),
                rs.getString("message"),
                (Long) rs.getObject("generation"),
                rs.getInt("persons"),
                rs.getInt("records_compared"),
                rs.getInt("sources_queried"),
                rs.getInt("disqualifying"),
                rs.getInt("needs_explanation"),
                rs.getInt("information"),
                (Long) rs.getObject("duration_ms"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getInt("findings"),
                rs.getInt("open_findings"),
                (Integer) rs.getObject("report_version"));
    }
}
