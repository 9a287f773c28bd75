package cn.minzheng.assistance;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.shared.DataScope;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 救助统计: amounts actually paid (reconciled as paid) and caseloads, by programme, level, street and month — the kind of
 * figure the work summary reports ("发放各类救助金1546.45万元"), computed from payments, never typed in. Counted in the
 * viewer's scope.
 */
@Service
public class AssistanceStatistics {

    private final JdbcClient jdbc;

    AssistanceStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String programme, String month, String street, String level, long cases, long paidFen) {}

    public record Year(int year, long paidFen, long personTimes, List<Row> rows) {

        /** 万元 with two decimals, as the bureau reports it. */
        public String paidWanYuan() {
            return new java.math.BigDecimal(paidFen)
                    .movePointLeft(6)
                    .setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
        }
    }

    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional(readOnly = true)
    public Year of(int year) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        List<Row> rows = jdbc.sql("""
                        select i.programme_code, to_char(i.period, 'YYYY-MM') as month, left(i.community_code, 9) as street,
                               coalesce(s.level, '') as level, count(distinct (i.subject_type, i.subject_id)) as cases,
                               sum(i.amount_fen) as paid
                        from payment_item i join assistance_status s on s.id = i.status_id
                        where i.state = 'PAID' and i.period >= ? and i.period < ? and starts_with(i.community_code, ?)
                        group by 1, 2, 3, 4
                        order by 1, 2, 3, 4
                        """)
                .params(from, to, scope.code())
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
        long paid = rows.stream().mapToLong(Row::paidFen).sum();
        long personTimes = rows.stream().mapToLong(Row::cases).sum();
        return new Year(year, paid, personTimes, rows);
    }

    /** One paid item behind a figure: who was paid, where, how much, in which month. */
    public record PaidItem(
            long id,
            String programme,
            String month,
            String subjectType,
            long subjectId,
            String communityCode,
            String level,
            long amountFen) {}

    public record Items(List<PaidItem> items, long total, long sumFen) {}

    /**
     * The paid items of a year behind a statistics figure, filtered by any of programme, month (YYYY-MM), street and
     * level; {@code null} leaves a dimension open.
     */
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional(readOnly = true)
    public Items items(int year, String programme, String month, String street, String level, int page, int size) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        LocalDate from = LocalDate.of(year, 1, 1);
        String where = """
                 from payment_item i join assistance_status s on s.id = i.status_id
                where i.state = 'PAID' and i.period >= :from and i.period < :to and starts_with(i.community_code, :scope)
                  and (cast(:programme as text) is null or i.programme_code = :programme)
                  and (cast(:month as text) is null or to_char(i.period, 'YYYY-MM') = :month)
                  and (cast(:street as text) is null or starts_with(i.community_code, :street))
                  and (cast(:level as text) is null or coalesce(s.level, '') = :level)
                """;
        var params = new java.util.HashMap<String, Object>();
        params.put("from", from);
        params.put("to", from.plusYears(1));
        params.put("scope", scope.code());
        params.put("programme", programme);
        params.put("month", month);
        params.put("street", street);
        params.put("level", level);
        record Count(long n, long sum) {}
        Count count = jdbc.sql("select count(*) as n, coalesce(sum(i.amount_fen), 0) as sum" + where)
                .params(params)
                .query(Count.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) Math.max(0, page) * size);
        List<PaidItem> items = jdbc.sql(
                        """
                        select i.id, i.programme_code, to_char(i.period, 'YYYY-MM'), i.subject_type, i.subject_id,
                               i.community_code, coalesce(s.level, ''), i.amount_fen
                        """ + where + " order by i.period, i.community_code, i.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new PaidItem(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8)))
                .list();
        return new Items(items, count.n(), count.sum());
    }
}
