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
}
